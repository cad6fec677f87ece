import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  hoursPolicy,
  inSpan,
  isValidZone,
  localDate,
  nextLocalMidnight,
  splitByDay,
  splitByHour,
  startOfLocalDay,
} from '../../main/core/localTime.js';
import { dayRows } from '../../main/core/boutMetrics.js';
import type { WorkHours } from '../../shared/settings.js';

// DESIGN.md §2: days are local calendar days in the user's zone; DST days have 23 or 25 hours.

const H = 3_600_000;
const M = 60_000;
const ms = (iso: string): number => Date.parse(iso);

/** Runs `fn`, throwing once it has made more than `budget` DateTime.fromMillis calls (a loop that never ends). */
function withLuxonBudget<T>(budget: number, fn: () => T): T {
  const original = DateTime.fromMillis;
  let calls = 0;
  DateTime.fromMillis = ((...args: Parameters<typeof original>) => {
    if (++calls > budget) throw new Error(`no progress after ${budget} luxon calls`);
    return original.apply(DateTime, args);
  }) as typeof original;
  try {
    return fn();
  } finally {
    DateTime.fromMillis = original;
  }
}

/** [zone, date, hours in that local day] */
const DAYS: [string, string, number][] = [
  ['Europe/Berlin', '2026-03-29', 23],
  ['Europe/Berlin', '2026-10-25', 25],
  ['Europe/Berlin', '2026-06-10', 24],
  ['America/New_York', '2026-03-08', 23],
  ['America/New_York', '2026-11-01', 25],
  ['America/New_York', '2026-07-04', 24],
  ['Australia/Lord_Howe', '2026-10-04', 23.5],
  ['Australia/Lord_Howe', '2026-04-05', 24.5],
  ['UTC', '2026-03-29', 24],
];

