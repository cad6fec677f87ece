import type { Database, Statement } from 'better-sqlite3';
import { joinOverlapping, unionBouts, type ZonedInterval } from '../core/sync/boutUnion.js';

/**
 * The person's bouts (issue 15): this device's and every imported device's, joined where they
 * overlap (core/sync/boutUnion.ts), kept in person_bouts; day_stats counts these, so every view
 * of the statistics counts an hour sat at two computers once. Without other devices they are
 * exactly this device's bouts (which never overlap).
 */

/** What day_stats does with a bout (Aggregates). */
export interface BoutCounter {
  addBout(b: ZonedInterval): unknown;
  removeBout(b: ZonedInterval): void;
}

type Row = { id: number; start_ms: number; end_ms: number; zone: string };
type Range = { lo: number; hi: number };
type Span = { start_ms: number; end_ms: number; zone: string };

/** No bout is longer than this (the journal refuses longer ones), which bounds the searches below. */
const LONGEST_MS = 31 * 24 * 3_600_000;
const toInterval = (r: Span): ZonedInterval => ({ start: r.start_ms, end: r.end_ms, zone: r.zone });

/** Every device's source bouts whose time overlaps [lo, hi): this device's, then the imported ones. */
const SOURCES_SQL = `
  SELECT start_ms, end_ms, zone FROM bouts WHERE start_ms > @lo - ${LONGEST_MS} AND start_ms < @hi AND end_ms > @lo
  UNION ALL
  SELECT start_ms, end_ms, json ->> '$.zone' AS zone FROM sync_records
    WHERE type = 'bout' AND start_ms > @lo - ${LONGEST_MS} AND start_ms < @hi AND end_ms > @lo`;

export class PersonBouts {
  private readonly overlapping: Statement<[Range], Row>;
  private readonly insert: Statement<[number, number, string]>;
  private readonly remove: Statement<[number]>;
  private readonly sources: Statement<[Range], Span>;

  constructor(
    db: Database,
    private readonly counter: BoutCounter,
  ) {
    // Person bouts never overlap: only the last one starting before `start` and those starting in [start, end) can.
    this.overlapping = db.prepare(
      `SELECT * FROM person_bouts
       WHERE start_ms >= coalesce((SELECT max(start_ms) FROM person_bouts WHERE start_ms < @lo), @lo) AND start_ms < @hi AND end_ms > @lo
       ORDER BY start_ms`,
    );
    this.insert = db.prepare('INSERT INTO person_bouts (start_ms, end_ms, zone) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM person_bouts WHERE id = ?');
    this.sources = db.prepare(SOURCES_SQL);
  }

  /** One more source bout (from any device), inside the caller's transaction. */
  add(b: ZonedInterval): void {
    if (b.end <= b.start) return;
    const rows = this.overlapping.all({ lo: b.start, hi: b.end });
    const merged = joinOverlapping(rows.map(toInterval), b);
    const only = rows.length === 1 ? rows[0]! : null;
    if (only && only.start_ms === merged.start && only.end_ms === merged.end && only.zone === merged.zone) return; // inside a person bout already
    for (const r of rows) {
      this.remove.run(r.id);
      this.counter.removeBout(toInterval(r));
    }
    this.insert.run(merged.start, merged.end, merged.zone);
    this.counter.addBout(merged);
  }

  /** Joins [lo, hi) afresh from the source bouts, after one of them changed or went (rare: only a re-written imported bout). */
  recompute(lo: number, hi: number): void {
    const rows = this.overlapping.all({ lo, hi });
    for (const r of rows) {
      this.remove.run(r.id);
      this.counter.removeBout(toInterval(r));
    }
    const from = Math.min(lo, ...rows.map((r) => r.start_ms));
    const to = Math.max(hi, ...rows.map((r) => r.end_ms));
    for (const s of this.sources.all({ lo: from, hi: to }).map(toInterval).sort((a, b) => a.start - b.start)) this.add(s);
  }
}

/** Fills person_bouts afresh from every source bout and returns them, for a rebuild of day_stats. */
export function rebuildPersonBouts(db: Database): ZonedInterval[] {
  db.exec('DELETE FROM person_bouts');
  const all = db.prepare<[Range], Span>(SOURCES_SQL).all({ lo: Number.MIN_SAFE_INTEGER / 2, hi: Number.MAX_SAFE_INTEGER / 2 });
  const union = unionBouts(all.map(toInterval));
  const insert = db.prepare('INSERT INTO person_bouts (start_ms, end_ms, zone) VALUES (?, ?, ?)');
  for (const b of union) insert.run(b.start, b.end, b.zone);
  return union;
}
