import type { Database, Statement } from 'better-sqlite3';
import type { PromptKind, PromptOutcome } from '../../shared/domain.js';
import { dateToDay, weekdayOf } from '../../shared/calendar.js';
import { isLongBout } from '../core/boutMetrics.js';
import { localDate, splitByDay, splitByHour } from '../core/localTime.js';
import { rebuildPersonBouts } from './personBouts.js';

/** A bout over this counts toward the "share of sitting in long bouts" (DESIGN.md §4). */

/** The prompt counters a day row keeps, one column each. */
export const PROMPT_COLUMNS = [
  'posture_shown',
  'posture_suppressed',
  'break_stretched',
  'break_snoozed',
  'break_skipped',
  'break_took_break',
  'break_unanswered',
  'break_suppressed',
  'break_stood',
  'move_shown',
  'move_suppressed',
] as const;
export type PromptColumn = (typeof PROMPT_COLUMNS)[number];

export function promptColumn(kind: PromptKind, outcome: PromptOutcome): PromptColumn {
  if (kind !== 'break') return outcome === 'suppressed' ? `${kind}_suppressed` : `${kind}_shown`;
  // A break prompt still marked 'shown' was never answered.
  return outcome === 'shown' ? 'break_unanswered' : (`break_${outcome.replace('-', '_')}` as PromptColumn);
}

