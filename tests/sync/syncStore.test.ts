import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../main/core/sync/hlc.js';
import { parseJournalLine, type JournalRecord } from '../../main/core/sync/journal.js';
import { HistoryMerge } from '../../main/core/sync/merge.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { interleavingArb, journalsArb } from './journalGen.js';

const { dir, cleanup } = tempDir('sitwell-syncstore-');
afterAll(cleanup);

const MIN = 60_000;
const T = Date.UTC(2026, 11, 3, 8, 0);
const B = 'Europe/Berlin';
let n = 0;
const fresh = (): Store => openStore(join(dir, `s${n++}.db`));
const rec = (device: string, uid: string, body: Record<string, unknown>, stamp = T): JournalRecord =>
  ({ v: 1, device, uid, hlc: formatHlc({ ms: stamp, count: 0, device }), ...body }) as JournalRecord;
const bout = (device: string, uid: string, start: number, end: number) => rec(device, uid, { type: 'bout', start, end, zone: B }, end);
const day = (s: Store) => s.statsRows('2026-12-03', '2026-12-03').days[0];

describe('the history with other devices’ records (issue 15)', () => {
  it('overlapping bouts of two devices count once; a second import adds nothing', () => {
    const s = fresh();
    s.addBout({ start: T, end: T + 40 * MIN, durationMs: 40 * MIN, zone: B }); // this laptop, 09:00–09:40
    const desk = [bout('desktop', 'd1', T + 30 * MIN, T + 70 * MIN), bout('desktop', 'd2', T + 120 * MIN, T + 130 * MIN)];
    expect(s.sync.importRecords(desk)).toEqual({ added: 2, replaced: 0, unchanged: 0 });
    expect(day(s)).toMatchObject({ sittingMs: 80 * MIN, bouts: 2, longestMs: 70 * MIN });
    expect(s.sync.importRecords(desk)).toEqual({ added: 0, replaced: 0, unchanged: 2 });
    expect(day(s)).toMatchObject({ sittingMs: 80 * MIN, bouts: 2 });
    // A later local bout that bridges the gap joins all three.
    s.addBout({ start: T + 65 * MIN, end: T + 125 * MIN, durationMs: 60 * MIN, zone: B });
    expect(day(s)).toMatchObject({ sittingMs: 130 * MIN, bouts: 1, longestMs: 130 * MIN });
    expect(s.statsRows('2026-12-03', '2026-12-03').boutDurationsMs).toEqual([130 * MIN]);
    // Per device: each its own.
    const devices = s.sync.devices(T - MIN, T + 1440 * MIN);
    expect(devices.map((d) => [d.local, d.bouts, d.sittingMs])).toEqual([
      [true, 2, 100 * MIN],
      [false, 2, 50 * MIN],
    ]);
    s.close();
  });

  it('a newer line for the same record replaces the old one: a prompt’s outcome, a re-written bout', () => {
    const s = fresh();
    const p = { type: 'prompt', at: T, kind: 'break', outcome: 'shown', sittingMs: 30 * MIN, reason: null, zone: B };
    s.sync.importRecords([rec('desktop', 'p1', p, T), rec('desktop', 'p1', { ...p, outcome: 'snoozed' }, T + MIN), rec('desktop', 'p1', { ...p, outcome: 'unanswered' }, T + 1)]);
    expect(s.statsRows('2026-12-03', '2026-12-03').promptOutcomes).toEqual([{ kind: 'break', outcome: 'snoozed', count: 1 }]);
    s.sync.importRecords([bout('desktop', 'b1', T, T + 10 * MIN)]);
    s.sync.importRecords([rec('desktop', 'b1', { type: 'bout', start: T + 60 * MIN, end: T + 65 * MIN, zone: B }, T + 100 * MIN)]);
    expect(day(s)).toMatchObject({ sittingMs: 5 * MIN, bouts: 1 });
    s.close();
  });

  it('sets a folder: this device’s whole history waits for the journal, later writes too, as valid journal lines', () => {
    const s = fresh();
    const b = s.addBout({ start: T, end: T + 40 * MIN, durationMs: 40 * MIN, zone: B });
    expect(s.sync.pending(100).records).toEqual([]); // no folder: nothing queued
    s.sync.setFolder(join(dir, 'folder'));
    const p = s.addPrompt({ at: T + 30 * MIN, kind: 'break', outcome: 'shown', sittingMs: 30 * MIN, reason: null, zone: B });
    s.setPromptOutcome(p.id, 'stretched');
    const st = s.startStretch({ start: T + 40 * MIN, routineId: 'desk', stepsTotal: 3, zone: B });
    s.finishStretch(st.id, { end: T + 44 * MIN, completed: true, stepsDone: 3 });
    const { upTo, records } = s.sync.pending(100);
    expect(records.map((r) => [r.body.type, r.uid])).toEqual([
      ['bout', b.uid],
      ['prompt', p.uid],
      ['prompt', p.uid],
      ['stretch', st.uid],
      ['stretch', st.uid],
    ]);
    const me = s.sync.identity().deviceId;
    for (const r of records) {
      const line = JSON.stringify({ v: 1, device: me, uid: r.uid, hlc: formatHlc({ ms: T, count: 0, device: me }), ...r.body });
      expect(parseJournalLine(line, me).ok, line).toBe(true);
    }
    expect(records[2]!.body).toMatchObject({ outcome: 'stretched' });
    expect(records[4]!.body).toMatchObject({ completed: true, end: T + 44 * MIN });
    s.sync.ack(upTo);
    expect(s.sync.pending(100).records).toEqual([]);
    // Own records coming back from the folder are not imported.
    expect(s.sync.importRecords([bout(me, 'x', T, T + MIN)]).added).toBe(0);
    s.close();
  });

  it('any interleaving of the same journals gives the same statistics, and the person’s sitting of the pure merge (property)', () => {
    fc.assert(
      fc.property(
        journalsArb.chain((journals) => fc.tuple(fc.constant(journals), interleavingArb(journals), interleavingArb(journals))),
        ([journals, a, b]) => {
          const [x, y] = [fresh(), fresh()];
          try {
            // One import per line or all at once: the same.
            for (const r of a) x.sync.importRecords([r]);
            y.sync.importRecords(b);
            // Bout lengths within a date come in no set order.
            const rows = (s: Store) => {
              const r = s.statsRows('2026-01-01', '2027-12-31');
              return { ...r, boutDurationsMs: [...r.boutDurationsMs].sort((p, q) => p - q) };
            };
            expect(rows(x)).toEqual(rows(y));
            const merge = new HistoryMerge();
            for (const r of journals.flat()) merge.add(r);
            const sum = rows(x).days.reduce((t, d) => t + d.sittingMs, 0);
            expect(sum).toBe(merge.history().personBouts.reduce((t, p) => t + p.end - p.start, 0));
          } finally {
            x.close();
            y.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('each device’s sums over any range are those of its rows, through imports, re-written records and a wipe (property)', () => {
    const HOUR = 60 * MIN;
    const span = fc.record({ start: fc.integer({ min: 0, max: 96 * 4 }).map((q) => T + q * 15 * MIN), len: fc.integer({ min: 1, max: 180 }).map((m) => m * MIN) });
    const op = fc.oneof(
      fc.record({ op: fc.constant('local' as const), kind: fc.constantFrom('bout' as const, 'standing' as const), span }),
      fc.record({ op: fc.constant('import' as const), device: fc.constantFrom('desktop', 'tablet'), uid: fc.constantFrom('a', 'b', 'c'), kind: fc.constantFrom('bout' as const, 'standing' as const), span }),
      fc.record({ op: fc.constant('wipe' as const) }),
    );
    // Ranges cut anywhere: UTC days, local midnights of zones apart, parts of a day, nothing.
    const range = fc.tuple(fc.integer({ min: -30, max: 4 * 24 * 4 + 30 }), fc.integer({ min: 0, max: 4 * 24 * 4 })).map(([a, l]) => [T - 2 * HOUR + a * 15 * MIN, T - 2 * HOUR + (a + l) * 15 * MIN] as const);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(range, { minLength: 1, maxLength: 5 }), (ops, ranges) => {
        const s = fresh();
        try {
          let local: { kind: string; start: number; end: number }[] = [];
          let remote = new Map<string, { device: string; kind: string; start: number; end: number }>();
          let stamp = T;
          for (const o of ops) {
            if (o.op === 'wipe') {
              s.deleteAll();
              local = [];
              remote = new Map();
            } else if (o.op === 'local') {
              const row = { start: o.span.start, end: o.span.start + o.span.len, durationMs: o.span.len, zone: B };
              if (o.kind === 'bout') s.addBout(row);
              else s.addStanding(row);
              local.push({ kind: o.kind, start: row.start, end: row.end });
            } else {
              const end = o.span.start + o.span.len;
              s.sync.importRecords([rec(o.device, o.uid, { type: o.kind, start: o.span.start, end, zone: B }, ++stamp)]);
              remote.set(`${o.device}/${o.uid}`, { device: o.device, kind: o.kind, start: o.span.start, end });
            }
          }
          for (const [from, to] of ranges) {
            const sum = (rows: { kind: string; start: number; end: number }[]) => {
              const inside = rows.filter((r) => r.start >= from && r.start < to);
              const ms = (kind: string) => inside.filter((r) => r.kind === kind).reduce((a, r) => a + r.end - r.start, 0);
              return [inside.filter((r) => r.kind === 'bout').length, ms('bout'), ms('standing')];
            };
            const devices = [...new Set([...remote.values()].map((r) => r.device))].sort();
            expect(s.sync.devices(from, to).map((d) => [d.bouts, d.sittingMs, d.standingMs])).toEqual([
              sum(local),
              ...devices.map((d) => sum([...remote.values()].filter((r) => r.device === d))),
            ]);
          }
        } finally {
          s.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('deleting the history forgets imported records too', () => {
    const s = fresh();
    s.sync.importRecords([bout('desktop', 'd1', T, T + 30 * MIN)]);
    s.deleteAll();
    expect(s.statsRows('2026-12-03', '2026-12-03').days).toEqual([]);
    expect(s.sync.importRecords([bout('desktop', 'd1', T, T + 30 * MIN)]).added).toBe(1);
    s.close();
  });
});
