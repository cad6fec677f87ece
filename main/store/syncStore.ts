import type { Database } from 'better-sqlite3';
import type { PromptKind, PromptOutcome } from '../../shared/domain.js';
import type { SettingKey } from '../../shared/settingsRules.js';
import { formatHlc, parseHlc } from '../core/sync/hlc.js';
import { supersedes } from '../core/sync/merge.js';
import { settingUid, stampSettingChange } from '../core/sync/settingsSync.js';
import type { JournalBody, JournalRecord } from '../core/sync/journal.js';
import type { Aggregates } from './dayStats.js';
import type { PersonBouts } from './personBouts.js';

/**
 * The history's side of the sync folder (issue 15): this device's identity and folder, the
 * records imported from other devices (keyed by device and uid, so a second import adds nothing;
 * a newer line for a key replaces the older one, as core/sync/merge.ts says), the outbox of this
 * device's writes waiting for its journal, and what the folder's files did (for `sitwell doctor`).
 */

export interface SyncIdentity {
  deviceId: string;
  /** Empty until the shell names it (the host name) at the first use of sync. */
  name: string;
  /** The sync folder, or null: sync is off (nothing is written or read). */
  folder: string | null;
}

export interface ImportCount {
  added: number;
  replaced: number;
  /** Already there, or older than what is there. */
  unchanged: number;
}

/** A line or file the folder gave that was not imported, and why. */
export interface SyncProblem {
  path: string;
  /** 0: the whole file. */
  line: number;
  reason: string;
  message: string;
  at: number;
}

/** A record of this device waiting to be written to its journal; the body is the row as it is now. */
export interface PendingRecord {
  seq: number;
  uid: string;
  body: Exclude<JournalBody, { type: 'setting' } | { type: 'device' }>;
}

export interface DeviceSummary {
  deviceId: string;
  name: string;
  local: boolean;
  bouts: number;
  sittingMs: number;
  /** Standing at a sit-stand desk (DESIGN.md §7) in periods that start in the range. */
  standingMs: number;
  /** When records of this device last came into this history (epoch ms); null for this device. */
  lastImportAt: number | null;
}

type SettingRecord = Extract<JournalRecord, { type: 'setting' }>;

/** One device's own records in a range, for statistics of that device alone. */
export interface DeviceRecords {
  bouts: { start: number; end: number; zone: string }[];
  standing: { start: number; end: number; zone: string }[];
  prompts: { at: number; kind: PromptKind; outcome: PromptOutcome; sittingMs: number; zone: string }[];
}

/** A UTC day, device_days' unit (migration v11). */
const DAY_MS = 86_400_000;

/** At most this many skipped lines are kept per file: a hostile file must not fill the history with complaints. */
const PROBLEMS_PER_FILE = 20;

type DeviceSums = { device_id: string; bouts: number; sitting: number; standing: number };
type RecordRow = { type: string; json: string; start_ms: number | null; end_ms: number | null };
type OutRow = { seq: number; type: 'bout' | 'standing' | 'prompt' | 'stretch' | 'setting'; uid: string | null; j: string | null };

const spanOf = (r: JournalRecord): { start: number | null; end: number | null } => {
  switch (r.type) {
    case 'bout':
    case 'standing':
      return { start: r.start, end: r.end };
    case 'stretch':
      return { start: r.start, end: r.end };
    case 'prompt':
      return { start: r.at, end: null };
    default:
      return { start: null, end: null };
  }
};

/** Whether two lines say the same apart from their stamp. */
const sameBody = (a: JournalRecord, b: JournalRecord): boolean => JSON.stringify({ ...a, hlc: '' }) === JSON.stringify({ ...b, hlc: '' });