/** Sitting per local hour of the day, h00 … h23: the heatmap is one GROUP BY weekday over them. */
export const HOUR_COLUMNS = Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`);

/** Break prompts that were shown (not suppressed), and those of them that ended in a stretch, a break or standing up. */
const SHOWN_BREAK_COLUMNS = ['break_stretched', 'break_snoozed', 'break_skipped', 'break_took_break', 'break_unanswered', 'break_stood'] as const;
const HEEDED_BREAK_COLUMNS = ['break_stretched', 'break_took_break', 'break_stood'] as const;

/**
 * The float64s of a day row's `packed` copy, in this order, then HOUR_COLUMNS: what the statistics read
 * of every day. Ten years are read as one blob (the rows' copies concatenated by SQLite) instead of
 * ~3 000 rows of 30 columns, which cost ~8 ms of the 20 ms budget (README, Benchmarks).
 */
export const PACKED_FIELDS = ['day', 'sittingMs', 'standingMs', 'bouts', 'longestMs', 'boutMs', 'longBoutMs', 'breakPrompts', 'breakPromptsHeeded'] as const;
export const PACKED_WIDTH = PACKED_FIELDS.length + HOUR_COLUMNS.length;

const sum = (d: DayAgg, columns: readonly PromptColumn[]): number => columns.reduce((n, c) => n + d[c], 0);

/** The day's packed copy (PACKED_FIELDS, then the hours), float64 little-endian. */
function pack(d: DayAgg): Buffer {
  const head: Record<(typeof PACKED_FIELDS)[number], number> = {
    day: dateToDay(d.date),
    sittingMs: d.sitting_ms,
    standingMs: d.standing_ms,
    bouts: d.bouts,
    longestMs: d.longest_ms,
    boutMs: d.bout_ms,
    longBoutMs: d.long_bout_ms,
    breakPrompts: sum(d, SHOWN_BREAK_COLUMNS),
    breakPromptsHeeded: sum(d, HEEDED_BREAK_COLUMNS),
  };
  const values = [...PACKED_FIELDS.map((f) => head[f]), ...HOUR_COLUMNS.map((c) => d[c] as number)];
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeDoubleLE(v, i * 8));
  return buf;
}

/** One row of day_stats: everything the statistics need about one local date. */
export interface DayAgg extends Record<PromptColumn, number>, Record<string, number | string | Buffer> {
  date: string;
  /** 0 = Monday. */
  weekday: number;
  sitting_ms: number;
  bouts: number;
  bout_ms: number;
  longest_ms: number;
  long_bout_ms: number;
  /** float64 LE per bout starting on the date: its length in ms (the research measures need every length). */
  bout_lengths: Buffer;
  /** Standing at a sit-stand desk that falls on the date (DESIGN.md §7). */
  standing_ms: number;
  /** What the statistics read of the row, packed (PACKED_FIELDS); rewritten with every change. */
  packed: Buffer;
}

const emptyDay = (date: string): DayAgg => ({
  date,
  weekday: weekdayOf(date),
  sitting_ms: 0,
  bouts: 0,
  bout_ms: 0,
  longest_ms: 0,
  long_bout_ms: 0,
  bout_lengths: Buffer.alloc(0),
  standing_ms: 0,
  packed: Buffer.alloc(0),
  ...(Object.fromEntries(HOUR_COLUMNS.map((c) => [c, 0])) as Record<string, number>),
  ...(Object.fromEntries(PROMPT_COLUMNS.map((c) => [c, 0])) as Record<PromptColumn, number>),
});

const DAY_COLUMNS = Object.keys(emptyDay('2000-01-01'));

/**
 * Keeps day_stats in step with the raw rows, inside the caller's transaction, so statistics over
 * ten years read one small row per day instead of re-splitting every bout at local midnights.
 */
export class Aggregates {
  private readonly load: Statement;
  private readonly save: Statement;

  constructor(db: Database) {
    this.load = db.prepare('SELECT * FROM day_stats WHERE date = ?');
    this.save = db.prepare(
      `INSERT OR REPLACE INTO day_stats (${DAY_COLUMNS.join(', ')}) VALUES (${DAY_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
  }

  /** Day rows being changed by a batch, written once at its end (an import touches each day hundreds of times). */
  private pending: Map<string, DayAgg> | null = null;

  private update(date: string, change: (d: DayAgg) => void): void {
    const day = this.pending?.get(date) ?? (this.load.get(date) as DayAgg | undefined) ?? emptyDay(date);
    change(day);
    if (this.pending) this.pending.set(date, day);
    else this.write(day);
  }

  private write(day: DayAgg): void {
    day.packed = pack(day);
    this.save.run(day);
  }

  /** Runs `fn` (inside the caller's transaction) with the day rows it changes kept in memory and written once at the end; nested calls join. */
  batch<T>(fn: () => T): T {
    if (this.pending) return fn();
    this.pending = new Map();
    try {
      const out = fn();
      for (const day of this.pending.values()) this.write(day);
      return out;
    } finally {
      this.pending = null;
    }
  }

  /** Adds a bout: its sitting to each local date and hour it covers, its length to the date it starts. Returns that date. */
  addBout(b: { start: number; end: number; zone: string }): string {
    return this.countBout(b, 1);
  }

  /** Takes a bout out again (the person's bouts change when another device's bout joins one). */
  removeBout(b: { start: number; end: number; zone: string }): void {
    this.countBout(b, -1);
  }

  private countBout(b: { start: number; end: number; zone: string }, sign: 1 | -1): string {
    const ms = b.end - b.start;
    const startDate = localDate(b.start, b.zone);
    const byDate = new Map<string, { hour: number; ms: number }[]>([[startDate, []]]);
    for (const p of splitByHour(b.start, b.end, b.zone)) {
      let parts = byDate.get(p.date);
      if (!parts) byDate.set(p.date, (parts = []));
      parts.push(p);
    }
    for (const [date, parts] of byDate) {
      this.update(date, (d) => {
        for (const p of parts) {
          d.sitting_ms += sign * p.ms;
          (d[HOUR_COLUMNS[p.hour]!] as number) += sign * p.ms;
        }
        if (date !== startDate) return;
        d.bouts += sign;
        d.bout_ms += sign * ms;
        if (isLongBout(ms)) d.long_bout_ms += sign * ms;
        if (sign === 1) {
          d.longest_ms = Math.max(d.longest_ms, ms);
          const len = Buffer.alloc(8);
          len.writeDoubleLE(ms);
          d.bout_lengths = Buffer.concat([d.bout_lengths, len]);
        } else {
          d.bout_lengths = withoutLength(d.bout_lengths, ms);
          d.longest_ms = 0;
          for (let o = 0; o < d.bout_lengths.length; o += 8) d.longest_ms = Math.max(d.longest_ms, d.bout_lengths.readDoubleLE(o));
        }
      });
    }
    return startDate;
  }

  /** Adds a standing period to each local date it covers. */
  addStanding(s: { start: number; end: number; zone: string }, sign: 1 | -1 = 1): void {
    for (const part of splitByDay(s.start, s.end, s.zone)) {
      this.update(part.date, (d) => {
        d.standing_ms += sign * part.ms;
      });
    }
  }

  /** Counts a prompt with `outcome` in (sign 1) or out (sign -1), e.g. when its outcome changes. */
  countPrompt(p: { at: number; zone: string; kind: PromptKind; outcome: PromptOutcome }, sign: 1 | -1): void {
    const column = promptColumn(p.kind, p.outcome);
    this.update(localDate(p.at, p.zone), (d) => {
      d[column] += sign;
    });
  }
}

