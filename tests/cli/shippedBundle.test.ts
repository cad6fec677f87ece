import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/sitwellCli.js';

/**
 * The `sitwell` command as installed runs the built bundle (bin/sitwell.mjs → dist/cli.mjs → split
 * chunks), not the sources the other CLI tests run through tsx. Files that find things relative to
 * themselves (dist/renderer, package.json) broke there once without any test noticing: the bundle's
 * chunks sat one folder deeper than the paths written into them.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sitwell.mjs');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the shipped `sitwell` bundle (bin/sitwell.mjs over dist/)', { timeout: 120_000 }, () => {
  const tmp = tempDir('sitwell-shipped-');
  beforeAll(() => {
    // `npm test` builds before it tests; a lone `vitest run` of this file builds here instead of skipping.
    if (existsSync(join(ROOT, 'dist', 'cli.mjs')) && existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('`sitwell --version` prints the package version', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('`sitwell ui` serves the built window and reports the package version', async () => {
    const proc = spawn(process.execPath, [BIN, '--db', join(tmp.dir, 'h.db'), 'ui', '--port', '0', '--no-open'], { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${out}\nstderr: ${err}`)), 30_000);
        proc.stdout.on('data', () => {
          const m = /Sitwell UI: (\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(new URL(m[1]!));
          }
        });
        proc.once('exit', (code) => reject(new Error(`sitwell ui exited ${code}; stderr: ${err}`)));
      });
      const page = await (await fetch(url)).text();
      expect(page, 'the page served should be the built renderer, not the "not built" notice').toContain('<div id="root">');
      const token = url.searchParams.get('token')!;
      const res = await fetch(new URL('/api/call/getInfo', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sitwell-token': token },
        body: '{}',
      });
      const body = (await res.json()) as { ok: boolean; value: { version: string } };
      expect(body.ok).toBe(true);
      expect(body.value.version).toBe(VERSION);
    } finally {
      proc.kill('SIGTERM');
    }
  });
});