function prepare(db: Database) {
  return {
    identity: db.prepare<[], { device_id: string; name: string; folder: string | null; hlc: string | null }>('SELECT device_id, name, folder, hlc FROM sync_device WHERE id = 1'),
    setName: db.prepare<[string]>('UPDATE sync_device SET name = ? WHERE id = 1'),
    setFolder: db.prepare<[string | null]>('UPDATE sync_device SET folder = ? WHERE id = 1'),
    setHlc: db.prepare<[string]>('UPDATE sync_device SET hlc = ? WHERE id = 1'),
    record: db.prepare<[string, string], RecordRow>('SELECT type, json, start_ms, end_ms FROM sync_records WHERE device_id = ? AND uid = ?'),
    putRecord: db.prepare<[string, string, string, string, number | null, number | null, string]>(
      `INSERT INTO sync_records (device_id, uid, type, hlc, start_ms, end_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id, uid) DO UPDATE SET type = excluded.type, hlc = excluded.hlc, start_ms = excluded.start_ms, end_ms = excluded.end_ms, json = excluded.json`,
    ),
    clearOutbox: db.prepare<[]>('DELETE FROM sync_outbox'),
    backfill: db.prepare<[]>(`INSERT INTO sync_outbox (type, row_id, uid)
      SELECT 'bout', id, NULL FROM bouts UNION ALL SELECT 'standing', id, NULL FROM standing_periods
      UNION ALL SELECT 'prompt', id, NULL FROM prompts UNION ALL SELECT 'stretch', id, NULL FROM stretches
      UNION ALL SELECT 'setting', 0, uid FROM sync_records WHERE type = 'setting' AND device_id = (SELECT device_id FROM sync_device)`),
    // The row as it is now, as a journal body: a row changed twice is written with its latest values (twice; the newer wins).
    // A setting's line is stored whole, stamped when it changed (sync_records): it goes out as it is.
    pending: db.prepare<[number], OutRow>(`
      SELECT o.seq, o.type, coalesce(b.uid, s.uid, p.uid, t.uid, r.uid) AS uid, CASE o.type
        WHEN 'setting' THEN r.json
        WHEN 'bout' THEN json_object('type', 'bout', 'start', b.start_ms, 'end', b.end_ms, 'zone', b.zone)
        WHEN 'standing' THEN json_object('type', 'standing', 'start', s.start_ms, 'end', s.end_ms, 'zone', s.zone)
        WHEN 'prompt' THEN json_object('type', 'prompt', 'at', p.at_ms, 'kind', p.kind, 'outcome', p.outcome, 'sittingMs', p.sitting_ms, 'reason', p.reason, 'zone', p.zone)
        ELSE json_object('type', 'stretch', 'start', t.start_ms, 'end', t.end_ms, 'routineId', t.routine_id, 'completed', json(iif(t.completed, 'true', 'false')),
          'stepsDone', t.steps_done, 'stepsTotal', t.steps_total, 'zone', t.zone) END AS j
      FROM sync_outbox o
      LEFT JOIN bouts b ON o.type = 'bout' AND b.id = o.row_id
      LEFT JOIN standing_periods s ON o.type = 'standing' AND s.id = o.row_id
      LEFT JOIN prompts p ON o.type = 'prompt' AND p.id = o.row_id
      LEFT JOIN stretches t ON o.type = 'stretch' AND t.id = o.row_id
      LEFT JOIN sync_records r ON o.type = 'setting' AND r.device_id = (SELECT device_id FROM sync_device) AND r.uid = o.uid
      ORDER BY o.seq LIMIT ?`),
    ack: db.prepare<[number]>('DELETE FROM sync_outbox WHERE seq <= ?'),
    file: db.prepare<[string], { size: number; mtime_ms: number }>('SELECT size, mtime_ms FROM sync_files WHERE path = ?'),
    putFile: db.prepare<[string, number, number]>('INSERT INTO sync_files (path, size, mtime_ms) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms'),
    forgetFile: db.prepare<[string]>('DELETE FROM sync_files WHERE path = ?'),
    clearProblems: db.prepare<[string]>('DELETE FROM sync_problems WHERE path = ?'),
    addProblem: db.prepare<[string, number, string, string, number]>('INSERT OR REPLACE INTO sync_problems (path, line, reason, message, at_ms) VALUES (?, ?, ?, ?, ?)'),
    problems: db.prepare<[], { path: string; line: number; reason: string; message: string; at_ms: number }>('SELECT * FROM sync_problems ORDER BY path, line'),
    // The devices by skipping through the index (one seek each, not a scan of every record), with their names and import times.
    devices: db.prepare<[], { device_id: string; name: string | null; imported: number | null }>(`
      WITH RECURSIVE ids(id) AS (
        SELECT min(device_id) FROM sync_records
        UNION ALL SELECT (SELECT min(device_id) FROM sync_records WHERE device_id > ids.id) FROM ids WHERE ids.id IS NOT NULL
      )
      SELECT d.id AS device_id, (SELECT at_ms FROM sync_imports i WHERE i.device_id = d.id) AS imported,
        (SELECT json ->> '$.name' FROM sync_records n INDEXED BY sync_records_device_type_start WHERE n.device_id = d.id AND n.type = 'device') AS name
      FROM ids d
      WHERE d.id IS NOT NULL AND d.id != (SELECT device_id FROM sync_device)
      ORDER BY d.id`),
    // Every device's sums over whole UTC days [from, to) (migration v11); '' is this computer.
    dayTotals: db.prepare<[number, number], DeviceSums>(
      'SELECT device_id, sum(bouts) AS bouts, sum(sitting_ms) AS sitting, sum(standing_ms) AS standing FROM device_days WHERE day >= ? AND day < ? GROUP BY device_id',
    ),
    // The same over a part of a day, from the rows themselves.
    localSpan: db.prepare<{ from: number; to: number }, DeviceSums>(`
      SELECT '' AS device_id, b.bouts, b.sitting,
        (SELECT coalesce(sum(duration_ms), 0) FROM standing_periods WHERE start_ms >= @from AND start_ms < @to) AS standing
      FROM (SELECT count(*) AS bouts, coalesce(sum(duration_ms), 0) AS sitting FROM bouts WHERE start_ms >= @from AND start_ms < @to) b`),
    recordsSpan: db.prepare<[number, number], DeviceSums>(`
      SELECT device_id, sum(type = 'bout') AS bouts, sum(iif(type = 'bout', end_ms - start_ms, 0)) AS sitting, sum(iif(type = 'standing', end_ms - start_ms, 0)) AS standing
      FROM sync_records WHERE type IN ('bout', 'standing') AND start_ms >= ? AND start_ms < ? GROUP BY device_id`),
    otherDevice: db.prepare<[], { one: number }>('SELECT 1 AS one FROM sync_records WHERE device_id != (SELECT device_id FROM sync_device) LIMIT 1'),
    deviceRecords: db.prepare<[string, number, number], { type: string; json: string }>(
      "SELECT type, json FROM sync_records WHERE device_id = ? AND type IN ('bout', 'standing', 'prompt') AND start_ms >= ? AND start_ms < ? ORDER BY start_ms",
    ),
    localBouts: db.prepare<[number, number], { start: number; end: number; zone: string }>('SELECT start_ms AS start, end_ms AS "end", zone FROM bouts WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms'),
    localStanding: db.prepare<[number, number], { start: number; end: number; zone: string }>(
      'SELECT start_ms AS start, end_ms AS "end", zone FROM standing_periods WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms',
    ),
    localPrompts: db.prepare<[number, number], DeviceRecords['prompts'][number]>(
      'SELECT at_ms AS at, kind, outcome, sitting_ms AS sittingMs, zone FROM prompts WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms',
    ),
    settingRecords: db.prepare<[], { json: string }>("SELECT json FROM sync_records WHERE type = 'setting'"),
    newestSetting: db.prepare<[string], { hlc: string }>("SELECT hlc FROM sync_records WHERE type = 'setting' AND uid = ? ORDER BY hlc DESC LIMIT 1"),
    queueSetting: db.prepare<[string]>("INSERT INTO sync_outbox (type, row_id, uid) VALUES ('setting', 0, ?)"),
    imported: db.prepare<[string, number]>('INSERT INTO sync_imports (device_id, at_ms) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET at_ms = max(at_ms, excluded.at_ms)'),
  };
}

