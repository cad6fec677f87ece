import { readFileSync } from 'node:fs';
import type { Clock } from '../core/ports.js';

/**
 * Linux's /proc/uptime is CLOCK_BOOTTIME: it keeps counting while the machine sleeps, unlike
 * process.hrtime (CLOCK_MONOTONIC). Elsewhere the engine measures a sleep by the wall clock at resume.
 */
function bootTimeMs(): number | null {
  try {
    const secs = Number(readFileSync('/proc/uptime', 'latin1').split(' ')[0]);
    return Number.isFinite(secs) ? secs * 1000 : null;
  } catch {
    return null;
  }
}

export function systemClock(): Clock {
  const useBoot = process.platform === 'linux' && bootTimeMs() !== null;
  const hrBase = process.hrtime.bigint();
  let last = 0;
  return {
    monoCountsSleep: useBoot,
    now() {
      const raw = useBoot ? (bootTimeMs() ?? last) : Number((process.hrtime.bigint() - hrBase) / 1_000_000n);
      last = Math.max(last, raw); // never backwards, whatever the source does
      return { mono: last, wall: Date.now() };
    },
  };
}
