import { COMPARED_MEASURES, type ComparedMeasure, type MeasureChange, type PeriodComparison, type StatsPeriod, type StatsReport } from '../../shared/statsReport.js';

/** A change under this share of the previous value reads "about the same": day-to-day noise is larger. */
const SAME_SHARE = 0.05;
/** Bouts of this many minutes or more are the long ones: they reached the default sit limit. */
const LONG_BOUT_MINUTES = 30;

/** For each measure: is a rise good for the user? */
const UP_IS_BETTER: Record<ComparedMeasure, boolean> = { dailySitting: false, longBoutsPerDay: false, breaksPerSittingHour: true };

const roundTo = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** What a comparison reads of a period's report. */
export type ComparedPeriod = Pick<StatsReport, 'from' | 'to' | 'days' | 'boutLengths'> & { totals: Pick<StatsPeriod, 'sittingMinutes' | 'breaksPerSittingHour'> };

/** A period with nothing recorded (before the history began): compares as its full report would, without building a row per day. */
export const nothingRecorded = (range: { from: string; to: string }): ComparedPeriod => ({
  from: range.from,
  to: range.to,
  days: [],
  boutLengths: [],
  totals: { sittingMinutes: 0, breaksPerSittingHour: null },
});

/** Days with anything recorded: a day the computer was off is not a day of no sitting. */
export function trackedDays(report: Pick<StatsReport, 'days'>): number {
  return report.days.filter((d) => d.bouts > 0 || d.sittingMinutes > 0 || d.standingMinutes > 0).length;
}

function measures(report: ComparedPeriod): Record<ComparedMeasure, number | null> {
  const days = trackedDays(report);
  const longBouts = report.boutLengths.filter((b) => b.fromMinutes >= LONG_BOUT_MINUTES).reduce((n, b) => n + b.bouts, 0);
  return {
    dailySitting: days > 0 ? roundTo(report.totals.sittingMinutes / days, 1) : null,
    longBoutsPerDay: days > 0 ? roundTo(longBouts / days, 1) : null,
    breaksPerSittingHour: days > 0 ? report.totals.breaksPerSittingHour : null,
  };
}

function change(measure: ComparedMeasure, current: number | null, previous: number | null): MeasureChange {
  if (current === null || previous === null) return { measure, current, previous, change: null, direction: null, better: null };
  const diff = roundTo(current - previous, measure === 'breaksPerSittingHour' ? 2 : 1);
  const same = Math.abs(diff) < SAME_SHARE * Math.abs(previous) || diff === 0;
  const direction = same ? 'same' : diff > 0 ? 'up' : 'down';
  return { measure, current, previous, change: diff, direction, better: same ? null : (diff > 0) === UP_IS_BETTER[measure] };
}

/** The report's period against the previous one: averages per tracked day, so periods of unequal length or coverage compare fairly. */
export function comparePeriods(current: ComparedPeriod, previous: ComparedPeriod): PeriodComparison {
  const now = measures(current);
  const before = measures(previous);
  return {
    previousFrom: previous.from,
    previousTo: previous.to,
    trackedDays: trackedDays(current),
    previousTrackedDays: trackedDays(previous),
    measures: COMPARED_MEASURES.map((m) => change(m, now[m], before[m])),
  };
}
