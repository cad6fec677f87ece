import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../main/store/dayStats.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../main/store/migrations.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-migrate-');
afterAll(cleanup);

const B = 'Europe/Berlin';
const NY = 'America/New_York';
const t = (iso: string): number => Date.parse(iso);

/** The history every old database gets, in the app's terms. Includes a bout across midnight and one across a DST change. */
const HISTORY = {
  bouts: [
    { uid: 'b1', start: t('2026-03-02T07:00:00Z'), end: t('2026-03-02T07:45:00Z'), zone: B },
    { uid: 'b2', start: t('2026-03-02T22:30:00Z'), end: t('2026-03-03T00:15:00Z'), zone: B }, // 23:30–01:15 Berlin
    { uid: 'b3', start: t('2026-03-29T00:30:00Z'), end: t('2026-03-29T01:30:00Z'), zone: B }, // 01:30 CET – 03:30 CEST
    { uid: 'b4', start: t('2026-04-01T13:00:00Z'), end: t('2026-04-01T13:20:00Z'), zone: NY },
  ],
  prompts: [
    { uid: 'p1', at: t('2026-03-02T07:30:00Z'), kind: 'break', outcome: 'stretched', sitting: 1_800_000, reason: null, zone: B },
    { uid: 'p2', at: t('2026-03-02T07:15:00Z'), kind: 'posture', outcome: 'shown', sitting: 900_000, reason: null, zone: B },
    { uid: 'p3', at: t('2026-03-02T23:00:00Z'), kind: 'break', outcome: 'suppressed', sitting: 1_800_000, reason: 'quiet-hours', zone: B },
  ],
  checkIns: [{ uid: 'c1', at: t('2026-03-02T23:30:00Z'), soreness: 5, areas: ['lower-back'], redFlags: ['fever'], note: 'late', zone: B }],
  stretches: [{ uid: 's1', start: t('2026-03-02T07:46:00Z'), end: t('2026-03-02T07:50:00Z'), routine: 'desk', completed: 1, done: 3, total: 3, zone: B }],
};

/**
 * Puts HISTORY into a database at exactly `version`, with the SQL that version had.
 * A new migration needs a seeder for the version before it (the test below says so).
 */
