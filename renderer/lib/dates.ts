/**
 * Dates as the views show them. The arithmetic is shared/calendar.ts; a plain date has no zone, so
 * it is formatted as a UTC date here, and "today" is read in the user's zone.
 */
import { utcMidnight, type RangeKind } from '../../shared/calendar.js';
import { i18n } from '../i18n.js';

/** Building an Intl.DateTimeFormat costs far more than using one: keep one per language and set of options. */
const formats = new Map<string, Intl.DateTimeFormat>();
/** `locale` undefined: the window's language (Settings or the system's), not merely the browser's. */
export function dateFormat(locale: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const lng = locale ?? i18n.language;
  const key = `${lng} ${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(lng, opts)));
  return f;
}

export function today(zone: string | undefined): string {
  try {
    return dateFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  } catch {
    return dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  }
}

/** Seconds since the epoch at UTC noon of the date: uPlot's x value for a day. */
export const dateSeconds = (date: string): number => (utcMidnight(date) + 43_200_000) / 1000;

export function formatDate(date: string, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  return dateFormat(undefined, { ...opts, timeZone: 'UTC' }).format(utcMidnight(date));
}

export function describeRange(kind: RangeKind | 'custom', from: string, to: string): string {
  if (kind === 'day') return formatDate(from, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  if (kind === 'month') return formatDate(from, { month: 'long', year: 'numeric' });
  if (kind === 'year') return from.slice(0, 4);
  return `${formatDate(from)} – ${formatDate(to)}`;
}
