import { DateTime } from 'luxon';
import { addDays, dateToDay, isCalendarDate } from '../../shared/calendar.js';
import { CliError } from './errors.js';

const MAX_DAYS = 100 * 366;

/** --from/--to as local dates; a missing end defaults to a week (ending today, or around the given end). */
export function resolveRange(opts: { from?: string; to?: string }, zone: string, now: number): { from: string; to: string } {
  for (const key of ['from', 'to'] as const) {
    const v = opts[key];
    if (v !== undefined && !isCalendarDate(v)) throw new CliError(`--${key}: "${v}" is not a date (YYYY-MM-DD)`);
  }
  const today = DateTime.fromMillis(now, { zone }).toISODate()!;
  const to = opts.to ?? (opts.from && opts.from > today ? addDays(opts.from, 6) : today);
  const from = opts.from ?? addDays(to, -6);
  if (from > to) throw new CliError(`--from ${from} is after --to ${to}`);
  if (dateToDay(to) - dateToDay(from) + 1 > MAX_DAYS) throw new CliError(`the range ${from} to ${to} is longer than 100 years`);
  return { from, to };
}
