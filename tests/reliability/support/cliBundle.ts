import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

/**
 * The reliability tests start the daemon dozens of times: through tsx each start costs about a second,
 * through an esbuild bundle a fraction of that. The bundle is built here, from the current sources, into
 * node_modules/.cache (so `better-sqlite3` still resolves from the project), never into the shared dist/.
 * Same options as scripts/build.mjs for dist/cli.mjs.
 */

const ROOT = process.cwd();
const EXTERNALS = ['better-sqlite3', 'node-notifier', 'vite', 'fsevents', 'x11'];

function sourceRelativeImportMeta(outdir: string): Plugin {
  return {
    name: 'source-relative-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = relative(outdir, args.path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

export interface CliRunner {
  /** `node` arguments that run the CLI, before the CLI's own arguments. */
  args: string[];
  /** "esbuild bundle" or "tsx", for the report. */
  kind: string;
  buildMs: number;
}

/** Builds a private bundle of main/cli/main.ts; falls back to tsx (and says so) if esbuild fails. */
export async function cliRunner(name: string): Promise<CliRunner> {
  const outdir = join(ROOT, 'node_modules', '.cache', 'sitwell-reliability');
  // Built under a private name, then renamed over the suite's bundle: a daemon being started by another run of
  // the same suite reads either the old file or the new one, never half of one; nothing piles up.
  const outfile = join(outdir, `${name}.mjs`);
  const building = join(outdir, `${name}-${process.pid}.tmp.mjs`);
  const t0 = Date.now();
  try {
    mkdirSync(outdir, { recursive: true });
    await build({
      entryPoints: [join(ROOT, 'main/cli/main.ts')],
      outfile: building,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      external: EXTERNALS,
      banner: { js: "import { createRequire as __sitwellCreateRequire } from 'node:module';\nconst require = __sitwellCreateRequire(import.meta.url);" },
      plugins: [sourceRelativeImportMeta(outdir)],
    });
    renameSync(building, outfile);
    return { args: [outfile], kind: 'esbuild bundle', buildMs: Date.now() - t0 };
  } catch (e) {
    console.log(`reliability: esbuild bundle failed (${(e as Error).message}); running the CLI through tsx (slower)`);
    return { args: ['--import', 'tsx', 'main/cli/main.ts'], kind: 'tsx', buildMs: Date.now() - t0 };
  }
}

/** Runs one CLI command to completion. */
export function runCli(runner: CliRunner, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...runner.args, ...args],
      { env: { ...process.env, ...opts.env }, cwd: opts.cwd ?? ROOT, timeout: opts.timeoutMs ?? 60_000, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, ms: Date.now() - t0 }),
    );
  });
}
