import type { StatsReport } from '../../shared/statsReport.js';
import { dateToDay, isCalendarDate, previousRange } from '../../shared/calendar.js';
import { comparePeriods, nothingRecorded } from '../core/comparison.js';
import { buildReport } from '../core/report.js';
import { localDate } from '../core/localTime.js';
import { stretchCountsAsBreak, withoutUncountedStretches, type UncountedStretch } from '../core/stretchCredit.js';
import type { Store } from '../store/types.js';

const DAY_MS = 86_400_000;

/**
 * The stretch sessions of the range that do not count as a break (stopped before the minimum break),
 * with what the day rows counted for them when they started: the gap between the bout they ended and
 * the next one, and the break prompt they answered. Sessions are few, so their neighbours are read one by one.
 */
function uncountedStretches(store: Store, range: { from: string; to: string }): UncountedStretch[] {
  const minBreakMs = store.getSettings().minBreakMinutes * 60_000;
  // A day either side: the dates are local, in each session's own zone.
  const sessions = store.listStretches({ from: (dateToDay(range.from) - 1) * DAY_MS, to: (dateToDay(range.to) + 2) * DAY_MS });
  const out: UncountedStretch[] = [];
  sessions.forEach((s, i) => {
    if (s.end === null || stretchCountsAsBreak(s, minBreakMs)) return;
    const endedBout = store.listBouts({ from: s.start - DAY_MS, to: s.start }).some((b) => b.end === s.start);
    const next = store.listBouts({ from: s.start, to: s.start + DAY_MS })[0];
    const splitBouts = endedBout && next !== undefined && localDate(next.start, next.zone) === localDate(s.start, s.zone);
    // The break prompt open when it started: the last one shown before it, recorded `stretched`, with no other session in between.
    const prompt = store.listPrompts({ from: s.start - DAY_MS, to: s.start + 1 }).filter((p) => p.kind === 'break').at(-1);
    const previous = sessions[i - 1];
    const answeredPrompt = prompt?.outcome === 'stretched' && !(previous && previous.start >= prompt.at && previous.start < s.start);
    out.push({ start: s.start, zone: s.zone, splitBouts, answeredPrompt });
  });
  return out;
}

/** The statistics report for local dates from…to inclusive; instants are labelled in `zone`. */
export function getStats(store: Store, range: { from: string; to: string; zone: string }): StatsReport {
  for (const key of ['from', 'to'] as const) {
    if (!isCalendarDate(range[key])) throw new RangeError(`${key}: "${range[key]}" is not a date (YYYY-MM-DD)`);
  }
  if (range.from > range.to) throw new RangeError(`from (${range.from}) is after to (${range.to})`);
  const report = reportFor(store, range);
  const before = { ...previousRange(range.from, range.to), zone: range.zone };
  // A period before the history began has nothing to read (ten years back from the whole history, say).
  const first = store.historySpan()?.first;
  const previous = first !== undefined && before.to >= first ? reportFor(store, before) : nothingRecorded(before);
  return { ...report, comparison: comparePeriods(report, previous) };
}

function reportFor(store: Store, range: { from: string; to: string; zone: string }): StatsReport {
  return buildReport(withoutUncountedStretches(store.statsRows(range.from, range.to), uncountedStretches(store, range)), range);
}
