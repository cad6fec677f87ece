import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { PromptOutcome } from '../../shared/domain.js';
import { changedSyncedSettings } from '../core/sync/settingsSync.js';
import { settingsFromStored, settingsPatchProblems, type Settings, type SettingsPatch } from '../../shared/settingsRules.js';
import { formatInstant, isValidZone, localDate } from '../core/localTime.js';
import { Aggregates } from './dayStats.js';
import { PersonBouts } from './personBouts.js';
import { SyncStore } from './syncStore.js';
import { StatsReader } from './dayStatsReader.js';
import { invalidValue, StoreError } from './errors.js';
import type {
  CheckIn,
  Checkpoint,
  ImportCounts,
  ImportRecords,
  ImportResult,
  NewBout,
  NewPrompt,
  StatsRows,
  Store,
  StoredBout,
  StoredPrompt,
  NewStanding,
  StoredStanding,
  StretchSession,
} from './types.js';

type Range = { from?: number; to?: number };

const SYNC_EVERY_MS = 30_000;

const range = (r: Range = {}): [number, number] => [r.from ?? Number.MIN_SAFE_INTEGER, r.to ?? Number.MAX_SAFE_INTEGER];

const monotonicMs = (): number => Number(process.hrtime.bigint() / 1_000_000n);

const knownZones = new Set<string>();

/** Zone lookups cost ~50 µs in luxon, and a store sees the same one or two zones all day. */
function checkZone(zone: string): void {
  if (knownZones.has(zone)) return;
  if (!isValidZone(zone)) throw invalidValue('zone', `"${zone}" is not an IANA time zone`);
  knownZones.add(zone);
}

/** Epoch ms as SQLite INTEGERs: the monotonic clock may hand us fractions. */
function instant(name: string, ms: number): number {
  if (!Number.isFinite(ms)) throw invalidValue(name, 'is not a finite instant');
  return Math.round(ms);
}

/*
 * The rows as the schema (migrations.ts) stores them. Columns with a CHECK constraint are typed as
 * the values the constraint allows: SQLite refuses anything else on write.
 */
interface PeriodRow {
  id: number;
  uid: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  zone: string;
}
interface PromptRow {
  id: number;
  uid: string;
  at_ms: number;
  kind: StoredPrompt['kind'];
  outcome: PromptOutcome;
  sitting_ms: number;
  reason: StoredPrompt['reason'];
  zone: string;
}
interface StretchRow {
  id: number;
  uid: string;
  start_ms: number;
  end_ms: number | null;
  routine_id: string;
  completed: 0 | 1;
  steps_done: number;
  steps_total: number;
  zone: string;
}
interface CheckInRow {
  id: number;
  uid: string;
  at_ms: number;
  soreness: number;
  areas: string;
  red_flags: string;
  note: string;
  zone: string;
}
interface CheckpointRow {
  start_ms: number;
  last_input_ms: number;
  saved_at_ms: number;
  zone: string;
  kind: 'sitting' | 'standing';
}
type IdRow = { id: number };
type JsonRow = { json: string };

/** A bout's and a standing period's rows have the same columns. */
const toPeriod = (r: PeriodRow): StoredBout & StoredStanding => ({
  id: r.id,
  uid: r.uid,
  start: r.start_ms,
  end: r.end_ms,
  durationMs: r.duration_ms,
  zone: r.zone,
});
const toPrompt = (r: PromptRow): StoredPrompt => ({
  id: r.id,
  uid: r.uid,
  at: r.at_ms,
  kind: r.kind,
  outcome: r.outcome,
  sittingMs: r.sitting_ms,
  reason: r.reason ?? null,
  zone: r.zone,
});
const toStretch = (r: StretchRow): StretchSession => ({
  id: r.id,
  uid: r.uid,
  start: r.start_ms,
  end: r.end_ms ?? null,
  routineId: r.routine_id,
  completed: r.completed === 1,
  stepsDone: r.steps_done,
  stepsTotal: r.steps_total,
  zone: r.zone,
});
const stringList = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
const toCheckIn = (r: CheckInRow): CheckIn => ({
  id: r.id,
  uid: r.uid,
  at: r.at_ms,
  soreness: r.soreness,
  areas: stringList(r.areas),
  redFlags: stringList(r.red_flags),
  note: r.note,
  zone: r.zone,
});

