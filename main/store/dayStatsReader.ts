import type { Database, Statement } from 'better-sqlite3';
import type { PromptKind, PromptOutcome } from '../../shared/domain.js';
import { breaksBetween } from '../core/boutMetrics.js';
import type { HeldPromptRow } from '../core/busyHeld.js';
import { dateToDay, dayToDate, weekdayOfDay } from '../../shared/calendar.js';
import { HOUR_COLUMNS, PACKED_FIELDS, PACKED_WIDTH, PROMPT_COLUMNS, type PromptColumn } from './dayStats.js';
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

const F = Object.fromEntries(PACKED_FIELDS.map((f, i) => [f, i])) as Record<(typeof PACKED_FIELDS)[number], number>;
const HOURS_AT = PACKED_FIELDS.length;
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The float64 LE values of a blob: a view where the platform and alignment allow, else a copy. */
function float64s(buf: Buffer | null): Float64Array {
  if (!buf || buf.length === 0) return new Float64Array(0);
  if (LITTLE_ENDIAN && buf.byteOffset % 8 === 0) return new Float64Array(buf.buffer, buf.byteOffset, buf.length / 8);
  const out = new Float64Array(buf.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = buf.readDoubleLE(i * 8);
  return out;
}

/**
 * Reads a date range of day_stats as StatsRows. Ten years are ~3 000 rows, so this is about
 * per-row cost: SQLite concatenates the rows' packed copies and bout lengths into two blobs (in date
 * order: the subquery walks the primary key), read here in one pass; SQLite sums the prompt totals.
 */
export class StatsReader {
  private readonly days: Statement;
  private readonly prompts: Statement;
  private readonly checkIns: Statement;
  private readonly held: Statement;

  constructor(private readonly db: Database) {
    const range = 'FROM day_stats WHERE date BETWEEN ? AND ?';
    // group_concat keeps the bytes of a blob; CAST makes its text result a blob again.
    this.days = db
      .prepare(
        `SELECT CAST(group_concat(packed, '') AS BLOB), CAST(group_concat(bout_lengths, '') AS BLOB)
         FROM (SELECT packed, bout_lengths ${range} ORDER BY date)`,
      )
      .raw();
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
    const [packedBuf, lengthBuf] = this.days.get(from, to) as [Buffer | null, Buffer | null];
    const packed = float64s(packedBuf);
    const lengths = float64s(lengthBuf);
    // A loop, not Array.from (which walks a typed array through its iterator: 1.4 ms for ten years' 27 000 lengths, here 0.4).
    const boutDurationsMs: number[] = [];
    for (let i = 0; i < lengths.length; i++) boutDurationsMs.push(lengths[i]!);
    const days: StatsRows['days'] = [];
    const heat = new Float64Array(7 * 24);
    for (let o = 0; o < packed.length; o += PACKED_WIDTH) {
      const day = packed[o + F.day]!;
      const bouts = packed[o + F.bouts]!;
      days.push({
        date: dayToDate(day),
        sittingMs: packed[o + F.sittingMs]!,
        standingMs: packed[o + F.standingMs]!,
        bouts,
        longestMs: packed[o + F.longestMs]!,
        boutMs: packed[o + F.boutMs]!,
        longBoutMs: packed[o + F.longBoutMs]!,
        breaks: breaksBetween(bouts),
        breakPrompts: packed[o + F.breakPrompts]!,
        breakPromptsHeeded: packed[o + F.breakPromptsHeeded]!,
      });
      const row = weekdayOfDay(day) * 24;
      for (let h = 0; h < HOUR_COLUMNS.length; h++) heat[row + h]! += packed[o + HOURS_AT + h]!;
    }
    const hours: StatsRows['hours'] = [];
    heat.forEach((sittingMs, i) => {
      if (sittingMs > 0) hours.push({ weekday: Math.floor(i / 24), hour: i % 24, sittingMs });
    });

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
