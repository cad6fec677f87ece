import type { StatsReport } from '../../shared/statsReport.js';
import { isCalendarDate } from '../../shared/calendar.js';
import { buildReport } from '../core/report.js';
import type { Store } from '../store/types.js';

/** The statistics report for local dates from…to inclusive; instants are labelled in `zone`. */
export function getStats(store: Store, range: { from: string; to: string; zone: string }): StatsReport {
  for (const key of ['from', 'to'] as const) {
    if (!isCalendarDate(range[key])) throw new RangeError(`${key}: "${range[key]}" is not a date (YYYY-MM-DD)`);
  }
  if (range.from > range.to) throw new RangeError(`from (${range.from}) is after to (${range.to})`);
  return buildReport(store.statsRows(range.from, range.to), range);
}
