import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dateToDay, dayToDate, isCalendarDate, isoWeek, weekdayOf } from '../../shared/calendar.js';
import { buildReport, type ReportRows } from '../../main/core/report.js';

const MIN = 60_000;
const none: ReportRows = { days: [], hours: [], boutDurationsMs: [], promptOutcomes: [], checkIns: [] };
const day = (date: string, o: Partial<ReportRows['days'][number]> = {}): ReportRows['days'][number] => ({
  date,
  sittingMs: 0,
  standingMs: 0,
  bouts: 0,
  longestMs: 0,
  boutMs: 0,
  longBoutMs: 0,
  breaks: 0,
  breakPrompts: 0,
  breakPromptsHeeded: 0,
  ...o,
});

describe('calendar dates', () => {
  it('agree with luxon on day numbers, weekdays and ISO weeks from 2000 to 2199', () => {
    for (let d = dateToDay('2000-01-01'); d < dateToDay('2200-01-01'); d += 3) {
      const date = dayToDate(d);
      const l = DateTime.fromISO(date, { zone: 'UTC' });
      expect(date).toBe(l.toISODate());
      expect(weekdayOf(date)).toBe(l.weekday - 1);
      expect(isoWeek(date)).toBe(`${l.weekYear}-W${String(l.weekNumber).padStart(2, '0')}`);
    }
  });

  it('know real dates from impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });
});

describe('buildReport', () => {
  it('lists every date of the range, with empty days and null rates where nothing happened', () => {
    const r = buildReport(none, { from: '2026-03-01', to: '2026-03-03', zone: 'UTC' });
    expect(r.days.map((d) => d.label)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(r.totals).toMatchObject({ sittingMinutes: 0, bouts: 0, meanBoutMinutes: null, breaksPerSittingHour: null, longBoutShare: null, breakPromptRate: null });
    expect(r.research).toEqual({ bouts: 0, alpha: null, w50Minutes: null, gini: null });
    expect(r.heatmap).toHaveLength(7);
    expect(r.heatmap.every((row) => row.length === 24 && row.every((x) => x === 0))).toBe(true);
    expect(r.boutLengths.map((b) => b.label)).toEqual(['<10', '10–20', '20–30', '30–45', '45–60', '60–90', '90+']);
  });

  it('rolls days up into ISO weeks starting Monday and calendar months, clipped to the range', () => {
    const rows: ReportRows = {
      ...none,
      days: [
        day('2026-03-29', { sittingMs: 60 * MIN, bouts: 1, boutMs: 60 * MIN, longestMs: 60 * MIN, longBoutMs: 60 * MIN }), // Sunday
        day('2026-03-30', { sittingMs: 90 * MIN, bouts: 3, boutMs: 90 * MIN, longestMs: 40 * MIN, longBoutMs: 40 * MIN, breaks: 2, breakPrompts: 4, breakPromptsHeeded: 1 }),
        day('2026-04-02', { sittingMs: 30 * MIN, bouts: 2, boutMs: 30 * MIN, longestMs: 20 * MIN, breaks: 1 }),
      ],
    };
    const r = buildReport(rows, { from: '2026-03-27', to: '2026-04-06', zone: 'UTC' });
    expect(r.weeks.map((w) => [w.label, w.from, w.to, w.sittingMinutes, w.bouts])).toEqual([
      ['2026-W13', '2026-03-27', '2026-03-29', 60, 1],
      ['2026-W14', '2026-03-30', '2026-04-05', 120, 5],
      ['2026-W15', '2026-04-06', '2026-04-06', 0, 0],
    ]);
    expect(r.months.map((m) => [m.label, m.from, m.to, m.sittingMinutes])).toEqual([
      ['2026-03', '2026-03-27', '2026-03-31', 150],
      ['2026-04', '2026-04-01', '2026-04-06', 30],
    ]);
    const w14 = r.weeks[1]!;
    expect(w14.meanBoutMinutes).toBe(24); // 120 min over 5 bouts
    expect(w14.longestBoutMinutes).toBe(40);
    expect(w14.breaksPerSittingHour).toBe(1.5); // 3 breaks in 2 hours
    expect(w14.longBoutShare).toBe(0.333);
    expect(w14.breakPromptRate).toBe(0.25);
    expect(r.totals).toMatchObject({ sittingMinutes: 180, bouts: 6, longestBoutMinutes: 60, breaks: 3 });
  });

  it('buckets bout lengths and counts prompt outcomes', () => {
    const lengths = [5, 9.99, 10, 29.9, 30, 44, 45, 59, 60, 89, 90, 300].map((m) => m * MIN);
    const r = buildReport(
      {
        ...none,
        boutDurationsMs: lengths,
        promptOutcomes: [
          { kind: 'break', outcome: 'stretched', count: 2 },
          { kind: 'break', outcome: 'took-break', count: 3 },
          { kind: 'break', outcome: 'snoozed', count: 4 },
          { kind: 'break', outcome: 'suppressed', count: 7 },
          { kind: 'posture', outcome: 'shown', count: 9 },
          { kind: 'posture', outcome: 'suppressed', count: 1 },
        ],
      },
      { from: '2026-03-02', to: '2026-03-02', zone: 'UTC' },
    );
    expect(r.boutLengths.map((b) => b.bouts)).toEqual([2, 1, 1, 2, 2, 2, 2]);
    expect(r.boutLengths[6]!.sittingMinutes).toBe(390);
    expect(r.prompts).toEqual({
      break: { stretched: 2, 'took-break': 3, snoozed: 4, skipped: 0, unanswered: 0, suppressed: 7, stood: 0 },
      posture: { shown: 9, suppressed: 1 },
      move: { shown: 0, suppressed: 0 },
      breakShown: 9,
      ledToBreak: 5,
      breakRate: 0.556,
    });
  });

  it('labels check-ins in the report zone and fills the heatmap by weekday and hour', () => {
    const r = buildReport(
      {
        ...none,
        hours: [{ weekday: 6, hour: 23, sittingMs: 15 * MIN }],
        checkIns: [{ at: Date.parse('2026-03-29T21:30:00Z'), soreness: 2, areas: ['lower-back'], redFlags: [], zone: 'America/New_York' }],
      },
      { from: '2026-03-29', to: '2026-03-29', zone: 'Europe/Berlin' },
    );
    expect(r.heatmap[6]![23]).toBe(15);
    expect(r.checkIns).toEqual([{ at: '2026-03-29T23:30:00+02:00', date: '2026-03-29', soreness: 2, areas: ['lower-back'], redFlags: [] }]);
  });
});
