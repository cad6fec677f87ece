import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTyping } from '../../helpers/idleTyping.js';
import type { CliRunner } from './cliBundle.js';

// The typing helpers live with the other suites' helpers; the reliability tests import them from here as before.
export { startTyping, touchIdle } from '../../helpers/idleTyping.js';

/** A real `sitwell daemon` child process with its combined output. */
export interface DaemonProcess {
  child: ChildProcess;
  /** stdout + stderr so far. */
  out(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** When (Date.now) the first output line matching `re` arrived, or null. */
  seenAt(re: RegExp): number | null;
  /** Resolves with the time (Date.now) the output first matched, or rejects after timeoutMs / at exit. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<number>;
}

/** Daemons started by startDaemon that have not exited yet (see stopLiveDaemons). */
const live = new Set<DaemonProcess>();

/**
 * Stops every daemon this worker started that still runs. Each suite that starts daemons calls it in its
 * afterEach: a failed assertion or a timeout leaves its daemon holding the history lock, and the retry (or the
 * next test on the same history) would meet "another Sitwell daemon is already tracking" instead of its own failure.
 */
export async function stopLiveDaemons(): Promise<void> {
  await Promise.all([...live].map((d) => stopDaemon(d)));
}

export function startDaemon(
  runner: CliRunner,
  opts: { db: string; idleFile: string; minuteMs: number; env?: NodeJS.ProcessEnv; notifications?: boolean; extra?: string[] },
): DaemonProcess {
  const args = [...runner.args, '--db', opts.db, 'daemon', '--idle-source', `file:${opts.idleFile}`, '--testing-minute-ms', String(opts.minuteMs)];
  if (!opts.notifications) args.push('--no-notifications');
  args.push(...(opts.extra ?? []));
  const child = spawn(process.execPath, args, { env: opts.env ?? quietEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const lines: { at: number; line: string }[] = [];
  const waiters = new Set<() => void>();
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (d: Buffer) => {
      out += d.toString();
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop()!;
      for (const line of parts) lines.push({ at: Date.now(), line });
      for (const w of [...waiters]) w();
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => {
      done = true;
      for (const w of [...waiters]) w();
      r({ code, signal });
    }),
  );
  const daemon: DaemonProcess = {
    child,
    out: () => out,
    exited,
    seenAt: (re) => lines.find((l) => re.test(l.line))?.at ?? null,
    waitFor(re, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (re.test(out)) {
            finish();
            resolve(lines.find((l) => re.test(l.line))?.at ?? Date.now());
          } else if (done) {
            finish();
            reject(new Error(`daemon exited before printing ${re}; output:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re}; output:\n${out}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  live.add(daemon);
  void exited.then(() => live.delete(daemon));
  return daemon;
}

/** The environment for a daemon that should find no D-Bus at all (fast, identical on every machine). */
export function quietEnv(dir = '/nonexistent'): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-session-bus')}`,
    DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${join(dir, 'no-system-bus')}`,
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  };
}

/** Ends a child we started (by its own handle), SIGKILL if it lingers. */
export async function stopDaemon(d: DaemonProcess, timeoutMs = 5000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (d.child.exitCode === null && d.child.signalCode === null) {
    d.child.kill('SIGTERM');
    const t = setTimeout(() => d.child.kill('SIGKILL'), timeoutMs);
    const r = await d.exited;
    clearTimeout(t);
    return r;
  }
  return d.exited;
}

/** Runs one query on a read-only connection (a reader never changes the file or its WAL). */
export function query<T = Record<string, unknown>>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

export function integrity(db: string): string {
  return query<{ integrity_check: string }>(db, 'PRAGMA integrity_check').map((r) => r.integrity_check).join('; ');
}

/** Row counts and a SHA-256 of every table's rows in primary-key order: equal fingerprints, equal history. */
export function fingerprint(db: string): Record<string, { rows: number; sha256: string }> {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const tables = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const t of tables) {
      const rows = d.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all();
      const json = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
      out[t] = { rows: rows.length, sha256: createHash('sha256').update(json).digest('hex') };
    }
    return out;
  } finally {
    d.close();
  }
}

/** Every file under `dir` (relative names) with size and mtime: what a command wrote, and where. */
export function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const p = join(rel, name);
      const s = statSync(join(dir, p));
      if (s.isDirectory()) {
        out[`${p}/`] = 'dir';
        walk(p);
      } else out[p] = `${s.size}:${s.mtimeMs}`;
    }
  };
  walk('');
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function sha256File(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** Input every 40 ms for `ms` (see startTyping). */
export async function work(idleFile: string, ms: number): Promise<void> {
  const typing = startTyping(idleFile);
  try {
    await sleep(ms);
  } finally {
    await typing.stop();
  }
}
