import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/electronBinary.mjs';

export { ROOT };
export const DIST = join(ROOT, 'dist');
export const MAIN_BUNDLE = join(DIST, 'electron', 'main.cjs');
export const PRELOAD_BUNDLE = join(DIST, 'electron', 'preload.cjs');
export const RENDERER_INDEX = join(DIST, 'renderer', 'index.html');

/**
 * `npm test` builds before running vitest; when a file runs on its own and the bundles are missing,
 * build them here (and say so) rather than test nothing. Never rebuilds what exists: other test
 * files may be reading dist/ at the same moment.
 */
export function ensureBuilt(opts: { renderer?: boolean } = {}): void {
  const needBundles = !existsSync(MAIN_BUNDLE) || !existsSync(PRELOAD_BUNDLE);
  const needRenderer = opts.renderer === true && !existsSync(RENDERER_INDEX);
  if (!needBundles && !needRenderer) return;
  console.log(`building ${needRenderer ? 'the renderer and ' : ''}the Electron bundles first (dist/ is incomplete)`);
  const args = [join(ROOT, 'scripts', 'build.mjs'), ...(needRenderer ? [] : ['--skip-renderer'])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}
