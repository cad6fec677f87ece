import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receive, tick } from '../../main/core/sync/hlc.js';
import { journalLine, monthFileOf, parseJournal, parseJournalLine, type JournalRecord } from '../../main/core/sync/journal.js';
import { joinOverlapping, unionBouts } from '../../main/core/sync/boutUnion.js';

const T = Date.UTC(2026, 11, 4, 9, 0);
const MIN = 60_000;
const bout = (uid: string, start: number, end: number, device = 'laptop'): JournalRecord => ({
  v: 1,
  device,
  uid,
  hlc: formatHlc({ ms: end, count: 0, device }),
  type: 'bout',
  start,
  end,
  zone: 'Europe/Berlin',
});

describe('journal lines', () => {
  it('a record survives a line and back', () => {
    const r = bout('b1', T, T + 30 * MIN);
    expect(parseJournal(journalLine(r), 'laptop')).toEqual({ records: [r], skipped: [] });
    expect(monthFileOf(r, 0)).toBe('2026-12.ndjson');
  });

  it('a line cut mid-write, a newer format, a huge line, a broken field and a foreign device are skipped, each with its reason', () => {
    const good = journalLine(bout('b1', T, T + MIN));
    const newer = JSON.stringify({ ...bout('b2', T, T + MIN), v: 2, extra: 'x' });
    const huge = JSON.stringify({ ...bout('b3', T, T + MIN), pad: 'x'.repeat(20_000) });
    const broken = JSON.stringify({ ...bout('b4', T, T + MIN), end: T - 1 });
    const foreign = JSON.stringify(bout('b5', T, T + MIN, 'desktop'));
    const text = [good.trim(), newer, '{"v":1,"device":"lap', huge, broken, foreign, '[1]', JSON.stringify({ ...bout('b6', T, T + MIN), zone: 'Mars/Olympus' })].join('\n') + '\n' + good.slice(0, 40);
    const { records, skipped } = parseJournal(text, 'laptop');
    expect(records.map((r) => r.uid)).toEqual(['b1']);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'newer'],
      [3, 'cut'],
      [4, 'huge'],
      [5, 'invalid'],
      [6, 'foreign'],
      [7, 'invalid'],
      [8, 'invalid'],
      [9, 'cut'],
    ]);
    expect(skipped[0]!.message).toMatch(/newer Sitwell/);
    expect(skipped[3]!.message).toMatch(/"end" must be after "start"/);
    expect(skipped[6]!.message).toMatch(/Mars\/Olympus.*not an IANA time zone/);
  });

  it('refuses absurd instants, an unknown type and a stamp of another device', () => {
    const reasons = [
      { ...bout('x', T, T + MIN), start: 1e15 },
      { ...bout('x', T, T + MIN), type: 'nonsense' },
      { ...bout('x', T, T + MIN), hlc: formatHlc({ ms: T, count: 0, device: 'desktop' }) },
      { ...bout('x', T, T + MIN), uid: '../../etc/passwd' },
      { ...bout('x', T, T + 40 * 24 * 60 * MIN) },
    ].map((o) => parseJournalLine(JSON.stringify(o), 'laptop'));
    for (const r of reasons) expect(r.ok).toBe(false);
  });

  it('reads every record type', () => {
    const base = { v: 1, device: 'd1', uid: 'u', hlc: formatHlc({ ms: T, count: 0, device: 'd1' }) };
    const lines = [
      { ...base, type: 'prompt', at: T, kind: 'break', outcome: 'snoozed', sittingMs: 30 * MIN, reason: null, zone: 'UTC' },
      { ...base, type: 'stretch', start: T, end: null, routineId: 'neck', completed: false, stepsDone: 0, stepsTotal: 4, zone: 'UTC' },
      { ...base, type: 'standing', start: T, end: T + MIN, zone: 'UTC' },
      { ...base, type: 'setting', key: 'sitLimitMinutes', value: 25 },
      { ...base, type: 'device', name: 'Home desktop' },
    ];
    for (const l of lines) expect(parseJournalLine(JSON.stringify(l), 'd1')).toEqual({ ok: true, record: l });
  });
});

describe('hybrid logical clock', () => {
  it('stamps only grow, even when the wall clock steps back', () => {
    const a = tick(null, 'd1', T);
    const b = tick(a, 'd1', T - 3_600_000);
    const c = tick(b, 'd1', T);
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(compareHlc(c, b)).toBeGreaterThan(0);
    expect(formatHlc(c) > formatHlc(b)).toBe(true);
    expect(parseHlc(formatHlc(c))).toEqual(c);
  });

  it('a received stamp moves the clock past it; one hours ahead of this machine is refused', () => {
    const mine = tick(null, 'd1', T);
    const theirs = { ms: T + 5_000, count: 3, device: 'd2' };
    const next = receive(mine, theirs, 'd1', T, 60_000)!;
    expect(compareHlc(next, theirs)).toBeGreaterThan(0);
    expect(compareHlc(tick(next, 'd1', T + 1), theirs)).toBeGreaterThan(0);
    expect(receive(mine, { ms: T + 3 * 3_600_000, count: 0, device: 'd2' }, 'd1', T, 600_000)).toBeNull();
  });

  it('the string form sorts like the clock', () => {
    const xs = [
      { ms: T, count: 2, device: 'a' },
      { ms: T, count: 10, device: 'a' },
      { ms: T + 1, count: 0, device: 'a' },
      { ms: T, count: 10, device: 'b' },
    ];
    const byClock = [...xs].sort(compareHlc).map(formatHlc);
    expect([...xs.map(formatHlc)].sort()).toEqual(byClock);
  });
});

describe('union of bouts', () => {
  it('joins overlaps, keeps touching bouts apart, names the zone of the earliest', () => {
    const z = (start: number, end: number, zone = 'UTC') => ({ start, end, zone });
    expect(unionBouts([z(10, 20, 'Asia/Tokyo'), z(0, 10), z(15, 30, 'Europe/Berlin'), z(40, 50)])).toEqual([z(0, 10), z(10, 30, 'Asia/Tokyo'), z(40, 50)]);
    expect(joinOverlapping([z(0, 10, 'B'), z(12, 20, 'A')], z(5, 15, 'C'))).toEqual(z(0, 20, 'B'));
  });
});
