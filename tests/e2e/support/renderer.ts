import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');
const STAMP = join(ROOT, 'node_modules', '.cache', 'sitwell-e2e', 'renderer.stamp');
const LOCK = join(ROOT, 'node_modules', '.cache', 'sitwell-e2e', 'renderer.lock');

/** The sources dist/renderer is built from. */
const SOURCES = [join(ROOT, 'renderer'), join(ROOT, 'shared')];

/** Every file below `dirs`, in a stable order. */
function filesBelow(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

/** The sources' content, hashed: what decides whether dist/renderer is current (see ensureRendererBuilt). */
function sourceHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const p of files) hash.update(`${p}\0`).update(readFileSync(p)).update('\0');
  return hash.digest('hex');
}

/** Whether dist/renderer was built after the last change to any of `files`. */
function builtAfter(files: string[]): boolean {
  try {
    const built = statSync(join(RENDERER_DIST, 'index.html')).mtimeMs;
    return files.every((p) => statSync(p).mtimeMs < built);
  } catch {
    return false;
  }
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
  // By content, not modification time: a test that rewrote a source with the same bytes (the pseudo-locale's
  // generator in the i18n unit test) made the next suite rebuild, and vite empties dist/renderer first, so every
  // page other suites loaded meanwhile was "not built" (the likely end of views.e2e's keyboard test, twice, in a fresh-clone run).
  const files = filesBelow(SOURCES);
  const version = sourceHash(files);
  const stamp = read(STAMP);
  if (stamp === version && read(join(RENDERER_DIST, 'index.html')) !== '') return;
  mkdirSync(join(ROOT, 'node_modules', '.cache', 'sitwell-e2e'), { recursive: true });
  // No stamp yet, but a build newer than every source (`npm test` runs `npm run build` first, in a fresh clone
  // too): that build is current. Rebuilding it would empty dist/renderer under the suites already serving it.
  if (stamp === '' && builtAfter(files)) {
    writeFileSync(STAMP, `${version}\n`);
    return;
  }
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const script =
    `[ "$(cat '${STAMP}' 2>/dev/null)" = '${version}' ] && [ -f '${RENDERER_DIST}/index.html' ] && exit 0; ` +
    `'${process.execPath}' '${vite}' build --config renderer/vite.config.ts --logLevel error && echo '${version}' > '${STAMP}'`;
  const r = spawnSync('flock', [LOCK, 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`building the renderer failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}
