/**
 * Statistics are per person (issue 15): a bout on the laptop and an overlapping one on the desktop
 * are one stretch of sitting, counted once. The person's bouts are the union of every device's
 * bouts, joined where they overlap by more than an instant. Bouts that only touch stay two, so a
 * single device's history (whose bouts never overlap) is its own union, unchanged.
 *
 * The union is the same whatever order the bouts arrive in: each merged bout is one connected
 * group of overlapping bouts, and its zone is that of the bout starting first (ties: the zone
 * that sorts first), so the result depends only on the set.
 */

export interface ZonedInterval {
  start: number;
  end: number;
  zone: string;
}

/** Whether `a` names the merged bout's zone rather than `b`: the earlier start, then the zone that sorts first. */
const leads = (a: ZonedInterval, b: ZonedInterval): boolean => a.start < b.start || (a.start === b.start && a.zone <= b.zone);

/** One bout covering `added` and the merged bouts it overlaps (all of which must overlap it). */
export function joinOverlapping(overlapping: readonly ZonedInterval[], added: ZonedInterval): ZonedInterval {
  let out = added;
  for (const m of overlapping) {
    out = { start: Math.min(out.start, m.start), end: Math.max(out.end, m.end), zone: leads(m, out) ? m.zone : out.zone };
  }
  return out;
}

/** The union of any bouts, in start order. Bouts of zero length add nothing. */
export function unionBouts(bouts: readonly ZonedInterval[]): ZonedInterval[] {
  const sorted = bouts.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
  const out: ZonedInterval[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && b.start < last.end) out[out.length - 1] = joinOverlapping([last], b);
    else out.push({ start: b.start, end: b.end, zone: b.zone });
  }
  return out;
}
