import { spawnSync } from 'node:child_process';
import { ROOT } from './renderer.js';

/** Runs the real `sitwell` CLI and returns its stdout; throws with stderr on a non-zero exit. */
export function sitwell(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`sitwell ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Whether a subcommand (and an option of it) exists yet in this checkout. */
export function cliHas(command: string, option?: string): boolean {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', command, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && (option === undefined || r.stdout.includes(option));
}