const SEEDERS: Record<number, (db: Database.Database) => void> = {
  0: () => {}, // an empty SQLite file: nothing to keep
  1: (db) => {
    const bout = db.prepare('INSERT INTO bouts (uid, start_ms, end_ms, duration_ms, zone) VALUES (?, ?, ?, ?, ?)');
    for (const b of HISTORY.bouts) bout.run(b.uid, b.start, b.end, b.end - b.start, b.zone);
    const prompt = db.prepare('INSERT INTO prompts (uid, at_ms, kind, outcome, sitting_ms, reason, zone) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of HISTORY.prompts) prompt.run(p.uid, p.at, p.kind, p.outcome, p.sitting, p.reason, p.zone);
    const check = db.prepare('INSERT INTO check_ins (uid, at_ms, soreness, areas, red_flags, note, zone) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const c of HISTORY.checkIns) check.run(c.uid, c.at, c.soreness, JSON.stringify(c.areas), JSON.stringify(c.redFlags), c.note, c.zone);
    const stretch = db.prepare('INSERT INTO stretches (uid, start_ms, end_ms, routine_id, completed, steps_done, steps_total, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const s of HISTORY.stretches) stretch.run(s.uid, s.start, s.end, s.routine, s.completed, s.done, s.total, s.zone);
    db.prepare('INSERT INTO settings (id, json) VALUES (1, ?)').run(JSON.stringify({ sitLimitMinutes: 45, snoozeMinutes: 7 }));
    db.prepare('INSERT INTO state (key, json) VALUES (?, ?)').run('pausedUntil', '42');
    db.prepare('INSERT INTO checkpoint (id, start_ms, last_input_ms, saved_at_ms, zone) VALUES (1, ?, ?, ?, ?)').run(1, 2, 3, B);
  },
  // v2 has the same raw tables; its date columns and day rows are recomputed by v3, so the v1 rows suffice.
  2: (db) => SEEDERS[1]!(db),
  // v3 changed only the prompts table's checks; v4 recomputes the day rows again.
  3: (db) => SEEDERS[1]!(db),
  // v4 added standing periods (none in this history); v5 (sync) rebuilds the day rows from the person's bouts.
  4: (db) => SEEDERS[1]!(db),
  // v6 only adds an index, v7 a column to the (empty) outbox and a table of import times; v8 (the day rows'
  // packed copies) rebuilds the day rows again, so the v1 rows suffice.
  5: (db) => SEEDERS[1]!(db),
  6: (db) => SEEDERS[1]!(db),
  7: (db) => SEEDERS[1]!(db),
  // v9 only adds the checkpoint's kind (the v1 checkpoint row is a sitting bout's), so nothing rebuilds the
  // day rows: a v8 history as the app left it has them already (v8's day rows are today's).
  8: (db) => {
    SEEDERS[1]!(db);
    rebuildAggregates(db);
  },
  // v10 only adds an index over the (empty) sync records.
  9: (db) => SEEDERS[8]!(db),
  // v11 sums each device's days, this one's and the imported ones': a v10 history with another device's records.
  10: (db) => {
    SEEDERS[8]!(db);
    const put = db.prepare('INSERT INTO sync_records (device_id, uid, type, hlc, start_ms, end_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of OTHER_DEVICE) put.run(r.device, r.uid, r.type, r.hlc, 'start' in r ? r.start : 'at' in r ? r.at : null, 'end' in r ? r.end : null, JSON.stringify(r));
  },
};

/** Another computer's records as a v10 history imported them (only v10's seeder has them). */
const OTHER = 'f'.repeat(32);
const rec = { v: 1, device: OTHER, hlc: '0000000000000-0000-' + OTHER };
const OTHER_DEVICE = [
  { ...rec, uid: 'device', type: 'device', name: 'Laptop' },
  { ...rec, uid: 'rb1', type: 'bout', start: t('2026-03-02T07:30:00Z'), end: t('2026-03-02T08:30:00Z'), zone: B },
  { ...rec, uid: 'rb2', type: 'bout', start: t('2026-03-02T23:30:00Z'), end: t('2026-03-03T00:30:00Z'), zone: B },
  { ...rec, uid: 'rs1', type: 'standing', start: t('2026-03-02T12:00:00Z'), end: t('2026-03-02T12:30:00Z'), zone: B },
  { ...rec, uid: 'rp1', type: 'prompt', at: t('2026-03-02T08:00:00Z'), kind: 'break', outcome: 'shown', sittingMs: 1_800_000, reason: null, zone: B },
];

/** Each device's [local, bouts, sitting, standing] starting in [from, to), summed from the rows themselves. */
function deviceSumsOfRows(path: string, from: number, to: number): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    const local = db.prepare('SELECT count(*), coalesce(sum(duration_ms), 0) FROM bouts WHERE start_ms >= ? AND start_ms < ?').raw().get(from, to) as number[];
    const standing = db.prepare('SELECT coalesce(sum(duration_ms), 0) FROM standing_periods WHERE start_ms >= ? AND start_ms < ?').raw().get(from, to) as number[];
    const others = db
      .prepare(
        `SELECT 0, coalesce(sum(type = 'bout' AND start_ms >= @from AND start_ms < @to), 0),
          coalesce(sum(iif(type = 'bout' AND start_ms >= @from AND start_ms < @to, end_ms - start_ms, 0)), 0),
          coalesce(sum(iif(type = 'standing' AND start_ms >= @from AND start_ms < @to, end_ms - start_ms, 0)), 0)
        FROM sync_records WHERE device_id != (SELECT device_id FROM sync_device) GROUP BY device_id ORDER BY device_id`,
      )
      .raw()
      .all({ from, to }) as number[][];
    return [[1, ...local, ...standing], ...others];
  } finally {
    db.close();
  }
}

/** The same history written through today's API, for comparison. */
function reference(): Store {
  const s = openStore(join(dir, 'reference.db'));
  for (const b of HISTORY.bouts) s.addBout({ start: b.start, end: b.end, durationMs: b.end - b.start, zone: b.zone });
  for (const p of HISTORY.prompts) s.addPrompt({ at: p.at, kind: p.kind as 'break', outcome: p.outcome as 'stretched', sittingMs: p.sitting, reason: p.reason as null, zone: p.zone });
  for (const c of HISTORY.checkIns) s.addCheckIn({ at: c.at, soreness: c.soreness, areas: c.areas, redFlags: c.redFlags, note: c.note, zone: c.zone });
  return s;
}

function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('is an append-only list whose length is the schema version', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  const ref = reference();
  afterAll(() => ref.close());
  const freshPath = join(dir, 'fresh.db');
  openStore(freshPath).close();

  for (let from = 0; from < SCHEMA_VERSION; from++) {
    it(`brings a database from version ${from} to ${SCHEMA_VERSION} and keeps its data`, () => {
      const seed = SEEDERS[from];
      expect(seed, `add a seeder for schema version ${from} to this test`).toBeDefined();
      const path = join(dir, `v${from}.db`);
      const old = new Database(path);
      migrate(old, from);
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      seed!(old);
      old.close();

      const s = openStore(path);
      try {
        expect(schemaOf(path)).toEqual(schemaOf(freshPath));
        const v = new Database(path, { readonly: true });
        expect(v.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(v.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(v.pragma('foreign_key_check')).toEqual([]);
        v.close();
        if (from === 0) {
          expect(s.listBouts()).toEqual([]);
          return;
        }
        const strip = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...r }) => r);
        expect(s.listBouts().map((b) => b.uid)).toEqual(['b1', 'b2', 'b3', 'b4']);
        expect(strip(s.listBouts()).map(({ uid: _u, ...r }) => r)).toEqual(strip(ref.listBouts()).map(({ uid: _u, ...r }) => r));
        expect(s.listPrompts().map((p) => [p.uid, p.outcome])).toEqual([['p2', 'shown'], ['p1', 'stretched'], ['p3', 'suppressed']]);
        expect(s.listPrompts().map((p) => p.reason)).toEqual([null, null, 'quiet-hours']);
        expect(s.listCheckIns()[0]).toMatchObject({ uid: 'c1', soreness: 5, areas: ['lower-back'], redFlags: ['fever'] });
        expect(s.listStretches()[0]).toMatchObject({ uid: 's1', completed: true, stepsDone: 3 });
        expect(s.getSettings()).toMatchObject({ sitLimitMinutes: 45, snoozeMinutes: 7, minBreakMinutes: 2 });
        expect(s.getState('pausedUntil')).toBe(42);
        expect(s.readCheckpoint()).toEqual({ start: 1, lastInput: 2, savedAt: 3, zone: B });
        // The aggregates built by the migration equal those written live.
        expect(s.statsRows('2026-01-01', '2026-12-31')).toEqual(ref.statsRows('2026-01-01', '2026-12-31'));
        expect(s.statsRows('2026-03-03', '2026-03-03').days[0]).toMatchObject({ sittingMs: 75 * 60_000, bouts: 0 });
        // From v3 on a suppressed prompt keeps its busy reason (DESIGN.md §6).
        const busy = s.addPrompt({ at: t('2026-03-04T09:30:00Z'), kind: 'break', outcome: 'suppressed', sittingMs: 1_800_000, reason: 'busy:call', zone: B });
        expect(s.listPrompts({ from: busy.at, to: busy.at + 1 })).toEqual([busy]);
        expect(busy.reason).toBe('busy:call');
        // From v4 on standing periods are kept and counted per local day, split at midnight (DESIGN.md §7).
        const st = s.addStanding({ start: t('2026-03-04T22:30:00Z'), end: t('2026-03-04T23:30:00Z'), durationMs: 60 * 60_000, zone: B });
        expect(s.listStanding()).toEqual([st]);
        expect(s.statsRows('2026-03-04', '2026-03-05').days.map((d) => [d.date, d.standingMs])).toEqual([
          ['2026-03-04', 30 * 60_000],
          ['2026-03-05', 30 * 60_000],
        ]);
        // From v5 on the history has a device id, sync is off, and the person's bouts are this device's.
        expect(s.sync.identity()).toMatchObject({ deviceId: expect.stringMatching(/^[0-9a-f]{32}$/), folder: null });
        expect(s.sync.pending(10).records).toEqual([]);
        const pb = new Database(path, { readonly: true });
        expect(pb.prepare('SELECT start_ms, end_ms FROM person_bouts ORDER BY start_ms').raw().all()).toEqual(HISTORY.bouts.map((b) => [b.start, b.end]));
        pb.close();
        // From v9 on the checkpoint holds an open standing period too (DESIGN.md §7).
        s.writeCheckpoint({ start: 10, lastInput: 20, savedAt: 30, zone: B, standing: true });
        expect(s.readCheckpoint()).toEqual({ start: 10, lastInput: 20, savedAt: 30, zone: B, standing: true });
        // From v11 on each device's sums come from its days and the rows at a range's ends: the same as summing the rows,
        // over whole UTC days, local days of Berlin and New York (UTC days cut in two) and a part of one day.
        s.addBout({ start: t('2026-03-04T23:50:00Z'), end: t('2026-03-05T00:20:00Z'), durationMs: 30 * 60_000, zone: B });
        for (const [a, b] of [
          [0, t('2027-01-01T00:00:00Z')],
          [t('2026-03-01T23:00:00Z'), t('2026-03-03T23:00:00Z')],
          [t('2026-03-02T05:00:00Z'), t('2026-03-05T05:00:00Z')],
          [t('2026-03-02T07:40:00Z'), t('2026-03-02T23:40:00Z')],
          [t('2026-03-03T00:00:00Z'), t('2026-03-03T00:00:00Z')],
        ] as const) {
          expect(s.sync.devices(a, b).map((d) => [Number(d.local), d.bouts, d.sittingMs, d.standingMs]), `${new Date(a).toISOString()}…${new Date(b).toISOString()}`).toEqual(
            deviceSumsOfRows(path, a, b),
          );
        }
        if (from === 10) expect(s.sync.devices(0, t('2027-01-01T00:00:00Z'))[1]).toMatchObject({ name: 'Laptop', bouts: 2, sittingMs: 120 * 60_000, standingMs: 30 * 60_000 });
      } finally {
        s.close();
      }
    });
  }

  it('leaves a database already at this version alone when reopened', () => {
    const path = join(dir, 'again.db');
    const a = openStore(path);
    a.addBout({ start: t('2026-03-02T07:00:00Z'), end: t('2026-03-02T07:45:00Z'), durationMs: 45 * 60_000, zone: B });
    a.close();
    const b = openStore(path);
    expect(b.statsRows('2026-03-02', '2026-03-02').days[0]?.sittingMs).toBe(45 * 60_000); // not counted twice
    b.close();
  });
});
