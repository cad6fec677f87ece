import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The end-to-end tests build the window from inside vitest, which sets NODE_ENV=test. Vite used
 * to take that as a reason to bundle React's development build, so every browser test ran a
 * window that never ships. A real `vite build`, started with the test runner's environment.
 */
describe('the window built from a test run', () => {
  const out = mkdtempSync(join(tmpdir(), 'sitwell-renderer-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("is React's production build, as `npm run build` makes it", () => {
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const js = readdirSync(join(out, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'assets', f), 'utf8'))
      .join('\n');
    // Strings only React's development builds carry: the JSX dev runtime and act() warnings.
    // (Checked as booleans: a failure would otherwise print the whole bundle.)
    for (const marker of ['jsxDEV', 'act(...)']) expect(js.includes(marker), `the bundle holds "${marker}"`).toBe(false);
  }, 150_000);
});
