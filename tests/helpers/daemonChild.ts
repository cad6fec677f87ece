/**
 * `sitwell daemon` as a child process of a test (run from the source with tsx, so no build is
 * needed), its output collected, plus the two small things every daemon test asks: wait for a
 * condition, and read rows from the history the daemon writes (read-only, so never in its way).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';

const CLI = ['--import', 'tsx', 'main/cli/main.ts'];

export interface DaemonChild {
  child: ChildProcess;
  /** stdout and stderr so far. */
  out(): string;
  exited: Promise<number | null>;
}

/** Settings "minutes" last `minuteMs` (the documented --testing-minute-ms option). */
export function startDaemon(db: string, env: NodeJS.ProcessEnv, opts: { minuteMs?: number; extra?: string[] } = {}): DaemonChild {
  const child = spawn(process.execPath, [...CLI, '--db', db, 'daemon', '--testing-minute-ms', String(opts.minuteMs ?? 1000), '--verbose', ...(opts.extra ?? [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

/** Polls `fn` every 100 ms until it gives something truthy; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function rows(db: string, sql: string): Record<string, unknown>[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    d.close();
  }
}
