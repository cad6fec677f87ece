import { execFile } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cliBundleOptions } from '../../../scripts/cliBundleOptions.mjs';

/**
 * The reliability tests start the daemon dozens of times: through tsx each start costs about a second,
 * through an esbuild bundle a fraction of that. The bundle is built here, from the current sources, into
 * node_modules/.cache (so `better-sqlite3` still resolves from the project), never into the shared dist/.
 * The options are scripts/build.mjs's for dist/cli/ (one file here instead of split chunks).
 */

const ROOT = process.cwd();
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
      ...cliBundleOptions(outdir),
      entryPoints: [join(ROOT, 'main/cli/main.ts')],
      outfile: building,
      logLevel: 'error',
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
