import type { Database } from 'better-sqlite3';
import { rebuildAggregates } from './dayStats.js';

export interface Migration {
  up(db: Database): void;
  /** Recompute day_stats and the derived date columns from the raw rows once all migrations ran. */
  rebuildAggregates?: true;
}

/**
 * The schema's history, append-only: migration i takes a database from user_version i to i + 1.
 * Never edit a shipped entry; add a new one. All run inside one transaction.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the raw history.
  {
    up: (db) =>
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
  },

  // v2: local dates on the rows and one aggregate row per local day, so ten years of statistics stay fast.
  {
    rebuildAggregates: true,
    up: (db) =>
      db.exec(`
      ALTER TABLE bouts ADD COLUMN start_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE check_ins ADD COLUMN date TEXT NOT NULL DEFAULT '';
      CREATE TABLE day_stats (
        date TEXT PRIMARY KEY,
        weekday INTEGER NOT NULL,
        sitting_ms INTEGER NOT NULL,
        bouts INTEGER NOT NULL,
        bout_ms INTEGER NOT NULL,
        longest_ms INTEGER NOT NULL,
        long_bout_ms INTEGER NOT NULL,
        bout_lengths BLOB NOT NULL,
        ${Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')} INTEGER NOT NULL,`).join(' ')}
        posture_shown INTEGER NOT NULL,
        posture_suppressed INTEGER NOT NULL,
        break_stretched INTEGER NOT NULL,
        break_snoozed INTEGER NOT NULL,
        break_skipped INTEGER NOT NULL,
        break_took_break INTEGER NOT NULL,
        break_unanswered INTEGER NOT NULL,
        break_suppressed INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX bouts_start_date ON bouts (start_date);
      CREATE INDEX check_ins_date ON check_ins (date, at_ms);
    `),
  },

  // v3: prompts take the values of DESIGN.md §6–§7: a suppressed prompt keeps its busy reason (busy:call…),
  // the move prompt, the outcome stood. SQLite cannot widen a CHECK in place, so the table is copied.
  // Day rows are recomputed from the raw rows afterwards (cheap, once), so they match today's counting.
  {
    rebuildAggregates: true,
    up: (db) =>
      db.exec(`
      CREATE TABLE prompts_v3 (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        at_ms INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('posture', 'break', 'move')),
        outcome TEXT NOT NULL CHECK (outcome IN ('shown', 'stretched', 'snoozed', 'skipped', 'took-break', 'unanswered', 'suppressed', 'stood')),
        sitting_ms INTEGER NOT NULL,
        reason TEXT CHECK (reason IN ('paused', 'outside-work-hours', 'quiet-hours',
          'busy:dnd', 'busy:fullscreen', 'busy:call', 'busy:app', 'busy:calendar')),
        zone TEXT NOT NULL
      ) STRICT;
      INSERT INTO prompts_v3 (id, uid, at_ms, kind, outcome, sitting_ms, reason, zone)
        SELECT id, uid, at_ms, kind, outcome, sitting_ms, reason, zone FROM prompts;
      DROP TABLE prompts;
      ALTER TABLE prompts_v3 RENAME TO prompts;
      CREATE INDEX prompts_at ON prompts (at_ms);
    `),
  },

  // v4: standing periods at a sit-stand desk (DESIGN.md §7), and per day the standing time and the
  // move prompts and stood outcomes.
  {
    rebuildAggregates: true,
    up: (db) =>
      db.exec(`
      CREATE TABLE standing_periods (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        zone TEXT NOT NULL,
        CHECK (end_ms >= start_ms AND duration_ms = end_ms - start_ms)
      ) STRICT;
      CREATE INDEX standing_periods_start ON standing_periods (start_ms);
      ALTER TABLE day_stats ADD COLUMN standing_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE day_stats ADD COLUMN move_shown INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE day_stats ADD COLUMN move_suppressed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE day_stats ADD COLUMN break_stood INTEGER NOT NULL DEFAULT 0;
    `),
  },

  // v5: one history across the user's computers through a sync folder (issue 15). This device's id
  // and name; the records imported from other devices, keyed by (device, uid) so importing again
  // adds nothing; the person's bouts (every device's joined where they overlap), which day_stats now
  // counts; an outbox the triggers fill while a folder is set, so every local write reaches this
  // device's journal even after a crash; the files read and the lines skipped (for `sitwell doctor`).
  {
    rebuildAggregates: true,
    up: (db) =>
      db.exec(`
      CREATE TABLE sync_device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        name TEXT NOT NULL,
        folder TEXT,
        hlc TEXT
      ) STRICT;
      INSERT INTO sync_device (id, device_id, name) VALUES (1, lower(hex(randomblob(16))), '');
      CREATE TABLE sync_records (
        device_id TEXT NOT NULL,
        uid TEXT NOT NULL,
        type TEXT NOT NULL,
        hlc TEXT NOT NULL,
        start_ms INTEGER,
        end_ms INTEGER,
        json TEXT NOT NULL,
        PRIMARY KEY (device_id, uid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_records_type_start ON sync_records (type, start_ms);
      CREATE TABLE person_bouts (
        id INTEGER PRIMARY KEY,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        zone TEXT NOT NULL,
        CHECK (end_ms > start_ms)
      ) STRICT;
      CREATE INDEX person_bouts_start ON person_bouts (start_ms);
      CREATE TABLE sync_outbox (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, row_id INTEGER NOT NULL) STRICT;
      CREATE TABLE sync_files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL) STRICT;
      CREATE TABLE sync_problems (
        path TEXT NOT NULL,
        line INTEGER NOT NULL,
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (path, line)
      ) STRICT;
      CREATE TRIGGER sync_out_bout AFTER INSERT ON bouts WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('bout', NEW.id); END;
      CREATE TRIGGER sync_out_standing AFTER INSERT ON standing_periods WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('standing', NEW.id); END;
      CREATE TRIGGER sync_out_prompt AFTER INSERT ON prompts WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('prompt', NEW.id); END;
      CREATE TRIGGER sync_out_prompt_outcome AFTER UPDATE OF outcome ON prompts WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('prompt', NEW.id); END;
      CREATE TRIGGER sync_out_stretch AFTER INSERT ON stretches WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('stretch', NEW.id); END;
      CREATE TRIGGER sync_out_stretch_end AFTER UPDATE ON stretches WHEN (SELECT folder FROM sync_device) IS NOT NULL
        BEGIN INSERT INTO sync_outbox (type, row_id) VALUES ('stretch', NEW.id); END;
    `),
  },
  // v6: the prompts held while busy, for the statistics' busy card (issue 12), found through an index of
  // their own: over ten years the range scan of every prompt took ~11 ms of the statistics' 20 ms budget.
  // The query repeats this WHERE term exactly, so SQLite can use the partial index.
  {
    up: (db) => db.exec(`CREATE INDEX prompts_busy_at ON prompts (at_ms) WHERE reason LIKE 'busy:%';`),
  },
  // v7: settings through the sync folder, and when each device was last heard from (issue 15). This device's
  // change of a setting is a row of sync_records (stamped, one per key); an outbox row of type 'setting' names
  // it by that uid until it is in the journal. sync_imports: when records of each device last came in.
  {
    up: (db) =>
      db.exec(`
      ALTER TABLE sync_outbox ADD COLUMN uid TEXT;
      CREATE TABLE sync_imports (device_id TEXT PRIMARY KEY, at_ms INTEGER NOT NULL) STRICT;
    `),
  },
  // v8: each day row keeps a packed copy of what the statistics read (dayStats.ts, PACKED_FIELDS), so ten
  // years are read as one concatenated blob instead of ~3 000 wide rows and a GROUP BY for the heatmap.
  // The rebuild fills it.
  {
    rebuildAggregates: true,
    up: (db) => db.exec(`ALTER TABLE day_stats ADD COLUMN packed BLOB NOT NULL DEFAULT x'';`),
  },
  // v9: the checkpoint holds an open standing period too (DESIGN.md §7), so a crash no longer loses it.
  {
    up: (db) => db.exec(`ALTER TABLE checkpoint ADD COLUMN kind TEXT NOT NULL DEFAULT 'sitting' CHECK (kind IN ('sitting', 'standing'));`),
  },
  // v10: each device's bouts and standing by start, with their ends, for the statistics' per-device breakdown
  // (issue 15). The records' rows carry their JSON, so over ten years of three devices reading them took
  // ~800 ms; this covering index answers the sums (and the list of devices, by skipping) in ~20 ms.
  {
    up: (db) => db.exec(`CREATE INDEX sync_records_device_type_start ON sync_records (device_id, type, start_ms, end_ms);`),
  },
  // v11: each device's bouts, sitting and standing per UTC day of their start, for the per-device breakdown
  // (issue 15): over ten years of three devices the sums through v10's index took ~12 ms of the statistics'
  // 20 ms budget; whole days are now one row each and only the two partial days at a range's ends are read
  // from the records (syncStore.ts). device_id '' is this computer (its rows are bouts and standing_periods).
  // Triggers keep it, so every writer (the tracker, an import, a sync import, a wipe) does without knowing.
  // A UTC day rounds down for instants before 1970 too: SQLite's / and % truncate toward zero.
  {
    up: (db) =>
      db.exec(`
      CREATE TABLE device_days (
        device_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        bouts INTEGER NOT NULL,
        sitting_ms INTEGER NOT NULL,
        standing_ms INTEGER NOT NULL,
        PRIMARY KEY (device_id, day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO device_days (device_id, day, bouts, sitting_ms, standing_ms)
        SELECT device_id, day, sum(bouts), sum(sitting_ms), sum(standing_ms) FROM (
          SELECT '' AS device_id, start_ms / 86400000 - (start_ms % 86400000 < 0) AS day, 1 AS bouts, duration_ms AS sitting_ms, 0 AS standing_ms FROM bouts
          UNION ALL SELECT '', start_ms / 86400000 - (start_ms % 86400000 < 0), 0, 0, duration_ms FROM standing_periods
          UNION ALL SELECT device_id, start_ms / 86400000 - (start_ms % 86400000 < 0), type = 'bout', iif(type = 'bout', end_ms - start_ms, 0), iif(type = 'standing', end_ms - start_ms, 0)
            FROM sync_records WHERE type IN ('bout', 'standing')
        ) GROUP BY device_id, day;
      CREATE TRIGGER device_days_bout_in AFTER INSERT ON bouts BEGIN
        INSERT INTO device_days VALUES ('', NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0), 1, NEW.duration_ms, 0)
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms;
      END;
      CREATE TRIGGER device_days_bout_out AFTER DELETE ON bouts BEGIN
        INSERT INTO device_days VALUES ('', OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0), -1, -OLD.duration_ms, 0)
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms;
      END;
      CREATE TRIGGER device_days_bout_change AFTER UPDATE OF start_ms, duration_ms ON bouts BEGIN
        INSERT INTO device_days VALUES ('', OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0), -1, -OLD.duration_ms, 0)
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms;
        INSERT INTO device_days VALUES ('', NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0), 1, NEW.duration_ms, 0)
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms;
      END;
      CREATE TRIGGER device_days_standing_in AFTER INSERT ON standing_periods BEGIN
        INSERT INTO device_days VALUES ('', NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0), 0, 0, NEW.duration_ms)
          ON CONFLICT (device_id, day) DO UPDATE SET standing_ms = standing_ms + excluded.standing_ms;
      END;
      CREATE TRIGGER device_days_standing_out AFTER DELETE ON standing_periods BEGIN
        INSERT INTO device_days VALUES ('', OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0), 0, 0, -OLD.duration_ms)
          ON CONFLICT (device_id, day) DO UPDATE SET standing_ms = standing_ms + excluded.standing_ms;
      END;
      CREATE TRIGGER device_days_standing_change AFTER UPDATE OF start_ms, duration_ms ON standing_periods BEGIN
        INSERT INTO device_days VALUES ('', OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0), 0, 0, -OLD.duration_ms)
          ON CONFLICT (device_id, day) DO UPDATE SET standing_ms = standing_ms + excluded.standing_ms;
        INSERT INTO device_days VALUES ('', NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0), 0, 0, NEW.duration_ms)
          ON CONFLICT (device_id, day) DO UPDATE SET standing_ms = standing_ms + excluded.standing_ms;
      END;
      CREATE TRIGGER device_days_record_in AFTER INSERT ON sync_records WHEN NEW.type IN ('bout', 'standing') BEGIN
        INSERT INTO device_days VALUES (NEW.device_id, NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0),
            NEW.type = 'bout', iif(NEW.type = 'bout', NEW.end_ms - NEW.start_ms, 0), iif(NEW.type = 'standing', NEW.end_ms - NEW.start_ms, 0))
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms, standing_ms = standing_ms + excluded.standing_ms;
      END;
      CREATE TRIGGER device_days_record_out AFTER DELETE ON sync_records WHEN OLD.type IN ('bout', 'standing') BEGIN
        INSERT INTO device_days VALUES (OLD.device_id, OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0),
            -(OLD.type = 'bout'), -iif(OLD.type = 'bout', OLD.end_ms - OLD.start_ms, 0), -iif(OLD.type = 'standing', OLD.end_ms - OLD.start_ms, 0))
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms, standing_ms = standing_ms + excluded.standing_ms;
      END;
      CREATE TRIGGER device_days_record_change AFTER UPDATE OF device_id, type, start_ms, end_ms ON sync_records
        WHEN OLD.type IN ('bout', 'standing') OR NEW.type IN ('bout', 'standing') BEGIN
        INSERT INTO device_days SELECT OLD.device_id, OLD.start_ms / 86400000 - (OLD.start_ms % 86400000 < 0),
            -(OLD.type = 'bout'), -iif(OLD.type = 'bout', OLD.end_ms - OLD.start_ms, 0), -iif(OLD.type = 'standing', OLD.end_ms - OLD.start_ms, 0)
          WHERE OLD.type IN ('bout', 'standing')
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms, standing_ms = standing_ms + excluded.standing_ms;
        INSERT INTO device_days SELECT NEW.device_id, NEW.start_ms / 86400000 - (NEW.start_ms % 86400000 < 0),
            NEW.type = 'bout', iif(NEW.type = 'bout', NEW.end_ms - NEW.start_ms, 0), iif(NEW.type = 'standing', NEW.end_ms - NEW.start_ms, 0)
          WHERE NEW.type IN ('bout', 'standing')
          ON CONFLICT (device_id, day) DO UPDATE SET bouts = bouts + excluded.bouts, sitting_ms = sitting_ms + excluded.sitting_ms, standing_ms = standing_ms + excluded.standing_ms;
      END;
    `),
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database from its user_version up to `target` (default: this app's version) in one transaction. */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  db.transaction(() => {
    // Read inside the (immediate) transaction: another process may have migrated meanwhile.
    const from = db.pragma('user_version', { simple: true }) as number;
    const run = MIGRATIONS.slice(from, target);
    for (const m of run) m.up(db);
    // Rebuilt with today's code against today's schema, so old migrations never run stale aggregate code.
    if (target === SCHEMA_VERSION && run.some((m) => m.rebuildAggregates)) rebuildAggregates(db);
    if (target > from) db.pragma(`user_version = ${target}`);
  }).immediate();
}
