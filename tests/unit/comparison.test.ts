import { describe, expect, it } from 'vitest';
import { addMonths, previousRange, rangeOf, shiftRange } from '../../shared/calendar.js';
import { comparePeriods } from '../../main/core/comparison.js';
import { buildReport, type ReportRows } from '../../main/core/report.js';

const MIN = 60_000;
const none: ReportRows = { days: [], hours: [], boutDurationsMs: [], promptOutcomes: [], checkIns: [] };
/** A day of `bouts` equal bouts of `boutMin` minutes, with a break between each. */
const sat = (date: string, bouts: number, boutMin: number): ReportRows['days'][number] => ({
  date,
  sittingMs: bouts * boutMin * MIN,
  standingMs: 0,
  bouts,
  longestMs: boutMin * MIN,
  boutMs: bouts * boutMin * MIN,
  longBoutMs: boutMin > 30 ? bouts * boutMin * MIN : 0,
  breaks: bouts - 1,
  breakPrompts: 0,
  breakPromptsHeeded: 0,
});
const report = (from: string, to: string, days: ReportRows['days'][number][]) =>
  buildReport({ ...none, days, boutDurationsMs: days.flatMap((d) => Array<number>(d.bouts).fill(d.boutMs / d.bouts)) }, { from, to, zone: 'UTC' });

describe('previous period', () => {
  it('is the week before a week, the month before a month (whatever its length), the year before a year', () => {
    expect(previousRange('2026-03-23', '2026-03-29')).toEqual({ from: '2026-03-16', to: '2026-03-22' });
    expect(previousRange('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousRange('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousRange('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousRange('2026-03-05', '2026-03-05')).toEqual({ from: '2026-03-04', to: '2026-03-04' });
  });

  it('of the last 12 months is the 12 months before them', () => {
    const r = rangeOf('months12', '2026-12-04');
    expect(r).toEqual({ from: '2025-12-05', to: '2026-12-04' });
    expect(previousRange(r.from, r.to)).toEqual({ from: '2024-12-05', to: '2025-12-04' });
    expect(shiftRange('months12', '2026-12-04', -1)).toBe('2025-12-04');
    expect(shiftRange('months12', '2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
});

describe('comparePeriods', () => {
  it('says sitting went down, long bouts down and breaks up, per tracked day, and which is better', () => {
    // Last week: 5 days of 4 × 60 min; this week (under way): 2 days of 8 × 25 min.
    const before = report('2026-03-16', '2026-03-22', ['16', '17', '18', '19', '20'].map((d) => sat(`2026-03-${d}`, 4, 60)));
    const now = report('2026-03-23', '2026-03-29', [sat('2026-03-23', 8, 25), sat('2026-03-24', 8, 25)]);
    const c = comparePeriods(now, before);
    expect(c).toMatchObject({ previousFrom: '2026-03-16', previousTo: '2026-03-22', trackedDays: 2, previousTrackedDays: 5 });
    expect(c.measures).toEqual([
      { measure: 'dailySitting', current: 200, previous: 240, change: -40, direction: 'down', better: true },
      { measure: 'longBoutsPerDay', current: 0, previous: 4, change: -4, direction: 'down', better: true },
      { measure: 'breaksPerSittingHour', current: 2.1, previous: 0.75, change: 1.35, direction: 'up', better: true },
    ]);
  });

  it('says "about the same" for a change under 5 %, and worse when sitting rose', () => {
    const before = report('2026-03-16', '2026-03-16', [sat('2026-03-16', 4, 60)]);
    const now = report('2026-03-17', '2026-03-17', [sat('2026-03-17', 5, 50)]);
    const [sitting, long, breaks] = comparePeriods(now, before).measures;
    expect(sitting).toMatchObject({ current: 250, previous: 240, change: 10, direction: 'same', better: null });
    expect(long).toMatchObject({ current: 5, previous: 4, direction: 'up', better: false });
    expect(breaks).toMatchObject({ direction: 'up', better: true });
  });

  it('is honest when the previous period has no records: nothing to compare, no made-up change', () => {
    const now = report('2026-03-23', '2026-03-29', [sat('2026-03-23', 4, 60)]);
    const c = comparePeriods(now, report('2026-03-16', '2026-03-22', []));
    expect(c.previousTrackedDays).toBe(0);
    expect(c.measures.every((m) => m.previous === null && m.change === null && m.direction === null && m.better === null)).toBe(true);
    expect(c.measures[0]!.current).toBe(240);
  });
});
