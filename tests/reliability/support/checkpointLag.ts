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

interface ThreadTimes {
  /** ns on a CPU and ns runnable on a run queue (/proc/PID/task/TID/schedstat, fields 1 and 2). */
  runNs: number;
  waitNs: number;
  /** R (running or runnable), S, D… (/proc/PID/task/TID/stat, field 3). */
  state: string;
}
/** One look at every thread, with the wall time just before and just after it. */
interface Sample {
  before: number;
  after: number;
  threads: Map<string, ThreadTimes>;
}

function readThreads(pid: number): Map<string, ThreadTimes> | null {
  try {
    const threads = new Map<string, ThreadTimes>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const [runNs, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      threads.set(tid, { runNs: runNs ?? 0, waitNs: waitNs ?? 0, state: stat.slice(stat.lastIndexOf(')') + 2).charAt(0) });
    }
    return threads;
  } catch {
    return null; // gone, or a kernel without schedstat
  }
}

/**
 * Samples a child's threads every `everyMs` from its spawn until it exits: how long each has waited on a run
 * queue for a CPU, and run. `since(wall)` takes a final sample and returns the wait inside [wall, now], an upper
 * bound however late this (loaded) test process's own timer fired:
 * - the wait the kernel has booked since the last sample taken before `wall`, summed over threads (a reading
 *   crosses from the event loop to libuv's pool and back; a sum is never below the wait on that path);
 * - plus the wait still going on: the kernel books a wait only when the thread gets its CPU, so a daemon starved
 *   right up to the kill would show none of it. A thread runnable now that has not run since an earlier sample
 *   has been waiting since that sample at most.
 * `runMs` (time on a CPU inside the window) is for the report.
 */
export function watchRunQueueWait(child: ChildProcess, spawnedAt: number, everyMs = 25) {
  const pid = child.pid!;
  const samples: Sample[] = [{ before: spawnedAt, after: spawnedAt, threads: new Map() }];
  const sample = () => {
    const before = Date.now();
    const threads = readThreads(pid);
    if (threads) samples.push({ before, after: Date.now(), threads });
  };
  const timer = setInterval(sample, everyMs).unref();
  child.once('exit', () => clearInterval(timer));
  return {
    /** Call while the process still lives (before the kill). */
    since(wall: number): { waitMs: number; runMs: number } {
      sample();
      clearInterval(timer);
      const fromIndex = samples.findLastIndex((s) => s.after <= wall);
      const from = samples[Math.max(0, fromIndex)]!;
      const last = samples.at(-1)!;
      let waitNs = 0;
      let runNs = 0;
      for (const [tid, t] of last.threads) {
        const was = from.threads.get(tid);
        waitNs += t.waitNs - (was?.waitNs ?? 0);
        runNs += t.runNs - (was?.runNs ?? 0);
        if (t.state !== 'R') continue;
        // The latest earlier sample at which this thread was not yet in its current wait: asleep, or it has run since.
        let k = samples.length - 2;
        while (k > 0 && samples[k]!.before >= from.before) {
          const then = samples[k]!.threads.get(tid);
          if (!then || then.state !== 'R' || then.runNs !== t.runNs) break;
          k--;
        }
        waitNs += (last.after - Math.max(samples[Math.max(0, k)]!.before, from.before)) * 1e6;
      }
      return { waitMs: Math.max(0, waitNs) / 1e6, runMs: Math.max(0, runNs) / 1e6 };
    },
  };
}

/** The loggedTyping timers still running: stopTyping() ends them after a test, failed or not. */
const typists = new Set<() => void>();

/** For each suite's afterEach: a failed test left its typist writing into a folder about to be removed. */
export function stopTyping(): void {
  for (const stop of [...typists]) stop();
}

/**
 * "Works": writes the idle file with 0 every `everyMs` while started, and logs each write as [before, after]
 * (the file's mtime lies inside). A timer in this process, so a loaded machine stretches its gaps; the log
 * says by how much (`gapAfter`), where a shell loop (startTyping) would leave it unknown.
 */
export function loggedTyping(idleFile: string, everyMs: number) {
  const writes: { before: number; after: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    typists.delete(stop);
  };
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
      typists.add(stop);
    },
    stop,
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
export function allowedLag(o: { minuteMs: number; slackMs: number; typistGapMs: number; sched: { waitMs: number; runMs: number } }) {
  const ms = o.minuteMs + o.typistGapMs + Math.ceil(o.sched.waitMs) + o.slackMs;
  return {
    ms,
    why: `minute ${o.minuteMs} + typist gap ${o.typistGapMs} + run-queue wait ${o.sched.waitMs.toFixed(1)} + slack ${o.slackMs} ms; the daemon ran ${o.sched.runMs.toFixed(1)} ms meanwhile`,
  };
}