export class SyncStore {
  private readonly q: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database,
    private readonly agg: Aggregates,
    private readonly person: PersonBouts,
    private readonly transaction: <T>(fn: () => T) => T,
  ) {
    this.q = prepare(db);
  }

  identity(): SyncIdentity {
    const r = this.q.identity.get()!;
    return { deviceId: r.device_id, name: r.name, folder: r.folder };
  }

  setName(name: string): void {
    this.q.setName.run(name);
  }

  /**
   * Sets the sync folder (null: off). A new folder gets this device's whole history: the outbox is
   * filled with every row, written to the journal by the shell.
   */
  setFolder(folder: string | null): void {
    this.transaction(() => {
      const before = this.identity().folder;
      this.q.setFolder.run(folder);
      if (folder === before) return;
      this.q.clearOutbox.run();
      if (folder !== null) this.q.backfill.run();
    });
  }

  /** Writes every row again at the next flush (this device's journal went missing from the folder). */
  rewriteJournal(): void {
    this.transaction(() => {
      this.q.clearOutbox.run();
      this.q.backfill.run();
    });
  }

  /** The device's hybrid clock after its last stamp (core/sync/hlc.ts), as its string. */
  clock(): string | null {
    return this.q.identity.get()!.hlc;
  }

  setClock(hlc: string): void {
    this.q.setHlc.run(hlc);
  }

  /**
   * Up to `limit` records waiting for the journal, oldest first: history rows as bodies still to be
   * stamped, settings changes as the lines they are. Rows deleted since (a wiped history) are left out.
   */
  pending(limit: number): { upTo: number; records: PendingRecord[]; settings: SettingRecord[] } {
    const all = this.q.pending.all(limit);
    const rows = all.filter((r) => r.uid !== null && r.j !== null);
    const records = rows.filter((r) => r.type !== 'setting').map((r) => ({ seq: r.seq, uid: r.uid!, body: JSON.parse(r.j!) as PendingRecord['body'] }));
    const settings = rows.filter((r) => r.type === 'setting').map((r) => JSON.parse(r.j!) as SettingRecord);
    return { upTo: all.length ? all[all.length - 1]!.seq : 0, records, settings };
  }

  /**
   * Settings changed on this device while a folder is set: each becomes this device's record for
   * its key, stamped after every change of that key seen so far (core/sync/settingsSync.ts), and
   * waits in the outbox for the journal. In the caller's transaction, with the settings write.
   */
  noteLocalSettings(changes: readonly { key: SettingKey; value: unknown }[], nowMs: number): void {
    if (changes.length === 0) return;
    const me = this.identity().deviceId;
    this.transaction(() => {
      let clock = parseHlc(this.clock() ?? '');
      for (const { key, value } of changes) {
        const uid = settingUid(key);
        const newest = parseHlc(this.q.newestSetting.get(uid)?.hlc ?? '');
        const next = stampSettingChange(clock, newest, me, nowMs);
        clock = next.clock;
        const record: SettingRecord = { v: 1, device: me, uid, hlc: formatHlc(next.stamp), type: 'setting', key, value };
        this.q.putRecord.run(me, uid, 'setting', record.hlc, null, null, JSON.stringify(record));
        this.q.queueSetting.run(uid);
      }
      if (clock) this.setClock(formatHlc(clock));
    });
  }

  /** The records up to `seq` are in the journal. */
  ack(seq: number): void {
    this.q.ack.run(seq);
  }

  /**
   * Imports other devices' records, in one transaction. A record already there with the same or a
   * newer stamp changes nothing; a newer one replaces it (and what day_stats counted of it).
   */
  importRecords(records: readonly JournalRecord[], atMs = Date.now()): ImportCount {
    const count: ImportCount = { added: 0, replaced: 0, unchanged: 0 };
    const self = this.identity().deviceId;
    this.transaction(() => this.agg.batch(() => {
      for (const r of records) {
        if (r.device === self) {
          count.unchanged++;
          continue;
        }
        const row = this.q.record.get(r.device, r.uid);
        const old = row ? (JSON.parse(row.json) as JournalRecord) : null;
        if (old && !supersedes(r, old)) {
          count.unchanged++;
          continue;
        }
        const { start, end } = spanOf(r);
        this.q.putRecord.run(r.device, r.uid, r.type, r.hlc, start, end, JSON.stringify(r));
        // The same record written again (a journal rewritten whole): its newer stamp is kept, nothing is counted anew.
        if (old && sameBody(old, r)) {
          count.unchanged++;
          continue;
        }
        this.count(r, old);
        this.q.imported.run(r.device, atMs);
        count[old ? 'replaced' : 'added']++;
      }
    }));
    return count;
  }

  /** Moves what day_stats counts from the old line of a record (if any) to the new one. */
  private count(r: JournalRecord, old: JournalRecord | null): void {
    if (old?.type === 'standing') this.agg.addStanding(old, -1);
    else if (old?.type === 'prompt') this.agg.countPrompt(old, -1);
    if (r.type === 'standing') this.agg.addStanding(r);
    else if (r.type === 'prompt') this.agg.countPrompt(r, 1);
    // A re-written bout: the person's bouts over both its old and new time are joined afresh (the new line is stored already).
    if (old?.type === 'bout') {
      const [start, end] = r.type === 'bout' ? [Math.min(old.start, r.start), Math.max(old.end, r.end)] : [old.start, old.end];
      this.person.recompute(start, end);
    } else if (r.type === 'bout') this.person.add(r);
  }

  /** Size and modification time of a file when it was last read whole, or null. */
  fileSeen(path: string): { size: number; mtimeMs: number } | null {
    const r = this.q.file.get(path);
    return r ? { size: r.size, mtimeMs: r.mtime_ms } : null;
  }

  /** Remembers that the file was read whole at this size and time (null: read it again next time). */
  markFile(path: string, seen: { size: number; mtimeMs: number } | null): void {
    if (seen) this.q.putFile.run(path, seen.size, Math.round(seen.mtimeMs));
    else this.q.forgetFile.run(path);
  }

  /** Replaces what is known to be wrong with `path` (none: nothing now). */
  setProblems(path: string, problems: readonly { line: number; reason: string; message: string }[], at: number): void {
    this.transaction(() => {
      this.q.clearProblems.run(path);
      for (const p of problems.slice(0, PROBLEMS_PER_FILE)) this.q.addProblem.run(path, p.line, p.reason, p.message, at);
      if (problems.length > PROBLEMS_PER_FILE) {
        this.q.addProblem.run(path, Number.MAX_SAFE_INTEGER, 'more', `and ${problems.length - PROBLEMS_PER_FILE} more lines skipped`, at);
      }
    });
  }

  problems(): SyncProblem[] {
    return this.q.problems.all().map((r) => ({ path: r.path, line: r.line, reason: r.reason, message: r.message, at: r.at_ms }));
  }

  /** Each device's bouts and sitting that start in [from, to) (epoch ms): this one first, then the imported ones. */
  devices(from: number, to: number): DeviceSummary[] {
    const me = this.identity();
    const sums = this.sums(from, to);
    const of = (id: string) => sums.get(id) ?? { bouts: 0, sitting: 0, standing: 0 };
    const local = of('');
    return [
      { deviceId: me.deviceId, name: me.name, local: true, bouts: local.bouts, sittingMs: local.sitting, standingMs: local.standing, lastImportAt: null },
      ...this.q.devices.all().map((d) => {
        const s = of(d.device_id);
        return { deviceId: d.device_id, name: d.name ?? '', local: false, bouts: s.bouts, sittingMs: s.sitting, standingMs: s.standing, lastImportAt: d.imported };
      }),
    ];
  }

  /**
   * Each device's sums over [from, to) by device id ('' for this one): the whole UTC days inside it from
   * device_days, the parts of a day at either end from the rows, so any zone's midnights are exact.
   */
  private sums(from: number, to: number): Map<string, { bouts: number; sitting: number; standing: number }> {
    const out = new Map<string, { bouts: number; sitting: number; standing: number }>();
    const add = (rows: readonly DeviceSums[]) => {
      for (const r of rows) {
        const o = out.get(r.device_id) ?? { bouts: 0, sitting: 0, standing: 0 };
        out.set(r.device_id, { bouts: o.bouts + r.bouts, sitting: o.sitting + r.sitting, standing: o.standing + r.standing });
      }
    };
    const span = (a: number, b: number) => {
      if (a < b) add([this.q.localSpan.get({ from: a, to: b })!, ...this.q.recordsSpan.all(a, b)]);
    };
    const firstDay = Math.ceil(from / DAY_MS);
    const endDay = Math.floor(to / DAY_MS);
    if (firstDay >= endDay) {
      span(from, to);
      return out;
    }
    add(this.q.dayTotals.all(firstDay, endDay));
    span(from, firstDay * DAY_MS);
    span(endDay * DAY_MS, to);
    return out;
  }

  /** Whether another device's records came into this history: one look, so a one-computer history pays nothing for the breakdown. */
  hasOtherDevices(): boolean {
    return this.q.otherDevice.get() !== undefined;
  }

  /** One device's bouts, standing and prompts starting in [from, to). */
  deviceRecords(deviceId: string, from: number, to: number): DeviceRecords {
    if (deviceId === this.identity().deviceId) {
      return { bouts: this.q.localBouts.all(from, to), standing: this.q.localStanding.all(from, to), prompts: this.q.localPrompts.all(from, to) };
    }
    const out: DeviceRecords = { bouts: [], standing: [], prompts: [] };
    for (const row of this.q.deviceRecords.all(deviceId, from, to)) {
      const r = JSON.parse(row.json) as JournalRecord;
      if (r.type === 'bout' || r.type === 'standing') out[r.type === 'bout' ? 'bouts' : 'standing'].push({ start: r.start, end: r.end, zone: r.zone });
      else if (r.type === 'prompt') out.prompts.push({ at: r.at, kind: r.kind, outcome: r.outcome, sittingMs: r.sittingMs, zone: r.zone });
    }
    return out;
  }

  /** Every device's newest change of each setting, this one's too (the shell applies the newest of each key). */
  settingChanges(): SettingRecord[] {
    return this.q.settingRecords.all().map((r) => JSON.parse(r.json) as SettingRecord);
  }

  /** Forgets every imported record and what was read (with a wiped history). */
  clear(): void {
    this.db.exec('DELETE FROM sync_records; DELETE FROM sync_files; DELETE FROM sync_problems; DELETE FROM sync_outbox; DELETE FROM sync_imports; DELETE FROM person_bouts;');
    // The triggers took the records out of device_days; the rows they left at zero go too (a wipe's emptied days of this device as well).
    this.db.exec('DELETE FROM device_days WHERE bouts = 0 AND sitting_ms = 0 AND standing_ms = 0;');
  }
}
