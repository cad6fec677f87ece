import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seedHistory.js';
import { researchMetrics, researchMetricsOfSortedMs, sortedWholeMs } from '../../main/core/boutMetrics.js';
import { formatHlc } from '../../main/core/sync/hlc.js';
import type { JournalRecord } from '../../main/core/sync/journal.js';
import { HOUR_COLUMNS } from '../../main/store/dayStats.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-packed-');
afterAll(cleanup);

const MIN = 60_000;
const B = 'Europe/Berlin';

type Row = { date: string; bout_lengths: Buffer; shown: number; heeded: number } & Record<
  'sitting_ms' | 'standing_ms' | 'bouts' | 'longest_ms' | 'bout_ms' | 'long_bout_ms',
  number
>;

/** The statistics' day rows and heatmap read the way they were before the packed copies: from the columns, summed by SQLite. */
function fromColumns(path: string, from: string, to: string) {
  const db = new Database(path, { readonly: true });
  try {
    const range = 'FROM day_stats WHERE date BETWEEN ? AND ?';
    const rows = db
      .prepare(
        `SELECT date, sitting_ms, standing_ms, bouts, longest_ms, bout_ms, long_bout_ms,
           break_stretched + break_snoozed + break_skipped + break_took_break + break_unanswered + break_stood AS shown,
           break_stretched + break_took_break + break_stood AS heeded, bout_lengths ${range} ORDER BY date`,
      )
      .all(from, to) as Row[];
    const boutDurationsMs: number[] = [];
    const days = rows.map((r) => {
      for (let o = 0; o < r.bout_lengths.length; o += 8) boutDurationsMs.push(r.bout_lengths.readDoubleLE(o));
      return {
        date: r.date,
        sittingMs: r.sitting_ms,
        standingMs: r.standing_ms,
        bouts: r.bouts,
        longestMs: r.longest_ms,
        boutMs: r.bout_ms,
        longBoutMs: r.long_bout_ms,
        breaks: Math.max(0, r.bouts - 1),
        breakPrompts: r.shown,
        breakPromptsHeeded: r.heeded,
      };
    });
    const hours: { weekday: number; hour: number; sittingMs: number }[] = [];
    for (const [weekday, ...byHour] of db.prepare(`SELECT weekday, ${HOUR_COLUMNS.map((c) => `total(${c})`).join(', ')} ${range} GROUP BY weekday`).raw().all(from, to) as number[][]) {
      byHour.forEach((sittingMs, hour) => {
        if (sittingMs > 0) hours.push({ weekday: weekday!, hour, sittingMs });
      });
    }
    return { days, hours, boutDurationsMs };
  } finally {
    db.close();
  }
}

describe('day rows read from their packed copies (migration v7)', () => {
  it('equal the columns after every kind of change: bouts across midnight and DST, standing, outcomes changed, another device’s bouts joined', () => {
    const path = join(dir, 'packed.db');
    const s = openStore(path);
    seedHistory(s, { from: '2026-03-20', days: 20, zone: B, seed: 7, standing: true }); // across the change to summer time
    s.addBout({ start: Date.parse('2026-04-20T21:30:00Z'), end: Date.parse('2026-04-20T23:10:00Z'), durationMs: 100 * MIN, zone: B }); // across midnight
    s.addBout({ start: Date.parse('2026-04-21T13:00:00Z'), end: Date.parse('2026-04-21T13:40:00Z'), durationMs: 40 * MIN, zone: 'America/New_York' });
    for (const p of s.listPrompts().filter((p) => p.kind === 'break').slice(0, 30)) s.setPromptOutcome(p.id, 'stood');
    // Another device's bouts overlapping this one's: day rows lose the old person bouts and gain the joined ones.
    const mine = s.listBouts().slice(5, 15);
    const records = mine.map(
      (b, i) =>
        ({ v: 1, device: 'desktop', uid: `d${i}`, hlc: formatHlc({ ms: b.end, count: 0, device: 'desktop' }), type: 'bout', start: b.start - 5 * MIN, end: b.start + 10 * MIN, zone: B }) as JournalRecord,
    );
    expect(s.sync.importRecords(records).added).toBe(records.length);

    for (const [from, to] of [
      ['2026-03-01', '2026-05-31'],
      ['2026-03-29', '2026-03-29'],
      ['2026-04-21', '2026-04-27'],
      ['2027-01-01', '2027-01-31'],
    ] as const) {
      const rows = s.statsRows(from, to);
      expect({ days: rows.days, hours: rows.hours, boutDurationsMs: rows.boutDurationsMs }).toEqual(fromColumns(path, from, to));
    }
    expect(s.statsRows('2026-03-01', '2026-05-31').days.length).toBeGreaterThan(10);
    s.close();
  });
});

describe('research measures of whole ms sorted as 32-bit integers', () => {
  it('equals researchMetrics of the lengths in minutes, for whole ms and for any others', () => {
    const same = (ms: number[]): void => {
      const sorted = sortedWholeMs(ms);
      if (sorted) expect(researchMetricsOfSortedMs(sorted)).toEqual(researchMetrics(ms.map((m) => m / MIN)));
      else expect(ms.some((m) => !Number.isInteger(m) || m < 0 || m >= 2 ** 32)).toBe(true);
    };
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 60 }), same));
    fc.assert(fc.property(fc.array(fc.integer({ min: MIN, max: 200 * MIN }), { minLength: 1, maxLength: 60 }), same));
    fc.assert(fc.property(fc.array(fc.double({ min: 1, max: 5e9, noNaN: true }), { minLength: 1, maxLength: 60 }), same));
    same([2 ** 32, MIN]);
    same([0x1_0000 + 3, 2, 0xffff_ffff, 0x1_0000, 0xffff, 2, 0]); // both halves matter
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 300 }), (ms) => {
        expect(Array.from(sortedWholeMs(ms)!)).toEqual([...ms].sort((a, b) => a - b));
      }),
    );
    same([]);
  });
});
