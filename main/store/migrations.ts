import type { Database } from 'better-sqlite3';
import { localDate } from '../core/localTime.js';
import { Aggregates } from './aggregates.js';

/**
 * The schema's history, append-only: migration i takes a database from user_version i to i + 1.
 * Never edit a shipped entry; add a new one. Each runs inside the caller's transaction.
 */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  // v1: the raw history.
  (db) =>
    db.exec(`
      CREATE TABLE bouts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        zone TEXT NOT NULL,
        CHECK (end_ms >= start_ms AND duration_ms = end_ms - start_ms)
      ) STRICT;
      CREATE INDEX bouts_start ON bouts (start_ms);

      CREATE TABLE prompts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        at_ms INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('posture', 'break')),
        outcome TEXT NOT NULL CHECK (outcome IN ('shown', 'stretched', 'snoozed', 'skipped', 'took-break', 'unanswered', 'suppressed')),
        sitting_ms INTEGER NOT NULL,
        reason TEXT CHECK (reason IN ('paused', 'outside-work-hours', 'quiet-hours')),
        zone TEXT NOT NULL
      ) STRICT;
      CREATE INDEX prompts_at ON prompts (at_ms);

      CREATE TABLE stretches (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER,
        routine_id TEXT NOT NULL,
        completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
        steps_done INTEGER NOT NULL,
        steps_total INTEGER NOT NULL,
        zone TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stretches_start ON stretches (start_ms);

      CREATE TABLE check_ins (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        at_ms INTEGER NOT NULL,
        soreness INTEGER NOT NULL CHECK (soreness BETWEEN 0 AND 10),
        areas TEXT NOT NULL,
        red_flags TEXT NOT NULL,
        note TEXT NOT NULL,
        zone TEXT NOT NULL
      ) STRICT;
      CREATE INDEX check_ins_at ON check_ins (at_ms);

      CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE state (key TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
      CREATE TABLE checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        start_ms INTEGER NOT NULL,
        last_input_ms INTEGER NOT NULL,
        saved_at_ms INTEGER NOT NULL,
        zone TEXT NOT NULL
      ) STRICT;
    `),

  // v2: local dates on the rows and per-day / per-hour aggregates, so ten years of statistics stay fast.
  (db) => {
    db.exec(`
      ALTER TABLE bouts ADD COLUMN start_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE check_ins ADD COLUMN date TEXT NOT NULL DEFAULT '';
      CREATE TABLE day_stats (
        date TEXT PRIMARY KEY,
        sitting_ms INTEGER NOT NULL DEFAULT 0,
        bouts INTEGER NOT NULL DEFAULT 0,
        bout_ms INTEGER NOT NULL DEFAULT 0,
        longest_ms INTEGER NOT NULL DEFAULT 0,
        long_bout_ms INTEGER NOT NULL DEFAULT 0,
        break_prompts INTEGER NOT NULL DEFAULT 0,
        break_heeded INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE hour_stats (
        date TEXT NOT NULL,
        hour INTEGER NOT NULL,
        weekday INTEGER NOT NULL,
        sitting_ms INTEGER NOT NULL,
        PRIMARY KEY (date, hour)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE prompt_day (
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (date, kind, outcome)
      ) STRICT, WITHOUT ROWID;
    `);
    const agg = new Aggregates(db);
    const setBoutDate = db.prepare('UPDATE bouts SET start_date = ? WHERE id = ?');
    for (const b of db.prepare('SELECT id, start_ms, end_ms, zone FROM bouts ORDER BY start_ms').all() as { id: number; start_ms: number; end_ms: number; zone: string }[]) {
      setBoutDate.run(agg.addBout({ start: b.start_ms, end: b.end_ms, zone: b.zone }), b.id);
    }
    for (const p of db.prepare('SELECT at_ms, zone, kind, outcome FROM prompts').all() as { at_ms: number; zone: string; kind: 'break'; outcome: 'shown' }[]) {
      agg.countPrompt({ at: p.at_ms, zone: p.zone, kind: p.kind, outcome: p.outcome }, 1);
    }
    const setCheckInDate = db.prepare('UPDATE check_ins SET date = ? WHERE id = ?');
    for (const c of db.prepare('SELECT id, at_ms, zone FROM check_ins').all() as { id: number; at_ms: number; zone: string }[]) {
      setCheckInDate.run(localDate(c.at_ms, c.zone), c.id);
    }
    // Covering index: the bout lengths of a date range come straight from it.
    db.exec(`
      CREATE INDEX bouts_start_date ON bouts (start_date, start_ms, duration_ms);
      CREATE INDEX check_ins_date ON check_ins (date, at_ms);
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database from its user_version up to `target` (default: this app's version) in one transaction. */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  db.transaction(() => {
    // Read inside the (immediate) transaction: another process may have migrated meanwhile.
    const from = db.pragma('user_version', { simple: true }) as number;
    for (let v = from; v < target; v++) MIGRATIONS[v]!(db);
    if (target > from) db.pragma(`user_version = ${target}`);
  }).immediate();
}
