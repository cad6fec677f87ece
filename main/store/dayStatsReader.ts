import type { Database, Statement } from 'better-sqlite3';
import type { PromptKind, PromptOutcome } from '../../shared/domain.js';
import { breaksBetween } from '../core/boutMetrics.js';
import type { HeldPromptRow } from '../core/busyHeld.js';
import { dateToDay } from '../../shared/calendar.js';
import { HOUR_COLUMNS, PROMPT_COLUMNS, type PromptColumn } from './dayStats.js';
import type { StatsRows } from './types.js';

const COLUMN_PROMPT: Record<PromptColumn, { kind: PromptKind; outcome: PromptOutcome }> = {
  posture_shown: { kind: 'posture', outcome: 'shown' },
  posture_suppressed: { kind: 'posture', outcome: 'suppressed' },
  break_stretched: { kind: 'break', outcome: 'stretched' },
  break_snoozed: { kind: 'break', outcome: 'snoozed' },
  break_skipped: { kind: 'break', outcome: 'skipped' },
  break_took_break: { kind: 'break', outcome: 'took-break' },
  break_unanswered: { kind: 'break', outcome: 'unanswered' },
  break_suppressed: { kind: 'break', outcome: 'suppressed' },
  break_stood: { kind: 'break', outcome: 'stood' },
  move_shown: { kind: 'move', outcome: 'shown' },
  move_suppressed: { kind: 'move', outcome: 'suppressed' },
};

const DAY_MS = 86_400_000;

type DayRow = [string, number, number, number, number, number, number, number, Buffer, number];

/**
 * Reads a date range of day_stats as StatsRows. Ten years are ~3 000 rows, so this is about
 * per-row cost: rows come as raw arrays, and the heatmap and prompt totals are summed by SQLite.
 */
export class StatsReader {
  private readonly days: Statement;
  private readonly heat: Statement;
  private readonly prompts: Statement;
  private readonly checkIns: Statement;
  private readonly held: Statement;

  constructor(private readonly db: Database) {
    const range = 'FROM day_stats WHERE date BETWEEN ? AND ?';
    this.days = db
      .prepare(
        `SELECT date, sitting_ms, bouts, longest_ms, bout_ms, long_bout_ms,
           break_stretched + break_snoozed + break_skipped + break_took_break + break_unanswered + break_stood,
           break_stretched + break_took_break + break_stood, bout_lengths, standing_ms
         ${range} ORDER BY date`,
      )
      .raw();
    this.heat = db.prepare(`SELECT weekday, ${HOUR_COLUMNS.map((c) => `total(${c})`).join(', ')} ${range} GROUP BY weekday`).raw();
    this.prompts = db.prepare(`SELECT ${PROMPT_COLUMNS.map((c) => `total(${c})`).join(', ')} ${range}`).raw();
    // Few rows: only prompts a busy reason held back; each with the end of the bout it fell in.
    this.held = db
      .prepare(
        `SELECT p.reason, p.at_ms, p.zone,
           (SELECT b.end_ms FROM bouts b WHERE b.start_ms <= p.at_ms ORDER BY b.start_ms DESC LIMIT 1) AS bout_end
         FROM prompts p WHERE p.at_ms BETWEEN ? AND ? AND p.reason LIKE 'busy:%' ORDER BY p.at_ms`,
      )
      .raw();
    this.checkIns = db.prepare('SELECT at_ms, soreness, areas, red_flags, zone FROM check_ins WHERE date BETWEEN ? AND ? ORDER BY at_ms');
  }

  read(from: string, to: string): StatsRows {
    // One snapshot, so the parts agree even while the tracker writes.
    return this.db.transaction(() => this.unpack(from, to)).deferred();
  }

  private unpack(from: string, to: string): StatsRows {
    const boutDurationsMs: number[] = [];
    const rows = this.days.all(from, to) as DayRow[];
    const days: StatsRows['days'] = rows.map(([date, sittingMs, bouts, longestMs, boutMs, longBoutMs, breakPrompts, breakPromptsHeeded, lengthBuf, standingMs]) => {
      for (let o = 0; o < lengthBuf.length; o += 8) boutDurationsMs.push(lengthBuf.readDoubleLE(o));
      return { date, sittingMs, standingMs, bouts, longestMs, boutMs, longBoutMs, breaks: breaksBetween(bouts), breakPrompts, breakPromptsHeeded };
    });
    const hours: StatsRows['hours'] = [];
    for (const [weekday, ...byHour] of this.heat.all(from, to) as number[][]) {
      byHour.forEach((sittingMs, hour) => {
        if (sittingMs > 0) hours.push({ weekday: weekday!, hour, sittingMs });
      });
    }

    const counts = this.prompts.get(from, to) as number[];
    const promptOutcomes = PROMPT_COLUMNS.map((c, i) => ({ ...COLUMN_PROMPT[c], count: counts[i]! })).filter((p) => p.count > 0);

    const checkIns = (this.checkIns.all(from, to) as Record<string, unknown>[]).map((r) => ({
      at: r.at_ms as number,
      soreness: r.soreness as number,
      areas: JSON.parse(r.areas as string) as string[],
      redFlags: JSON.parse(r.red_flags as string) as string[],
      zone: r.zone as string,
    }));
    // A day either side: the dates are local, in each prompt's own zone (busyHeld picks the range's).
    const heldRows = this.held.all((dateToDay(from) - 1) * DAY_MS, (dateToDay(to) + 2) * DAY_MS) as [HeldPromptRow['reason'], number, string, number | null][];
    const heldPrompts = heldRows.map(([reason, at, zone, end]) => ({ reason, at, zone, boutEnd: end !== null && end >= at ? end : null }));
    return { days, hours, boutDurationsMs, promptOutcomes, checkIns, heldPrompts };
  }
}