describe('localTime: instants and dates', () => {
  it('formats with the zone offset in force at that instant, never "Z"', () => {
    expect(formatInstant(ms('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00');
    expect(formatInstant(ms('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    expect(formatInstant(ms('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(formatInstant(ms('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-05:00');
    expect(formatInstant(ms('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe')).toBe('2026-10-04T02:30:00+11:00');
    expect(formatInstant(ms('2026-01-05T13:00:00Z'), 'UTC')).toBe('2026-01-05T13:00:00+00:00');
    expect(formatInstant(ms('2026-01-05T13:00:00.250Z'), 'UTC')).toBe('2026-01-05T13:00:00.250+00:00');
  });

  it('the local date depends on the zone', () => {
    const t = ms('2026-06-10T23:30:00Z');
    expect(localDate(t, 'UTC')).toBe('2026-06-10');
    expect(localDate(t, 'Europe/Berlin')).toBe('2026-06-11');
    expect(localDate(t, 'America/New_York')).toBe('2026-06-10');
  });

  it('knows IANA zones', () => {
    expect(isValidZone('Australia/Lord_Howe')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
  });

  for (const [zone, date, hours] of DAYS) {
    it(`${zone} ${date} has ${hours} hours`, () => {
      const start = startOfLocalDay(date, zone);
      const end = nextLocalMidnight(start, zone);
      expect(localDate(start, zone)).toBe(date);
      expect(formatInstant(start, zone).slice(0, 19)).toBe(`${date}T00:00:00`);
      expect((end - start) / H).toBe(hours);
      expect(splitByDay(start, end, zone)).toEqual([{ date, ms: hours * H }]);
    });
  }
});

describe('localTime: nextLocalMidnight at the edges', () => {
  it('is the first instant of the next local day: a missing midnight (Santiago, Havana), a skipped day (Apia 2011), DST days', () => {
    const next = (iso: string, zone: string) => DateTime.fromMillis(nextLocalMidnight(DateTime.fromISO(iso, { zone }).toMillis(), zone), { zone }).toISO();
    expect(next('2022-09-10T12:00', 'America/Santiago')).toBe('2022-09-11T01:00:00.000-03:00');
    expect(next('2023-03-11T12:00', 'America/Havana')).toBe('2023-03-12T01:00:00.000-04:00');
    expect(next('2011-12-29T12:00', 'Pacific/Apia')).toBe('2011-12-31T00:00:00.000+14:00');
    expect(next('2026-03-28T23:30', 'Europe/Berlin')).toBe('2026-03-29T00:00:00.000+01:00');
    expect(next('2026-11-01T00:30', 'America/New_York')).toBe('2026-11-02T00:00:00.000-05:00');
    expect(next('2026-12-31T23:59', 'Asia/Kolkata')).toBe('2027-01-01T00:00:00.000+05:30');
  });
});

describe('localTime: splitByDay', () => {
  it('splits a bout across midnight into the minutes that fall on each date', () => {
    const parts = splitByDay(ms('2026-07-14T23:45:00+02:00'), ms('2026-07-15T00:25:00+02:00'), 'Europe/Berlin');
    expect(parts).toEqual([
      { date: '2026-07-14', ms: 15 * M },
      { date: '2026-07-15', ms: 25 * M },
    ]);
  });

  it('the same instants split differently in another zone', () => {
    const parts = splitByDay(ms('2026-07-14T23:45:00+02:00'), ms('2026-07-15T00:25:00+02:00'), 'America/New_York');
    expect(parts).toEqual([{ date: '2026-07-14', ms: 40 * M }]);
  });

  it('covers a span of several days including a 25-hour day', () => {
    const parts = splitByDay(ms('2026-10-24T12:00:00+02:00'), ms('2026-10-26T12:00:00+01:00'), 'Europe/Berlin');
    expect(parts).toEqual([
      { date: '2026-10-24', ms: 12 * H },
      { date: '2026-10-25', ms: 25 * H },
      { date: '2026-10-26', ms: 12 * H },
    ]);
  });

  it('an empty span has no parts', () => {
    const t = ms('2026-10-25T12:00:00+01:00');
    expect(splitByDay(t, t, 'Europe/Berlin')).toEqual([]);
  });
});

describe('localTime: splitByHour on DST days', () => {
  function hoursOf(zone: string, date: string): { hour: number; min: number }[] {
    const start = startOfLocalDay(date, zone);
    return splitByHour(start, nextLocalMidnight(start, zone), zone).map((p) => ({ hour: p.hour, min: p.ms / M }));
  }

  for (const zone of ['Europe/Berlin', 'America/New_York']) {
    const [spring, fall, skipped, repeated] =
      zone === 'Europe/Berlin' ? ['2026-03-29', '2026-10-25', 2, 2] : ['2026-03-08', '2026-11-01', 2, 1];

    it(`${zone} spring-forward: 23 hour cells, local hour ${skipped} does not exist`, () => {
      const h = hoursOf(zone, spring);
      expect(h).toHaveLength(23);
      expect(h.every((x) => x.min === 60)).toBe(true);
      expect(h.map((x) => x.hour)).toEqual([...Array(24).keys()].filter((x) => x !== skipped));
    });

    it(`${zone} fall-back: 25 hour cells, local hour ${repeated} happens twice`, () => {
      const h = hoursOf(zone, fall);
      expect(h).toHaveLength(25);
      expect(h.every((x) => x.min === 60)).toBe(true);
      const expected = [...Array(24).keys()].flatMap((x) => (x === repeated ? [x, x] : [x]));
      expect(h.map((x) => x.hour)).toEqual(expected);
    });
  }

  it('weekday is Monday = 0 … Sunday = 6 in local time', () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    const [part] = splitByHour(ms('2026-06-14T23:30:00-04:00'), ms('2026-06-14T23:45:00-04:00'), 'America/New_York');
    expect(part).toEqual({ date: '2026-06-14', weekday: 6, hour: 23, ms: 15 * M });
  });

  it('a bout spanning midnight splits into the right hour cells of both days', () => {
    const parts = splitByHour(ms('2026-07-14T23:45:00+02:00'), ms('2026-07-15T01:10:00+02:00'), 'Europe/Berlin');
    expect(parts.map((p) => [p.date, p.hour, p.ms / M])).toEqual([
      ['2026-07-14', 23, 15],
      ['2026-07-15', 0, 60],
      ['2026-07-15', 1, 10],
    ]);
  });

  it('Australia/Lord_Howe spring-forward (30-min shift): every cell stays inside one local hour', () => {
    const h = hoursOf('Australia/Lord_Howe', '2026-10-04');
    expect(h.map((x) => x.hour)).toEqual([...Array(24).keys()]);
    expect(h.find((x) => x.hour === 2)!.min).toBe(30);
    expect(h.reduce((a, x) => a + x.min, 0)).toBe(23.5 * 60);
  });

  it('Australia/Lord_Howe fall-back (30-min shift): splitByHour terminates and covers 24.5 hours', () => {
    const z = 'Australia/Lord_Howe';
    const s = startOfLocalDay('2026-04-05', z);
    const parts = withLuxonBudget(10_000, () => splitByHour(s, nextLocalMidnight(s, z), z));
    expect(parts.reduce((a, p) => a + p.ms, 0)).toBe(24.5 * H);
    expect(parts.every((p) => p.ms > 0)).toBe(true);
  });
});

describe('localTime + stats: dayRows on DST days and across midnight', () => {
  const zone = 'America/New_York';

  it('a bout across midnight counts toward each day; bouts/longest belong to the start date', () => {
    const b = { start: ms('2026-07-14T23:30:00-04:00'), end: ms('2026-07-15T01:00:00-04:00'), durationMs: 90 * M };
    const c = { start: ms('2026-07-15T09:00:00-04:00'), end: ms('2026-07-15T09:20:00-04:00'), durationMs: 20 * M };
    expect(dayRows([b, c], zone)).toEqual([
      { date: '2026-07-14', sittingMinutes: 30, bouts: 1, longestBoutMinutes: 90, breaks: 0, standingMinutes: 0 },
      { date: '2026-07-15', sittingMinutes: 80, bouts: 1, longestBoutMinutes: 20, breaks: 0, standingMinutes: 0 },
    ]);
  });

  it('a day with sitting but no bout starting on it has bouts 0 and longest 0', () => {
    const b = { start: ms('2026-07-14T23:30:00-04:00'), end: ms('2026-07-15T01:00:00-04:00'), durationMs: 90 * M };
    expect(dayRows([b], zone)[1]).toEqual({ date: '2026-07-15', sittingMinutes: 60, bouts: 0, longestBoutMinutes: 0, breaks: 0, standingMinutes: 0 });
  });

  it('sitting through the whole 25-hour fall-back day counts 1500 minutes on it', () => {
    const start = startOfLocalDay('2026-11-01', zone);
    const end = nextLocalMidnight(start, zone);
    const rows = dayRows([{ start: start - 30 * M, end: end + 30 * M, durationMs: end - start + 60 * M }], zone);
    expect(rows.map((r) => [r.date, r.sittingMinutes])).toEqual([
      ['2026-10-31', 30],
      ['2026-11-01', 1500],
      ['2026-11-02', 30],
    ]);
  });

  it('a 1:00–2:00 bout on the spring-forward day is 60 minutes (01:00 EST to 03:00 EDT)', () => {
    const b = { start: ms('2026-03-08T01:00:00-05:00'), end: ms('2026-03-08T03:00:00-04:00'), durationMs: 60 * M };
    expect(dayRows([b], zone)).toEqual([{ date: '2026-03-08', sittingMinutes: 60, bouts: 1, longestBoutMinutes: 60, breaks: 0, standingMinutes: 0 }]);
  });

  it('breaks count gaps between consecutive bouts that both start on that date', () => {
    const at = (iso: string, min: number) => ({ start: ms(iso), end: ms(iso) + min * M, durationMs: min * M });
    const rows = dayRows(
      [
        at('2026-07-14T22:00:00-04:00', 30),
        at('2026-07-14T23:50:00-04:00', 20), // crosses midnight
        at('2026-07-15T08:00:00-04:00', 10),
        at('2026-07-15T09:00:00-04:00', 10),
        at('2026-07-15T10:00:00-04:00', 10),
      ],
      zone,
    );
    expect(rows.map((r) => [r.date, r.sittingMinutes, r.bouts, r.breaks])).toEqual([
      ['2026-07-14', 40, 2, 1],
      ['2026-07-15', 40, 3, 2],
    ]);
  });
});

describe('localTime: hoursPolicy', () => {
  const week: WorkHours = {
    mon: { start: '09:00', end: '17:00' },
    tue: { start: '09:00', end: '17:00' },
    wed: { start: '09:00', end: '17:00' },
    thu: { start: '09:00', end: '17:00' },
    fri: { start: '09:00', end: '17:00' },
    sat: null,
    sun: { start: '22:00', end: '02:00' },
  };

  it('spans are start-inclusive and end-exclusive, and may run past midnight', () => {
    expect(inSpan(9 * 60, { start: '09:00', end: '17:00' })).toBe(true);
    expect(inSpan(17 * 60, { start: '09:00', end: '17:00' })).toBe(false);
    expect(inSpan(23 * 60, { start: '22:00', end: '07:00' })).toBe(true);
    expect(inSpan(6 * 60 + 59, { start: '22:00', end: '07:00' })).toBe(true);
    expect(inSpan(7 * 60, { start: '22:00', end: '07:00' })).toBe(false);
  });

  it('no work hours and no quiet hours: never suppressed', () => {
    expect(hoursPolicy({ workHours: null, quietHours: null }, 'UTC')(ms('2026-06-13T03:00:00Z'))).toBeNull();
  });

  it('work hours use the local weekday and time of the zone', () => {
    const p = hoursPolicy({ workHours: week, quietHours: null }, 'America/New_York');
    expect(p(ms('2026-06-10T09:00:00-04:00'))).toBeNull();
    expect(p(ms('2026-06-10T08:59:00-04:00'))).toBe('outside-work-hours');
    expect(p(ms('2026-06-10T17:00:00-04:00'))).toBe('outside-work-hours');
    expect(p(ms('2026-06-13T12:00:00-04:00'))).toBe('outside-work-hours'); // Saturday off
    expect(p(ms('2026-06-14T23:00:00-04:00'))).toBeNull(); // Sunday's late span
  });

  it('work hours follow local clock time across a DST change', () => {
    const p = hoursPolicy({ workHours: week, quietHours: null }, 'Europe/Berlin');
    // Monday after spring-forward: 09:00 local is 07:00 UTC, not 08:00.
    expect(p(ms('2026-03-30T07:00:00Z'))).toBeNull();
    expect(p(ms('2026-03-30T06:59:00Z'))).toBe('outside-work-hours');
    // Monday after fall-back: 09:00 local is 08:00 UTC.
    expect(p(ms('2026-10-26T07:59:00Z'))).toBe('outside-work-hours');
    expect(p(ms('2026-10-26T08:00:00Z'))).toBeNull();
  });

  it('quiet hours win over work hours', () => {
    const p = hoursPolicy({ workHours: week, quietHours: { start: '12:00', end: '13:00' } }, 'UTC');
    expect(p(ms('2026-06-10T12:30:00Z'))).toBe('quiet-hours');
    expect(p(ms('2026-06-13T12:30:00Z'))).toBe('quiet-hours');
    expect(p(ms('2026-06-13T14:00:00Z'))).toBe('outside-work-hours');
  });
});
