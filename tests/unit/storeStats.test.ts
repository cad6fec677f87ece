import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seedHistory.js';
import { getStats } from '../../main/app/statsForDates.js';
import { researchMetrics } from '../../main/core/boutMetrics.js';
import { openStore, type Store } from '../../main/store/index.js';
import { BREAK_OUTCOMES } from '../../shared/domain.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-stats-');
afterAll(cleanup);
let n = 0;
const fresh = (): Store => openStore(join(dir, `s${++n}.db`));
const MIN = 60_000;
const local = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();

/**
 * The statistics recomputed the plain way from the raw bouts: for each local day, its real
 * start and end instants in the bout's zone, and the overlap of every bout with them.
 */
function recompute(store: Store, from: string, to: string) {
  const bouts = store.listBouts();
  const dates: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
  // The same luxon arithmetic, each (date, zone) and each bout's start date worked out once: a zone other than
  // the process's goes through Intl, and days × bouts calls of it took this test past its time limit under load.
  const bounds = new Map<string, [number, number]>();
  const dayBounds = (date: string, zone: string): [number, number] => {
    let v = bounds.get(`${date} ${zone}`);
    if (!v) {
      v = [DateTime.fromISO(date, { zone }).startOf('day').toMillis(), DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis()];
      bounds.set(`${date} ${zone}`, v);
    }
    return v;
  };
  const startDate = new Map(bouts.map((b) => [b, DateTime.fromMillis(b.start, { zone: b.zone }).toISODate()]));
  const days = dates.map((date) => {
    let sitting = 0;
    const starting = bouts.filter((b) => startDate.get(b) === date);
    for (const b of bouts) {
      const [dayStart, dayEnd] = dayBounds(date, b.zone);
      sitting += Math.max(0, Math.min(b.end, dayEnd) - Math.max(b.start, dayStart));
    }
    return {
      date,
      sitting,
      bouts: starting.length,
      longest: Math.max(0, ...starting.map((b) => b.durationMs)),
      breaks: Math.max(0, starting.length - 1),
      lengths: starting.map((b) => b.durationMs),
    };
  });
  // Heatmap: every real hour of every local day in the range (23 or 25 on DST days), overlapped with each bout.
  const heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const b of bouts) {
    const first = DateTime.fromMillis(b.start, { zone: b.zone }).toISODate()!;
    const last = DateTime.fromMillis(b.end, { zone: b.zone }).toISODate()!;
    for (const date of dates.filter((d) => d >= first && d <= last)) {
      const dayStart = DateTime.fromISO(date, { zone: b.zone }).startOf('day');
      const dayEnd = dayStart.plus({ days: 1 }).startOf('day').toMillis();
      for (let h = dayStart.toMillis(); h < dayEnd; h += 3_600_000) {
        const overlap = Math.min(b.end, h + 3_600_000, dayEnd) - Math.max(b.start, h);
        const l = DateTime.fromMillis(h, { zone: b.zone });
        if (overlap > 0) heat[l.weekday - 1]![l.hour]! += overlap;
      }
    }
  }
  const lengths = days.flatMap((d) => d.lengths);
  const prompts = store.listPrompts().filter((p) => {
    const date = DateTime.fromMillis(p.at, { zone: p.zone }).toISODate()!;
    return date >= from && date <= to;
  });
  return { days, heat, lengths, prompts };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function expectMatches(store: Store, from: string, to: string): void {
  const r = getStats(store, { from, to, zone: 'Europe/Berlin' });
  const ref = recompute(store, from, to);
  expect(r.days.map((d) => d.label)).toEqual(ref.days.map((d) => d.date));
  r.days.forEach((d, i) => {
    const x = ref.days[i]!;
    expect(d.sittingMinutes, d.label).toBeCloseTo(round1(x.sitting / MIN), 5);
    expect(d.bouts, d.label).toBe(x.bouts);
    expect(d.longestBoutMinutes, d.label).toBeCloseTo(round1(x.longest / MIN), 5);
    expect(d.breaks, d.label).toBe(x.breaks);
  });
  const total = ref.days.reduce((s, d) => s + d.sitting, 0);
  const boutMs = ref.lengths.reduce((s, x) => s + x, 0);
  const breaks = ref.days.reduce((s, d) => s + d.breaks, 0);
  expect(r.totals.sittingMinutes).toBeCloseTo(round1(total / MIN), 5);
  expect(r.totals.bouts).toBe(ref.lengths.length);
  expect(r.totals.meanBoutMinutes).toEqual(ref.lengths.length ? round1(boutMs / ref.lengths.length / MIN) : null);
  expect(r.totals.breaksPerSittingHour).toEqual(total > 0 ? Math.round((breaks / (total / 3_600_000)) * 100) / 100 : null);
  const long = ref.lengths.filter((x) => x > 30 * MIN).reduce((s, x) => s + x, 0);
  expect(r.totals.longBoutShare).toEqual(boutMs > 0 ? Math.round((long / boutMs) * 1000) / 1000 : null);
  expect(r.heatmap).toEqual(ref.heat.map((row) => row.map((ms) => round1(ms / MIN))));
  const { bouts: _n, ...research } = r.research;
  expect(research).toEqual(researchMetrics(ref.lengths.map((x) => x / MIN)));
  expect(r.boutLengths.reduce((s, b) => s + b.bouts, 0)).toBe(ref.lengths.length);
  expect(r.boutLengths.find((b) => b.label === '30–45')?.bouts).toBe(ref.lengths.filter((x) => x >= 30 * MIN && x < 45 * MIN).length);
  for (const o of BREAK_OUTCOMES) expect(r.prompts.break[o], o).toBe(ref.prompts.filter((p) => p.kind === 'break' && p.outcome === o).length);
  const shown = ref.prompts.filter((p) => p.kind === 'break' && p.outcome !== 'suppressed');
  const heeded = shown.filter((p) => p.outcome === 'stretched' || p.outcome === 'took-break' || p.outcome === 'stood');
  expect(r.prompts.breakShown).toBe(shown.length);
  expect(r.prompts.ledToBreak).toBe(heeded.length);
  expect(r.prompts.breakRate).toEqual(shown.length ? Math.round((heeded.length / shown.length) * 1000) / 1000 : null);
  expect(r.weeks.reduce((s, w) => s + w.bouts, 0)).toBe(r.totals.bouts);
  expect(r.months.reduce((s, m) => s + m.breakPrompts, 0)).toBe(r.totals.breakPrompts);
}

