import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');
const STAMP = join(ROOT, 'node_modules', '.cache', 'sitwell-e2e', 'renderer.stamp');
const LOCK = join(ROOT, 'node_modules', '.cache', 'sitwell-e2e', 'renderer.lock');

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Builds dist/renderer (the files `sitwell ui` and `sitwell daemon --ui` serve) when the renderer
 * or shared sources changed since the last build. Test files run in parallel workers, so the
 * build runs under flock and re-checks the stamp once it holds the lock.
 */
export function ensureRendererBuilt(): void {
  const version = String(Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'shared'))));
  if (read(STAMP) === version && read(join(RENDERER_DIST, 'index.html')) !== '') return;
  mkdirSync(join(ROOT, 'node_modules', '.cache', 'sitwell-e2e'), { recursive: true });
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const script =
    `[ "$(cat '${STAMP}' 2>/dev/null)" = '${version}' ] && [ -f '${RENDERER_DIST}/index.html' ] && exit 0; ` +
    `'${process.execPath}' '${vite}' build --config renderer/vite.config.ts --logLevel error && echo '${version}' > '${STAMP}'`;
  const r = spawnSync('flock', [LOCK, 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`building the renderer failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}
