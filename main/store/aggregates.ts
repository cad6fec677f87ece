import type { Database, Statement } from 'better-sqlite3';
import type { PromptKind, PromptOutcome } from '../../shared/domain.js';
import { localDate, splitByDay, splitByHour } from '../core/localTime.js';

/** A bout over this counts toward the "share of sitting in long bouts" (DESIGN.md §4). */
export const LONG_BOUT_MS = 30 * 60_000;

/** Outcomes of a break prompt that mean the user got up. */
export const HEEDED: readonly PromptOutcome[] = ['stretched', 'took-break'];

/**
 * Keeps the per-day, per-hour and per-prompt-outcome tables in step with the raw rows, inside the
 * caller's transaction, so statistics over years read a few thousand small rows instead of
 * re-splitting every bout at local midnights.
 */
export class Aggregates {
  private readonly day: Statement;
  private readonly daySitting: Statement;
  private readonly hour: Statement;
  private readonly promptCount: Statement;
  private readonly dayPrompts: Statement;

  constructor(db: Database) {
    this.day = db.prepare(
      `INSERT INTO day_stats (date, bouts, bout_ms, longest_ms, long_bout_ms) VALUES (?, 1, ?, ?, ?)
       ON CONFLICT (date) DO UPDATE SET bouts = bouts + 1, bout_ms = bout_ms + excluded.bout_ms,
         longest_ms = max(longest_ms, excluded.longest_ms), long_bout_ms = long_bout_ms + excluded.long_bout_ms`,
    );
    this.daySitting = db.prepare(
      `INSERT INTO day_stats (date, sitting_ms) VALUES (?, ?)
       ON CONFLICT (date) DO UPDATE SET sitting_ms = sitting_ms + excluded.sitting_ms`,
    );
    this.hour = db.prepare(
      `INSERT INTO hour_stats (date, hour, weekday, sitting_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (date, hour) DO UPDATE SET sitting_ms = sitting_ms + excluded.sitting_ms`,
    );
    this.promptCount = db.prepare(
      `INSERT INTO prompt_day (date, kind, outcome, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (date, kind, outcome) DO UPDATE SET count = count + excluded.count`,
    );
    this.dayPrompts = db.prepare(
      `INSERT INTO day_stats (date, break_prompts, break_heeded) VALUES (?, ?, ?)
       ON CONFLICT (date) DO UPDATE SET break_prompts = break_prompts + excluded.break_prompts,
         break_heeded = break_heeded + excluded.break_heeded`,
    );
  }

  /** Adds a bout; returns the local date it starts on (its own zone). */
  addBout(b: { start: number; end: number; zone: string }): string {
    const ms = b.end - b.start;
    const date = localDate(b.start, b.zone);
    this.day.run(date, ms, ms, ms > LONG_BOUT_MS ? ms : 0);
    for (const part of splitByDay(b.start, b.end, b.zone)) this.daySitting.run(part.date, part.ms);
    for (const part of splitByHour(b.start, b.end, b.zone)) this.hour.run(part.date, part.hour, part.weekday, part.ms);
    return date;
  }

  /** Counts a prompt with `outcome` in (sign 1) or out (sign -1), e.g. when its outcome changes. */
  countPrompt(p: { at: number; zone: string; kind: PromptKind; outcome: PromptOutcome }, sign: 1 | -1): void {
    const date = localDate(p.at, p.zone);
    this.promptCount.run(date, p.kind, p.outcome, sign);
    if (p.kind === 'break' && p.outcome !== 'suppressed') {
      this.dayPrompts.run(date, sign, HEEDED.includes(p.outcome) ? sign : 0);
    }
  }
}
