/**
 * A hybrid logical clock (Kulkarni et al. 2014) for changes that several devices make to the same
 * thing (a setting): wall-clock milliseconds, a counter for changes within one millisecond or
 * after a clock stepped back, and the device id as the last tie-break. The newest stamp wins on
 * every device, whatever order the changes arrive in.
 *
 * Written as one string that sorts as the clock does: `000001764806400000-000000-<device>`.
 */

export interface Hlc {
  ms: number;
  count: number;
  device: string;
}

const MS_DIGITS = 15;
const COUNT_DIGITS = 6;
const MAX_COUNT = 10 ** COUNT_DIGITS - 1;
const HLC_RE = /^(\d{15})-(\d{6})-([A-Za-z0-9_-]{1,64})$/;

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(MS_DIGITS, '0')}-${String(h.count).padStart(COUNT_DIGITS, '0')}-${h.device}`;
}

/** The clock in a stamp, or null for a string that is not one. */
export function parseHlc(s: string): Hlc | null {
  const m = HLC_RE.exec(s);
  return m ? { ms: Number(m[1]), count: Number(m[2]), device: m[3]! } : null;
}

/** Negative, 0 or positive as `a` is older than, the same as, or newer than `b`. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a.ms - b.ms || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

/** The stamp for a change made here at wall time `nowMs`, after the clock's last stamp `last` (null: never stamped). */
export function tick(last: Hlc | null, device: string, nowMs: number): Hlc {
  const wall = Math.max(0, Math.floor(nowMs));
  if (!last || wall > last.ms) return { ms: wall, count: 0, device };
  // The wall clock stood still or stepped back: keep the old time and count on, so stamps only grow.
  return bump(last.ms, last.count, device);
}

function bump(ms: number, count: number, device: string): Hlc {
  return count >= MAX_COUNT ? { ms: ms + 1, count: 0, device } : { ms, count: count + 1, device };
}

/**
 * The clock after seeing a stamp from another device. A stamp further than `maxAheadMs` ahead of
 * this machine's wall clock comes from a device whose clock is wrong: it is refused (`null`), so
 * one bad clock cannot drag every device's stamps hours into the future.
 */
export function receive(last: Hlc | null, remote: Hlc, device: string, nowMs: number, maxAheadMs: number): Hlc | null {
  const wall = Math.max(0, Math.floor(nowMs));
  if (remote.ms > wall + maxAheadMs) return null;
  const lastMs = last?.ms ?? -1;
  const ms = Math.max(wall, lastMs, remote.ms);
  if (ms === wall && ms > lastMs && ms > remote.ms) return { ms, count: 0, device };
  const count = Math.max(ms === lastMs ? last!.count : -1, ms === remote.ms ? remote.count : -1);
  return bump(ms, count, device);
}
