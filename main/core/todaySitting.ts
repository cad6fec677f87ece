import { localDate, splitByDay } from './localTime.js';

/**
 * Today's sitting as every view shows it (the tracker's Now state, `sitwell status`, a window on the
 * history only): the stored day plus the part of the open bout that falls on today's local date, and
 * the open bout counted among today's bouts when it started today (DESIGN.md §2: a bout across
 * midnight counts towards each day for the minutes in it).
 */
export function todaySitting(
  stored: { sittingMs: number; bouts: number } | undefined,
  open: { start: number; end: number } | null,
  now: number,
  zone: string,
): { date: string; sittingMs: number; bouts: number } {
  const date = localDate(now, zone);
  let sittingMs = stored?.sittingMs ?? 0;
  let bouts = stored?.bouts ?? 0;
  if (open) {
    for (const part of splitByDay(open.start, Math.max(open.start, open.end), zone)) if (part.date === date) sittingMs += part.ms;
    if (localDate(open.start, zone) === date) bouts += 1;
  }
  return { date, sittingMs, bouts };
}

/** The tracker checkpoints the open bout at least once a minute (DESIGN.md §2, durability). */
export const CHECKPOINT_EVERY_MS = 60_000;

/**
 * Where the open bout stands for a process that only reads the tracker's checkpoint: up to now, but
 * no further than a checkpoint period past the last save (a tracker that stopped saving is not
 * counted sitting for ever), and never before the last input it saw.
 */
export function checkpointedBoutEnd(cp: { lastInput: number; savedAt: number }, now: number): number {
  return Math.max(cp.lastInput, Math.min(now, cp.savedAt + CHECKPOINT_EVERY_MS));
}