/** Every statement the store runs, prepared once, typed by its parameters and its row. */
function prepareStatements(db: Database) {
  return {
    getSettings: db.prepare<[], JsonRow>('SELECT json FROM settings WHERE id = 1'),
    putSettings: db.prepare<[string]>('INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json'),
    getState: db.prepare<[string], JsonRow>('SELECT json FROM state WHERE key = ?'),
    putState: db.prepare<[string, string]>('INSERT INTO state (key, json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json'),
    delState: db.prepare<[string]>('DELETE FROM state WHERE key = ?'),
    addBout: db.prepare<[string, number, number, number, string, string], PeriodRow>(
      'INSERT INTO bouts (uid, start_ms, end_ms, duration_ms, zone, start_date) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    ),
    listBouts: db.prepare<[number, number], PeriodRow>('SELECT * FROM bouts WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms'),
    boutByUid: db.prepare<[string], IdRow>('SELECT id FROM bouts WHERE uid = ?'),
    // Stored bouts never overlap, so only the last one starting before `end` can overlap [start, end).
    boutBefore: db.prepare<[number], PeriodRow>('SELECT * FROM bouts WHERE start_ms < ? ORDER BY start_ms DESC LIMIT 1'),
    addStanding: db.prepare<[string, number, number, number, string], PeriodRow>(
      'INSERT INTO standing_periods (uid, start_ms, end_ms, duration_ms, zone) VALUES (?, ?, ?, ?, ?) RETURNING *',
    ),
    listStanding: db.prepare<[number, number], PeriodRow>('SELECT * FROM standing_periods WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id'),
    standingByUid: db.prepare<[string], IdRow>('SELECT id FROM standing_periods WHERE uid = ?'),
    putCheckpoint: db.prepare<[number, number, number, string, CheckpointRow['kind']]>(
      `INSERT INTO checkpoint (id, start_ms, last_input_ms, saved_at_ms, zone, kind) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, last_input_ms = excluded.last_input_ms,
         saved_at_ms = excluded.saved_at_ms, zone = excluded.zone, kind = excluded.kind`,
    ),
    delCheckpoint: db.prepare<[]>('DELETE FROM checkpoint'),
    getCheckpoint: db.prepare<[], CheckpointRow>('SELECT * FROM checkpoint WHERE id = 1'),
    addPrompt: db.prepare<[string, number, string, string, number, string | null, string], PromptRow>(
      'INSERT INTO prompts (uid, at_ms, kind, outcome, sitting_ms, reason, zone) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
    ),
    promptById: db.prepare<[number], PromptRow>('SELECT * FROM prompts WHERE id = ?'),
    promptByUid: db.prepare<[string], IdRow>('SELECT id FROM prompts WHERE uid = ?'),
    setOutcome: db.prepare<[string, number]>('UPDATE prompts SET outcome = ? WHERE id = ?'),
    listPrompts: db.prepare<[number, number], PromptRow>('SELECT * FROM prompts WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id'),
    addStretch: db.prepare<[string, number, number | null, string, number, number, number, string], StretchRow>(
      `INSERT INTO stretches (uid, start_ms, end_ms, routine_id, completed, steps_done, steps_total, zone)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    stretchById: db.prepare<[number], StretchRow>('SELECT * FROM stretches WHERE id = ?'),
    stretchByUid: db.prepare<[string], IdRow>('SELECT id FROM stretches WHERE uid = ?'),
    finishStretch: db.prepare<[number, number, number, number], StretchRow>('UPDATE stretches SET end_ms = ?, completed = ?, steps_done = ? WHERE id = ? RETURNING *'),
    listStretches: db.prepare<[number, number], StretchRow>('SELECT * FROM stretches WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id'),
    addCheckIn: db.prepare<[string, number, number, string, string, string, string, string], CheckInRow>(
      `INSERT INTO check_ins (uid, at_ms, soreness, areas, red_flags, note, zone, date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    checkInByUid: db.prepare<[string], IdRow>('SELECT id FROM check_ins WHERE uid = ?'),
    listCheckIns: db.prepare<[number, number], CheckInRow>('SELECT * FROM check_ins WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id'),
    span: db.prepare<[], { first: string | null; last: string | null }>(
      // From each end of the primary key, so SQLite stops at the first day with records instead of reading all of them.
      `SELECT (SELECT date FROM day_stats WHERE sitting_ms > 0 OR standing_ms > 0 ORDER BY date LIMIT 1) AS first,
              (SELECT date FROM day_stats WHERE sitting_ms > 0 OR standing_ms > 0 ORDER BY date DESC LIMIT 1) AS last`,
    ),
  };
}

/** A row a RETURNING statement must give back: none would be a bug in this file, not the user's input. */
function returned<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('an INSERT … RETURNING gave no row');
  return row;
}

export class SqliteStore implements Store {
  private readonly agg: Aggregates;
  private readonly stats: StatsReader;
  private readonly q: ReturnType<typeof prepareStatements>;
  /** The person's bouts across devices, which day_stats counts (sync, issue 15). */
  private readonly person: PersonBouts;
  readonly sync: SyncStore;

  constructor(
    private readonly db: Database,
    readonly path: string,
  ) {
    this.agg = new Aggregates(db);
    this.stats = new StatsReader(db);
    this.q = prepareStatements(db);
    this.person = new PersonBouts(db, this.agg);
    this.sync = new SyncStore(db, this.agg, this.person, (fn) => this.transaction(fn));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    // Writers take the write lock up front, so a busy database waits (busy_timeout) instead of failing mid-way.
    return this.db.readonly ? this.db.transaction(fn).deferred() : this.db.transaction(fn).immediate();
  }

  getSettings(): Settings {
    const row = this.q.getSettings.get();
    return settingsFromStored(row ? JSON.parse(row.json) : null);
  }

  updateSettings(patch: SettingsPatch, opts: { fromSync?: boolean; now?: number } = {}): Settings {
    const [problem] = settingsPatchProblems(patch);
    if (problem) throw invalidValue(problem.path, problem.message, problem.path.replace(/^settings\.?/, '') || 'settings');
    if (typeof patch.timeZone === 'string' && !isValidZone(patch.timeZone)) {
      throw invalidValue('settings.timeZone', `"${patch.timeZone}" is not an IANA time zone`, 'timeZone');
    }
    return this.transaction(() => {
      const before = this.getSettings();
      const next = { ...before } as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) next[k] = v;
      const json = JSON.stringify(next);
      this.q.putSettings.run(json);
      const saved = JSON.parse(json) as Settings;
      // Shared settings changed here travel through the sync folder, in this same transaction (issue 15).
      if (!opts.fromSync && saved.syncSettings && this.sync.identity().folder !== null) {
        this.sync.noteLocalSettings(changedSyncedSettings(before, saved), opts.now ?? Date.now());
      }
      return saved;
    });
  }

  /** True once settings were saved (an import then keeps them). */
  private hasSettings(): boolean {
    return this.q.getSettings.get() !== undefined;
  }

  getState(key: string): unknown {
    const row = this.q.getState.get(key);
    return row ? (JSON.parse(row.json) as unknown) : null;
  }

  setState(key: string, value: unknown): void {
    if (value === undefined || value === null) this.q.delState.run(key);
    else this.q.putState.run(key, JSON.stringify(value));
  }

  /**
   * A bout the tracker just ended. Its length comes from the monotonic clock and is right; its wall
   * instants are not when the wall clock was set back since an earlier bout, and it can then land on
   * top of that one. It is moved to start where the stored bout ends, keeping its length: stored bouts
   * never overlap, so no sitting time is lost and an export always imports again.
   */
  addBout(bout: NewBout): StoredBout {
    return this.transaction(() => this.insertBout({ ...this.clearOfStoredBouts(bout), uid: randomUUID() }));
  }

  private clearOfStoredBouts(b: NewBout): NewBout {
    let start = instant('bout.start', b.start);
    let end = instant('bout.end', b.end);
    for (;;) {
      // Stored bouts do not overlap, so the last one starting before `end` is the only one that can.
      const prev = this.q.boutBefore.get(end);
      if (!prev || prev.end_ms <= start) return start === b.start && end === b.end ? b : { ...b, start, end };
      const length = end - start;
      start = prev.end_ms;
      end = start + length;
    }
  }

  private insertBout(b: NewBout & { uid: string }): StoredBout {
    const start = instant('bout.start', b.start);
    const end = instant('bout.end', b.end);
    if (end < start) throw invalidValue('bout.end', 'ends before it starts');
    if (Math.abs(b.durationMs - (end - start)) > 1) {
      throw invalidValue('bout.durationMs', `${b.durationMs} does not match end - start (${end - start})`);
    }
    checkZone(b.zone);
    return this.transaction(() => {
      this.person.add({ start, end, zone: b.zone });
      return toPeriod(returned(this.q.addBout.get(b.uid, start, end, end - start, b.zone, localDate(start, b.zone))));
    });
  }

  listBouts(r?: Range): StoredBout[] {
    return this.q.listBouts.all(...range(r)).map(toPeriod);
  }

  addStanding(period: NewStanding): StoredStanding {
    return this.insertStanding({ ...period, uid: randomUUID() });
  }

  private insertStanding(s: NewStanding & { uid: string }): StoredStanding {
    const start = instant('standing.start', s.start);
    const end = instant('standing.end', s.end);
    if (end < start) throw invalidValue('standing.end', 'ends before it starts');
    checkZone(s.zone);
    return this.transaction(() => {
      this.agg.addStanding({ start, end, zone: s.zone });
      return toPeriod(returned(this.q.addStanding.get(s.uid, start, end, end - start, s.zone)));
    });
  }

  listStanding(r?: Range): StoredStanding[] {
    return this.q.listStanding.all(...range(r)).map(toPeriod);
  }

  writeCheckpoint(cp: Checkpoint | null): void {
    if (!cp) this.q.delCheckpoint.run();
    else {
      checkZone(cp.zone);
      const kind = cp.standing ? 'standing' : 'sitting';
      this.q.putCheckpoint.run(instant('checkpoint.start', cp.start), instant('checkpoint.lastInput', cp.lastInput), instant('checkpoint.savedAt', cp.savedAt), cp.zone, kind);
    }
    this.syncNowAndThen();
  }

  // process.hrtime, not perf_hooks: loading perf_hooks costs the daemon about 1 MB resident.
  private lastSync = monotonicMs();

  /**
   * With synchronous=NORMAL a commit survives a crashed process at once but reaches the disk only
   * at the next WAL checkpoint; one at least every SYNC_EVERY_MS bounds what a power loss can take.
   */
  private syncNowAndThen(): void {
    if (monotonicMs() - this.lastSync < SYNC_EVERY_MS) return;
    this.lastSync = monotonicMs();
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  readCheckpoint(): Checkpoint | null {
    const r = this.q.getCheckpoint.get();
    if (!r) return null;
    const cp: Checkpoint = { start: r.start_ms, lastInput: r.last_input_ms, savedAt: r.saved_at_ms, zone: r.zone };
    return r.kind === 'standing' ? { ...cp, standing: true } : cp;
  }

  addPrompt(p: NewPrompt): StoredPrompt {
    return this.insertPrompt({ ...p, uid: randomUUID() });
  }

  private insertPrompt(p: Omit<StoredPrompt, 'id'>): StoredPrompt {
    checkZone(p.zone);
    const at = instant('prompt.at', p.at);
    return this.transaction(() => {
      this.agg.countPrompt({ ...p, at }, 1);
      return toPrompt(returned(this.q.addPrompt.get(p.uid, at, p.kind, p.outcome, Math.round(p.sittingMs), p.reason, p.zone)));
    });
  }

  setPromptOutcome(id: number, outcome: PromptOutcome): void {
    this.transaction(() => {
      const row = this.q.promptById.get(id);
      if (!row) throw new StoreError('not-found', `no prompt with id ${id}`);
      const p = toPrompt(row);
      if (p.outcome === outcome) return;
      this.q.setOutcome.run(outcome, id);
      this.agg.countPrompt(p, -1);
      this.agg.countPrompt({ ...p, outcome }, 1);
    });
  }

  listPrompts(r?: Range): StoredPrompt[] {
    return this.q.listPrompts.all(...range(r)).map(toPrompt);
  }

  startStretch(s: { start: number; routineId: string; stepsTotal: number; zone: string }): StretchSession {
    return this.insertStretch({ ...s, uid: randomUUID(), end: null, completed: false, stepsDone: 0 });
  }

  private insertStretch(s: Omit<StretchSession, 'id'>): StretchSession {
    checkZone(s.zone);
    const end = s.end === null ? null : instant('stretch.end', s.end);
    const row = this.q.addStretch.get(s.uid, instant('stretch.start', s.start), end, s.routineId, s.completed ? 1 : 0, s.stepsDone, s.stepsTotal, s.zone);
    return toStretch(returned(row));
  }

  finishStretch(id: number, s: { end: number; completed: boolean; stepsDone: number }): StretchSession {
    const row = this.q.finishStretch.get(instant('stretch.end', s.end), s.completed ? 1 : 0, s.stepsDone, id);
    if (!row) throw new StoreError('not-found', `no stretch session with id ${id}`);
    return toStretch(row);
  }

  getStretch(id: number): StretchSession | null {
    const row = this.q.stretchById.get(id);
    return row ? toStretch(row) : null;
  }

  listStretches(r?: Range): StretchSession[] {
    return this.q.listStretches.all(...range(r)).map(toStretch);
  }

  addCheckIn(c: Omit<CheckIn, 'id' | 'uid'>): CheckIn {
    return this.insertCheckIn({ ...c, uid: randomUUID() });
  }

  private insertCheckIn(c: Omit<CheckIn, 'id'>): CheckIn {
    checkZone(c.zone);
    if (!Number.isInteger(c.soreness) || c.soreness < 0 || c.soreness > 10) {
      throw invalidValue('checkIn.soreness', `must be a whole number from 0 to 10, got ${c.soreness}`);
    }
    const at = instant('checkIn.at', c.at);
    const row = this.q.addCheckIn.get(c.uid, at, c.soreness, JSON.stringify(c.areas), JSON.stringify(c.redFlags), c.note, c.zone, localDate(at, c.zone));
    return toCheckIn(returned(row));
  }

  listCheckIns(r?: Range): CheckIn[] {
    return this.q.listCheckIns.all(...range(r)).map(toCheckIn);
  }

  statsRows(fromDate: string, toDate: string): StatsRows {
    return this.stats.read(fromDate, toDate);
  }

  historySpan(): { first: string; last: string } | null {
    const r = this.q.span.get();
    return r?.first && r.last ? { first: r.first, last: r.last } : null;
  }

  importRecords(records: ImportRecords): ImportResult {
    return this.transaction(() => {
      const plan = this.planImport(records);
      for (const b of plan.fresh.bouts) this.insertBout(b);
      for (const p of plan.fresh.prompts) this.insertPrompt(p);
      for (const s of plan.fresh.stretches) this.insertStretch(s);
      for (const c of plan.fresh.checkIns) this.insertCheckIn(c);
      for (const p of plan.fresh.standing) this.insertStanding(p);
      if (records.settings !== null && plan.result.settingsApplied) this.updateSettings(records.settings);
      return plan.result;
    });
  }

  previewImport(records: ImportRecords): ImportResult {
    // A read transaction (no write lock): the counts come from one snapshot of the history, and nothing is written.
    const plan = () => this.planImport(records).result;
    return this.db.inTransaction ? plan() : this.db.transaction(plan).deferred();
  }

  /**
   * What importing `records` would add and skip, read only: the one place the import's rules live,
   * so the preview can never promise something the import then does differently.
   */
  private planImport(records: ImportRecords): { fresh: Omit<ImportRecords, 'settings'>; result: ImportResult } {
    const added: ImportCounts = { bouts: 0, prompts: 0, stretches: 0, checkIns: 0, standing: 0 };
    const skipped: ImportCounts = { bouts: 0, prompts: 0, stretches: 0, checkIns: 0, standing: 0 };
    const freshOf = <T extends { uid: string }>(rows: T[], key: keyof ImportCounts, exists: Statement<[string], IdRow>): T[] =>
      rows.filter((r) => {
        const isNew = exists.get(r.uid) === undefined;
        if (isNew) added[key]++;
        else skipped[key]++;
        return isNew;
      });
    // Check every new bout against the others and the stored ones before the first write.
    const fresh = freshOf(records.bouts.map((b, i) => ({ b, i, uid: b.uid })), 'bouts', this.q.boutByUid);
    const sorted = [...fresh].sort((x, y) => x.b.start - y.b.start);
    for (let k = 1; k < sorted.length; k++) {
      const [prev, cur] = [sorted[k - 1]!, sorted[k]!];
      if (cur.b.start < prev.b.end) throw invalidValue(`bouts[${cur.i}]`, `overlaps bouts[${prev.i}]`);
    }
    for (const { b, i } of fresh) {
      const before = this.q.boutBefore.get(b.end);
      if (before && before.end_ms > b.start) {
        const s = toPeriod(before);
        throw new StoreError(
          'invalid',
          `bouts[${i}]: overlaps the stored bout ${formatInstant(s.start, s.zone)} – ${formatInstant(s.end, s.zone)} (uid ${s.uid})`,
        );
      }
    }
    const result = {
      bouts: fresh.map(({ b }) => b),
      prompts: freshOf(records.prompts, 'prompts', this.q.promptByUid),
      stretches: freshOf(records.stretches, 'stretches', this.q.stretchByUid),
      checkIns: freshOf(records.checkIns, 'checkIns', this.q.checkInByUid),
      standing: freshOf(records.standing, 'standing', this.q.standingByUid),
    };
    const settingsApplied = records.settings !== null && !this.hasSettings();
    return { fresh: result, result: { added, skipped, settingsApplied } };
  }

  deleteAll(): void {
    this.transaction(() => {
      this.db.exec(`
        DELETE FROM bouts; DELETE FROM prompts; DELETE FROM stretches; DELETE FROM check_ins; DELETE FROM checkpoint; DELETE FROM standing_periods;
        DELETE FROM day_stats;
      `);
      this.sync.clear();
    });
  }
}
