/**
 * Arithmetic on calendar dates ("YYYY-MM-DD"), for the statistics in main and the views in the
 * renderer alike. A calendar date is the same in every zone, so this runs on UTC day numbers:
 * fast enough for ten years of days, and no zone rules involved.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is this a real date (2026-02-30 is not)? */
export function isCalendarDate(s: unknown): s is string {
  return typeof s === 'string' && DATE_RE.test(s) && dayToDate(dateToDay(s)) === s;
}

/** Days since 1970-01-01. */
export function dateToDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Civil date of a day number (H. Hinnant's civil_from_days): the report calls this for every day of ten years. */
export function dayToDate(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The instant the date starts in UTC (what Intl formats as that date with timeZone 'UTC'). */
export const utcMidnight = (date: string): number => dateToDay(date) * DAY_MS;

export function addDays(date: string, n: number): string {
  return dayToDate(dateToDay(date) + n);
}

/** 0 = Monday … 6 = Sunday of a day number (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(dateToDay(date));
}

/** ISO-8601 week label, e.g. "2026-W13" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  return isoWeekOfDay(dateToDay(date));
}

/** isoWeek of a day number (the report labels every week of ten years). */
export function isoWeekOfDay(day: number): string {
  const thursday = day - weekdayOfDay(day) + 3;
  const year = dayToDate(thursday).slice(0, 4);
  const week = Math.floor((thursday - Date.UTC(Number(year), 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Days from `from` to `to`, both counted: the same date is 1. */
export function daysBetween(from: string, to: string): number {
  return dateToDay(to) - dateToDay(from) + 1;
}

/** The last date of the month holding `date`. */
export function monthEnd(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return dayToDate(Date.UTC(y, m, 0) / DAY_MS);
}

/** The same day `n` months later (or earlier), clipped to the month's end: 2026-03-31 − 1 month = 2026-02-28. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + n;
  const first = `${String(y + Math.floor(m0 / 12)).padStart(4, '0')}-${pad2((((m0 % 12) + 12) % 12) + 1)}-01`;
  const last = monthEnd(first);
  const d = `${first.slice(0, 8)}${date.slice(8)}`;
  return d > last ? last : d;
}

/** `months12`: the twelve months up to and including the anchor (a year a day short of a year ago … anchor). */
export type RangeKind = 'day' | 'week' | 'month' | 'year' | 'months12';
export const RANGE_KINDS: readonly RangeKind[] = ['day', 'week', 'month', 'year', 'months12'];

/** The day, ISO week (Monday start), calendar month or calendar year holding `anchor`. */
export function rangeOf(kind: RangeKind, anchor: string): { from: string; to: string } {
  switch (kind) {
    case 'day':
      return { from: anchor, to: anchor };
    case 'week': {
      const from = addDays(anchor, -weekdayOf(anchor));
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: `${anchor.slice(0, 7)}-01`, to: monthEnd(anchor) };
    case 'year':
      return { from: `${anchor.slice(0, 4)}-01-01`, to: `${anchor.slice(0, 4)}-12-31` };
    case 'months12':
      return { from: addDays(addMonths(anchor, -12), 1), to: anchor };
  }
}

/** The anchor of the previous or next range of the same kind. */
export function shiftRange(kind: RangeKind, anchor: string, by: -1 | 1): string {
  if (kind === 'months12') return addMonths(anchor, 12 * by);
  const { from, to } = rangeOf(kind, anchor);
  return by < 0 ? addDays(from, -1) : addDays(to, 1);
}

/**
 * The period just before from…to that a report is compared with: whole calendar months (a month, a
 * year) compare with as many whole months before; any other range with as many days before it.
 */
export function previousRange(from: string, to: string): { from: string; to: string } {
  if (from.endsWith('-01') && to === monthEnd(to)) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    const start = addMonths(from, -months);
    return { from: start, to: addDays(from, -1) };
  }
  const n = daysBetween(from, to);
  return { from: addDays(from, -n), to: addDays(to, -n) };
}
