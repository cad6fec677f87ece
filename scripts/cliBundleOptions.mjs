// The esbuild options of the `sitwell` CLI bundle, shared by scripts/build.mjs (dist/cli/) and the
// reliability tests' private bundle, so the tests run the daemon exactly as it ships.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** Native or binary-carrying packages stay in node_modules (electron-builder packs them; better-sqlite3 is asarUnpacked).
 * x11 is an optional dependency of dbus-next, only for X11-auth bus addresses; it is never installed. */
export const NODE_EXTERNALS = ['better-sqlite3', 'node-notifier', 'vite', 'fsevents', 'x11'];

/**
 * Source files that find things relative to themselves (package.json, dist/renderer) use
 * import.meta.url. In a bundle that would be the bundle's URL, so each use is rewritten to the
 * URL the source file would have, resolved from the bundle's own location. Every output file must
 * therefore sit directly in `outdir` (split chunks too): one level deeper, and `sitwell ui` looked
 * for dist/renderer one folder too high.
 * @param {string} outdir @param {'esm' | 'cjs'} format
 */
export function sourceRelativeImportMeta(outdir, format) {
  return {
    name: 'source-relative-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = relative(outdir, args.path).split(sep).join('/');
        const expr =
          format === 'esm'
            ? `new URL(${JSON.stringify(rel)}, import.meta.url).href`
            : `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(rel)})).href`;
        return { contents: text.replaceAll('import.meta.url', expr), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * The CLI as an ES module. Minified: besides size, luxon's and zod's comments hold non-ASCII
 * characters, and V8 keeps a source with any of them as a two-byte string (2 MB more for the daemon).
 * No keepNames: it wraps every function expression in a `__name(fn, "…")` call, a defineProperty on
 * each closure made, and dbus-next makes closures per value it marshals. Its start-up traffic with a
 * tray host left ~3.5 MB of such garbage in the old space (bench: daemon with the tray, 60.8 → 57.3 MB
 * after start). Nothing here reads a function's or class's `name`; errors set theirs explicitly.
 * @param {string} outdir the directory the bundle's files land in
 */
export function cliBundleOptions(outdir) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    external: NODE_EXTERNALS,
    // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
    banner: { js: "import { createRequire as __sitwellCreateRequire } from 'node:module';\nconst require = __sitwellCreateRequire(import.meta.url);" },
    plugins: [sourceRelativeImportMeta(outdir, 'esm')],
  };
}
