import { readFile, stat } from 'node:fs/promises';
import type { IdleSource } from './types.js';

/**
 * FOR TESTS AND THE DAEMON'S DOCUMENTED TESTING OPTION ONLY — never chosen by auto-detection.
 * Idle time from a function: a fixed script of readings, a simulated clock, or an error to inject.
 */
export function createScriptedIdleSource(read: () => number | Promise<number>, name = 'scripted (testing)'): IdleSource {
  return {
    name,
    async idleMs() {
      const v = await read();
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${name} produced ${String(v)}, not milliseconds`);
      return v;
    },
  };
}

/**
 * FOR TESTING ONLY. Idle time from a file holding one integer: the idle milliseconds at the moment the file
 * was written. The reported idle time keeps growing from there with the file's age, like a real one, so a
 * test only writes the file at "input" moments (`echo 0 > idle`) and never has to keep it updated.
 */
export function createFileIdleSource(path: string, now: () => number = Date.now): IdleSource {
  const name = `file (testing): ${path}`;
  return {
    name,
    async idleMs() {
      // As of the moment it looked, like an X server's idle counter: a process kept off the CPU between the look
      // and the answer must not count that wait as the user's absence (a file rewritten by someone typing meanwhile
      // is still "old" in a stat taken before, and a starved daemon read that as walking away, mid-bout).
      const lookedAt = now();
      let text: string;
      let mtimeMs: number;
      try {
        [text, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      } catch (e) {
        throw new Error(`cannot read idle file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
      }
      const t = text.trim();
      if (!/^\d+$/.test(t)) throw new Error(`idle file ${path} must hold a whole number of milliseconds, found ${JSON.stringify(t.slice(0, 40))}`);
      return Number(t) + Math.max(0, Math.floor(lookedAt - mtimeMs));
    },
  };
}