describe('statistics from the store', () => {
  it('split a bout across midnight between the two days and count it on the day it starts', () => {
    const s = fresh();
    s.addBout({ start: local('2026-03-02T23:30', 'Europe/Berlin'), end: local('2026-03-03T00:45', 'Europe/Berlin'), durationMs: 75 * MIN, zone: 'Europe/Berlin' });
    const r = getStats(s, { from: '2026-03-02', to: '2026-03-03', zone: 'Europe/Berlin' });
    expect(r.days.map((d) => [d.label, d.sittingMinutes, d.bouts, d.longestBoutMinutes])).toEqual([
      ['2026-03-02', 30, 1, 75],
      ['2026-03-03', 45, 0, 0],
    ]);
    expect(r.heatmap[0]![23]).toBe(30); // Monday 23:00
    expect(r.heatmap[1]![0]).toBe(45); // Tuesday 00:00
    // Asked for the second day only: its sitting counts, the bout (which started the day before) does not.
    const second = getStats(s, { from: '2026-03-03', to: '2026-03-03', zone: 'Europe/Berlin' });
    expect(second.totals).toMatchObject({ sittingMinutes: 45, bouts: 0, meanBoutMinutes: null });
    expect(second.research).toEqual({ bouts: 0, alpha: null, w50Minutes: null, gini: null });
    s.close();
  });

  it('handle the 23-hour and 25-hour days of DST (Berlin and New York)', () => {
    const s = fresh();
    const B = 'Europe/Berlin';
    // Spring forward: 01:30 CET → 03:30 CEST is one real hour.
    s.addBout({ start: local('2026-03-29T01:30', B), end: local('2026-03-29T03:30', B), durationMs: 60 * MIN, zone: B });
    // Fall back: 01:30 CEST → 02:30 CET is two real hours; the 02:00 hour happens twice.
    const fbStart = DateTime.fromISO('2026-10-25T01:30:00+02:00').toMillis();
    s.addBout({ start: fbStart, end: fbStart + 120 * MIN, durationMs: 120 * MIN, zone: B });
    // A whole fall-back day in New York: 25 hours of sitting from midnight to midnight.
    const NY = 'America/New_York';
    const nyStart = local('2026-11-01T00:00', NY);
    const nyEnd = local('2026-11-02T00:00', NY);
    s.addBout({ start: nyStart, end: nyEnd, durationMs: nyEnd - nyStart, zone: NY });
    const r = getStats(s, { from: '2026-03-29', to: '2026-11-01', zone: B });
    const day = (d: string) => r.days.find((x) => x.label === d)!;
    expect(day('2026-03-29').sittingMinutes).toBe(60);
    expect(day('2026-10-25').sittingMinutes).toBe(120);
    expect(day('2026-11-01').sittingMinutes).toBe(25 * 60);
    // Sundays at 01:xx: 30 min in March, 30 in October, and New York's 01:00 hour twice (120).
    expect(r.heatmap[6]![1]).toBe(30 + 30 + 120);
    // Sundays at 02:xx: Berlin's doubled hour (60 CEST + 30 CET), New York's single 02:00 hour.
    expect(r.heatmap[6]![2]).toBe(90 + 60);
    expect(r.heatmap[6]!.reduce((a, b) => a + b, 0)).toBe(60 + 120 + 25 * 60);
    expectMatches(s, '2026-03-28', '2026-11-02');
    s.close();
  });

  it('equal a straightforward recomputation on a seeded realistic history (six weeks over the spring DST change)', () => {
    const s = fresh();
    const seeded = seedHistory(s, { from: '2026-03-02', days: 42, zone: 'Europe/Berlin', seed: 3 });
    expect(seeded.bouts).toBeGreaterThan(200);
    expectMatches(s, '2026-03-01', '2026-04-13');
    expectMatches(s, '2026-03-10', '2026-03-29');
    s.close();
  });

  it('count standing beside sitting: per day and in total, with its share; the research measures stay over sitting bouts', () => {
    const plain = fresh();
    seedHistory(plain, { from: '2026-03-02', days: 28, zone: 'Europe/Berlin', seed: 5 });
    const s = fresh();
    const seeded = seedHistory(s, { from: '2026-03-02', days: 28, zone: 'Europe/Berlin', seed: 5, standing: true });
    expect(seeded.standing).toBeGreaterThan(20);
    const range = { from: '2026-03-01', to: '2026-04-05', zone: 'Europe/Berlin' };
    const r = getStats(s, range);
    const standingMs = s.listStanding().reduce((a, p) => a + p.durationMs, 0);
    expect(r.totals.standingMinutes).toBeCloseTo(round1(standingMs / MIN), 5);
    expect(r.days.reduce((a, d) => a + d.standingMinutes, 0)).toBeCloseTo(standingMs / MIN, 0);
    expect(r.totals.standingShare).toBeCloseTo(standingMs / (standingMs + r.totals.sittingMinutes * MIN), 2);
    // The same bouts with or without standing between them: the same research measures.
    expect(r.research).toEqual(getStats(plain, range).research);
    expectMatches(s, '2026-03-01', '2026-04-05');
    plain.close();
    s.close();
  });

  it('equal a straightforward recomputation on a random history (property)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ gapMin: fc.integer({ min: 0, max: 3000 }), lenMin: fc.integer({ min: 1, max: 400 }), zone: fc.constantFrom(...zones) }), { maxLength: 25 }),
        fc.array(fc.record({ boutIndex: fc.nat(), offsetMin: fc.nat(), outcome: fc.constantFrom(...BREAK_OUTCOMES), kind: fc.constantFrom('break', 'posture') })),
        fc.integer({ min: 0, max: 20 }),
        (spec, promptSpec, trim) => {
          const s = fresh();
          try {
            let t = Date.parse('2026-03-25T00:00:00Z'); // across both DST changes of March
            const bouts = spec.map((b) => {
              t += b.gapMin * MIN;
              const bout = s.addBout({ start: t, end: t + b.lenMin * MIN, durationMs: b.lenMin * MIN, zone: b.zone });
              t = bout.end;
              return bout;
            });
            for (const p of promptSpec) {
              const b = bouts[p.boutIndex % Math.max(1, bouts.length)];
              if (!b) break;
              const outcome = p.kind === 'posture' ? (p.outcome === 'suppressed' ? 'suppressed' : 'shown') : p.outcome;
              s.addPrompt({ at: b.start + (p.offsetMin % (b.durationMs / MIN)) * MIN, kind: p.kind, outcome, sittingMs: 0, reason: null, zone: b.zone });
            }
            const from = DateTime.fromISO('2026-03-24').plus({ days: trim }).toISODate()!;
            expectMatches(s, from, '2026-05-20');
          } finally {
            s.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
