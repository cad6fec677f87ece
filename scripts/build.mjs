#!/usr/bin/env node
// npm run build: the renderer (Vite) and the three Node bundles (esbuild):
//   dist/renderer/           the UI, loaded from file:// by Electron and served by `sitwell ui`
//   dist/electron/main.cjs   the Electron main process
//   dist/electron/preload.cjs
//   dist/cli.mjs             the `sitwell` command
//   dist/icons/              tray and window icons (copied from build/)
// Usage: node scripts/build.mjs [--skip-renderer]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundleOptions, NODE_EXTERNALS, sourceRelativeImportMeta } from './cliBundleOptions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const skipRenderer = process.argv.includes('--skip-renderer');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(`build: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

const t0 = Date.now();
rmSync(join(dist, 'cli'), { recursive: true, force: true });
if (!skipRenderer) {
  if (pkg.scripts?.['build:renderer']) run('npm', ['run', '-s', 'build:renderer']);
  else run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts']);
}

const common = {
  bundle: true,
  platform: 'node',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: join(dist, 'electron', 'main.cjs'),
    format: 'cjs',
    target: 'node22',
    external: ['electron', ...NODE_EXTERNALS],
    plugins: [sourceRelativeImportMeta(join(dist, 'electron'), 'cjs')],
  }),
  build({
    ...common,
    // A sandboxed preload can require only 'electron' (and a few Node shims): everything else is bundled in.
    entryPoints: ['main/electron/preload.ts'],
    outfile: join(dist, 'electron', 'preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    minify: true,
    external: ['electron'],
  }),
  build({
    ...common,
    ...cliBundleOptions(join(dist, 'cli')),
    // Split at the CLI's lazy subcommand imports: `sitwell daemon` loads only what the daemon runs
    // (its resident memory is the figure people notice), `replay` only the engine.
    entryPoints: { main: 'main/cli/main.ts' },
    outdir: join(dist, 'cli'),
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // Beside main.mjs, not in a subfolder: sourceRelativeImportMeta's paths hold only for files at the bundle's own depth.
    chunkNames: '[name]-[hash]',
  }),
]);

// dist/cli.mjs stays the one file to run (bin/sitwell.mjs, the tests, the benchmark).
writeFileSync(join(dist, 'cli.mjs'), "#!/usr/bin/env node\nimport './cli/main.mjs';\n");

// Tray and window icons ship inside dist/ so the packaged app (files: dist/**) has them.
const iconsOut = join(dist, 'icons');
mkdirSync(iconsOut, { recursive: true });
for (const dir of ['build/tray', 'build']) {
  const from = join(root, dir);
  if (!existsSync(from)) continue;
  for (const f of readdirSync(from)) if (f.endsWith('.png')) cpSync(join(from, f), join(iconsOut, f));
}
if (!existsSync(join(iconsOut, 'tray-ok.png'))) process.stderr.write('build: warning: build/tray/*.png missing; run node scripts/make-icons.mjs\n');

process.stdout.write(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${relative(root, dist)}${sep}: renderer, electron/main.cjs, electron/preload.cjs, cli.mjs)\n`);
