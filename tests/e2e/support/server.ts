import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureRendererBuilt } from './renderer.js';

/** A real `sitwell ui` or `sitwell daemon --ui` child process and the address it printed. */
export interface RunningSitwell {
  url: string;
  origin: string;
  token: string;
  proc: ChildProcess;
  output: () => string;
  /** The page address for a view: `#/stats?…` etc. */
  view(hash: string, query?: Record<string, string>): string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'sitwell-e2e-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningSitwell> {
  ensureRendererBuilt();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`sitwell ${args.join(' ')} printed no URL in 30 s\n${out}\n${err}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(e);
    };
    proc.on('exit', (code) => fail(new Error(`sitwell ${args.join(' ')} exited with ${code}\n${out}\n${err}`)));
    let found = false;
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // The daemon keeps logging to stdout after the URL line: handle the URL once.
      const m = found ? null : /Sitwell UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/.exec(out);
      if (!m) return;
      found = true;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      const url = m[1]!;
      const origin = new URL(url).origin;
      resolve({
        url,
        origin,
        token: m[2]!,
        proc,
        output: () => `${out}\n${err}`,
        view(hash, query = {}) {
          const u = new URL(url);
          for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
          u.hash = hash;
          return u.toString();
        },
        stop: () =>
          new Promise<void>((done) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return done();
            const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
            proc.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}

/** `sitwell ui`: history only, over the database at `db`. */
export function startUi(db: string): Promise<RunningSitwell> {
  return start(['--db', db, 'ui', '--port', '0', '--no-open']);
}

/**
 * `sitwell daemon --ui` with the documented testing options: idle time from a file (write 0 to it
 * for "input now") and tiny minutes, so a 1-minute sit limit passes in `minuteMs` milliseconds.
 */
export function startDaemonUi(db: string, idleFile: string, minuteMs: number): Promise<RunningSitwell> {
  writeFileSync(idleFile, '0');
  return start(['--db', db, 'daemon', '--ui', '--port', '0', '--idle-source', `file:${idleFile}`, '--testing-minute-ms', String(minuteMs), '--no-notifications']);
}

/** The same with real desktop notifications, in `env` (a test desktop's DISPLAY and session bus). */
export function startDaemonUiWithNotifications(db: string, idleFile: string, minuteMs: number, env: NodeJS.ProcessEnv): Promise<RunningSitwell> {
  writeFileSync(idleFile, '0');
  return start(['--db', db, 'daemon', '--ui', '--port', '0', '--idle-source', `file:${idleFile}`, '--testing-minute-ms', String(minuteMs)], env);
}
