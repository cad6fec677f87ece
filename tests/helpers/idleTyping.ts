import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';

/**
 * "Input" for the file idle source (`--idle-source file:PATH`, SITWELL_TESTING_IDLE_FILE): the file holds the
 * idle milliseconds at its last write. Shared by every suite that types at a real tracker process.
 */

/** One input, written atomically: a reader must never find the file empty half-way through a write (an idle-source failure). */
export function touchIdle(idleFile: string, ms = 0): void {
  writeFileSync(`${idleFile}.tmp`, String(ms));
  renameSync(`${idleFile}.tmp`, idleFile);
}

/**
 * Input every `everyMs` (default 40) until `stop()`, written by a shell loop of its own: a timer in this test
 * process stalls whenever the process is busy under load, and a stall longer than the minimum break reads to the
 * tracker as walking away. Each write is whole (a temp file renamed).
 */
export function startTyping(idleFile: string, everyMs = 40): { stop: () => Promise<void> } {
  touchIdle(idleFile);
  const script = 'while :; do printf 0 > "$1.typing" && mv -f "$1.typing" "$1"; sleep "$2"; done';
  const typist = spawn('sh', ['-c', script, 'typing', idleFile, String(everyMs / 1000)], { stdio: 'ignore', detached: true });
  const exited = new Promise((r) => typist.once('exit', r));
  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      // The whole group, so that no `mv` outlives the loop and writes an input after the caller's next write.
      process.kill(-typist.pid!, 'SIGKILL');
      await exited;
      touchIdle(idleFile);
    },
  };
}
