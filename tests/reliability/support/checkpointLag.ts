import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { touchIdle } from './daemonProcess.js';

/**
 * What "the checkpoint is at most one minute behind the last input" may honestly allow on a loaded machine.
 * The daemon promises a reading (and checkpoint) at least once a settings minute; it cannot promise when the
 * kernel lets it run, nor when the test process gets round to writing the next input. Both are measured
 * here instead of guessed with a bigger slack: an unloaded run keeps the tight bound, and a loaded run is
 * allowed exactly the time the daemon sat runnable on a run queue and the gap the typist really left.
 */

/**
 * Milliseconds the process's threads have spent runnable but waiting for a CPU: the sum of the second field
 * of /proc/PID/task/TID/schedstat (ns on a run queue). Summed over threads because a reading crosses from the
 * event loop to libuv's pool and back; a sum is never below the wait on that path. null if /proc cannot tell.
 */
export function runQueueWaitMs(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/);
      ns += Number(fields[1] ?? 0);
    }
    return ns / 1e6;
  } catch {
    return null; // gone, or a kernel without schedstat
  }
}

/**
 * Samples a child's run-queue wait every `everyMs` (with the wall time of each sample), from its spawn (0 then)
 * until it exits.
 * `since(wall)` is the wait from the last sample at or before `wall` until a final sample taken now: an upper
 * bound of the wait inside [wall, now], however late this test process's own timer fired.
 */
export function watchRunQueueWait(child: ChildProcess, spawnedAt: number, everyMs = 25) {
  const pid = child.pid!;
  const samples: { at: number; ms: number }[] = [{ at: spawnedAt, ms: 0 }];
  const sample = () => {
    const ms = runQueueWaitMs(pid);
    if (ms !== null) samples.push({ at: Date.now(), ms });
  };
  const timer = setInterval(sample, everyMs).unref();
  child.once('exit', () => clearInterval(timer));
  return {
    /** Call while the process still lives (before the kill): the final sample. */
    since(wall: number): number {
      sample();
      clearInterval(timer);
      const from = samples.findLast((s) => s.at <= wall) ?? samples[0]!;
      return Math.max(0, samples.at(-1)!.ms - from.ms);
    },
  };
}

/**
 * "Works": writes the idle file with 0 every `everyMs` while started, and logs each write as [before, after]
 * (the file's mtime lies inside). A timer in this process, so a loaded machine stretches its gaps; the log
 * says by how much (`gapAfter`), where a shell loop (startTyping) would leave it unknown.
 */
export function loggedTyping(idleFile: string, everyMs: number) {
  const writes: { before: number; after: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const write = () => {
    const before = Date.now();
    touchIdle(idleFile);
    writes.push({ before, after: Date.now() });
  };
  return {
    /** When the last input was written (0: never). */
    get last(): number {
      return writes.at(-1)?.after ?? 0;
    },
    start() {
      if (timer) return;
      write();
      timer = setInterval(write, everyMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    /**
     * How stale the idle file could have been for a reader that found the input written at `inputAt` (its
     * mtime): until the next write landed. At least `everyMs`, the gap the typist meant to keep.
     */
    gapAfter(inputAt: number): number {
      const next = writes.find((w) => w.before > inputAt);
      return Math.max(everyMs, next ? next.after - inputAt : 0);
    },
  };
}

/**
 * The most a checkpoint may lag the last input after a kill: the daemon's one-minute promise, the typist's
 * real gap after the input the checkpoint holds, the daemon's run-queue wait since then, and `slackMs` for an
 * unloaded machine's timer lateness. Returns the bound and its parts (for the failure message).
 */
export function allowedLag(o: { minuteMs: number; slackMs: number; typistGapMs: number; runQueueWaitMs: number }) {
  const ms = o.minuteMs + o.typistGapMs + Math.ceil(o.runQueueWaitMs) + o.slackMs;
  return { ms, why: `minute ${o.minuteMs} + typist gap ${o.typistGapMs} + run-queue wait ${o.runQueueWaitMs.toFixed(1)} + slack ${o.slackMs} ms` };
}
