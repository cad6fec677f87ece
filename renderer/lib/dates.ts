/**
 * Calendar arithmetic on local dates written as YYYY-MM-DD. A plain date has no zone, so it is
 * handled as a UTC date here; "today" is read in the user's zone.
 */

const DAY_MS = 86_400_000;

export type RangeKind = 'day' | 'week' | 'month' | 'year';
export const RANGE_KINDS: readonly RangeKind[] = ['day', 'week', 'month', 'year'];

export function isDate(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && toUtc(s) !== null && fromUtc(toUtc(s)!) === s;
}

function toUtc(date: string): number | null {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return null;
  const t = Date.UTC(y, m - 1, d);
  return Number.isFinite(t) ? t : null;
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date)! + n * DAY_MS);
}

/** 0 = Monday … 6 = Sunday, as in the statistics heatmap. */
export function weekday(date: string): number {
  return (new Date(toUtc(date)!).getUTCDay() + 6) % 7;
}

/** Building an Intl.DateTimeFormat costs far more than using one: keep one per set of options. */
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(locale: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

export function today(zone: string | undefined): string {
  try {
    return dateFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  } catch {
    return dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  }
}

/** The day, ISO week (Monday start), calendar month or calendar year holding `anchor`. */
export function rangeOf(kind: RangeKind, anchor: string): { from: string; to: string } {
  switch (kind) {
    case 'day':
      return { from: anchor, to: anchor };
    case 'week': {
      const from = addDays(anchor, -weekday(anchor));
      return { from, to: addDays(from, 6) };
    }
    case 'month': {
      const from = `${anchor.slice(0, 7)}-01`;
      const [y, m] = anchor.split('-').map(Number) as [number, number];
      return { from, to: fromUtc(Date.UTC(y, m, 0)) };
    }
    case 'year':
      return { from: `${anchor.slice(0, 4)}-01-01`, to: `${anchor.slice(0, 4)}-12-31` };
  }
}

/** The anchor of the previous or next range of the same kind. */
export function shift(kind: RangeKind, anchor: string, by: -1 | 1): string {
  const { from, to } = rangeOf(kind, anchor);
  return by < 0 ? addDays(from, -1) : addDays(to, 1);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to)! - toUtc(from)!) / DAY_MS) + 1;
}

/** Seconds since the epoch at UTC noon of the date: uPlot's x value for a day. */
export const dateSeconds = (date: string): number => (toUtc(date)! + DAY_MS / 2) / 1000;

export function formatDate(date: string, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  return dateFormat(undefined, { ...opts, timeZone: 'UTC' }).format(toUtc(date)!);
}

export function describeRange(kind: RangeKind | 'custom', from: string, to: string): string {
  if (kind === 'day') return formatDate(from, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  if (kind === 'month') return formatDate(from, { month: 'long', year: 'numeric' });
  if (kind === 'year') return from.slice(0, 4);
  return `${formatDate(from)} – ${formatDate(to)}`;
}