/** The lengths without one entry equal to `ms` (each is a float64 LE). */
function withoutLength(lengths: Buffer, ms: number): Buffer {
  for (let o = 0; o < lengths.length; o += 8) {
    if (lengths.readDoubleLE(o) === ms) return Buffer.concat([lengths.subarray(0, o), lengths.subarray(o + 8)]);
  }
  return lengths;
}

/** Recomputes day_stats and the rows' local dates from the raw history (after a migration that changes them). */
export function rebuildAggregates(db: Database): void {
  db.exec('DELETE FROM day_stats');
  const agg = new Aggregates(db);
  const setBoutDate = db.prepare('UPDATE bouts SET start_date = ? WHERE id = ?');
  type Bout = { id: number; start_ms: number; end_ms: number; zone: string };
  for (const b of db.prepare('SELECT id, start_ms, end_ms, zone FROM bouts ORDER BY start_ms').all() as Bout[]) {
    setBoutDate.run(localDate(b.start_ms, b.zone), b.id);
  }
  // Each day row is read and written once (a ten-year history took ~20 s row by row).
  agg.batch(() => {
    // The sitting counted is the person's: every device's bouts joined where they overlap.
    for (const b of rebuildPersonBouts(db)) agg.addBout(b);
    type Period = { start_ms: number; end_ms: number; zone: string };
    for (const s of db.prepare('SELECT start_ms, end_ms, zone FROM standing_periods').all() as Period[]) {
      agg.addStanding({ start: s.start_ms, end: s.end_ms, zone: s.zone });
    }
    // Other devices' standing and prompts count too (sync, issue 15); their bouts are in the person's bouts above.
    for (const s of db.prepare("SELECT start_ms, end_ms, json ->> '$.zone' AS zone FROM sync_records WHERE type = 'standing'").all() as Period[]) {
      agg.addStanding({ start: s.start_ms, end: s.end_ms, zone: s.zone });
    }
    type Prompt = { at_ms: number; zone: string; kind: PromptKind; outcome: PromptOutcome };
    const imported = "SELECT start_ms AS at_ms, json ->> '$.zone' AS zone, json ->> '$.kind' AS kind, json ->> '$.outcome' AS outcome FROM sync_records WHERE type = 'prompt'";
    for (const p of db.prepare(`SELECT at_ms, zone, kind, outcome FROM prompts UNION ALL ${imported}`).all() as Prompt[]) {
      agg.countPrompt({ at: p.at_ms, zone: p.zone, kind: p.kind, outcome: p.outcome }, 1);
    }
  });
  const setCheckInDate = db.prepare('UPDATE check_ins SET date = ? WHERE id = ?');
  for (const c of db.prepare('SELECT id, at_ms, zone FROM check_ins').all() as { id: number; at_ms: number; zone: string }[]) {
    setCheckInDate.run(localDate(c.at_ms, c.zone), c.id);
  }
}
