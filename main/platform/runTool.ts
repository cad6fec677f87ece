import { execFile } from 'node:child_process';

export interface RunToolOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Said in the "not installed" message, e.g. "install it with `apt install xprintidle`". */
  installHint?: string;
}

/**
 * Runs a helper program (no shell) and resolves with its stdout. Rejects with a message a user can act on:
 * not installed, timed out, or the tool's own complaint from stderr.
 */
export function runTool(file: string, args: string[], opts: RunToolOptions): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { env: opts.env, timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
        if (e.code === 'ENOENT') {
          return reject(new Error(`\`${file}\` is not installed (not found in PATH)${opts.installHint ? `; ${opts.installHint}` : ''}`));
        }
        if (e.killed || e.signal === 'SIGTERM') return reject(new Error(`\`${file}\` did not finish within ${timeoutMs} ms`));
        const said = stderr.trim().split('\n').slice(-3).join(' / ');
        reject(new Error(`\`${file}\` failed (${typeof e.code === 'number' ? `exit ${e.code}` : (e.code ?? e.signal ?? 'error')})${said ? `: ${said}` : ''}`));
      },
    );
  });
}
