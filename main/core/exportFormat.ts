import { DateTime } from 'luxon';
import { z } from 'zod';
import { PROMPT_KINDS, PROMPT_OUTCOMES, SUPPRESS_REASONS, type BoutEntry, type CheckInEntry, type PromptEntry, type StandingEntry, type StretchEntry } from '../../shared/domain.js';
import { MAX_IMPORT_BYTES, READS_EXPORT_VERSIONS, type ImportProblem } from '../../shared/importFile.js';
import { SettingsSchema, type Settings } from '../../shared/settings.js';
import { routineById } from '../../shared/routines.js';
import { stretchById } from '../../shared/stretches/index.js';
import { formatInstant, isValidZone, localDate } from './localTime.js';

/**
 * The export file (`sitwell export --format json`) and its validation on import. Everything a
 * file can get wrong is found here, before the store writes anything; records keep their uid so
 * importing the same file twice adds nothing.
 */

export const EXPORT_FORMAT = 'sitwell-export';
/** 2 added the standing periods (DESIGN.md §7); files of version 1 still import (they have none). */
export const EXPORT_VERSION = 2;
const READS_VERSIONS = READS_EXPORT_VERSIONS;
export { MAX_IMPORT_BYTES };

const MIN_INSTANT = Date.UTC(2000, 0, 1);
const MAX_INSTANT = Date.UTC(2200, 0, 1);

export class ExchangeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    /** What kind of problem, for words in the user's language; a record's unless said otherwise. */
    readonly kind: ImportProblem = 'record',
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ExchangeError';
  }
}

/** An ISO-8601 instant with an offset, between 2000 and 2200, as epoch ms. */
const Instant = z.string().transform((s, ctx) => {
  const t = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? DateTime.fromISO(s, { setZone: true }) : null;
  if (!t?.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 40)}" is not an ISO-8601 instant with an offset` });
    return z.NEVER;
  }
  // Real offsets lie within ±14:00; ISO and ECMAScript allow ±18:00. Luxon would take +99:99.
  if (Math.abs(t.offset) > 18 * 60) {
    ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 40)}" has an offset beyond ±18:00` });
    return z.NEVER;
  }
  const ms = t.toMillis();
  if (ms < MIN_INSTANT || ms >= MAX_INSTANT) {
    ctx.addIssue({ code: 'custom', message: `${s} is outside the years 2000–2199` });
    return z.NEVER;
  }
  return ms;
});
const Uid = z.string().min(1).max(100);
const Zone = z.string().refine(isValidZone, { message: 'is not an IANA time zone' });
const Count = z.number().int().min(0).max(1_000_000);
const Label = z.string().max(200);

const BoutSchema = z.object({ uid: Uid, start: Instant, end: Instant, durationMs: z.number().int().min(0), zone: Zone }).strict();
const StandingSchema = BoutSchema;
const PromptSchema = z
  .object({
    uid: Uid,
    at: Instant,
    kind: z.enum(PROMPT_KINDS),
    outcome: z.enum(PROMPT_OUTCOMES),
    sittingMs: z.number().int().min(0),
    reason: z.enum(SUPPRESS_REASONS).nullable(),
    zone: Zone,
  })
  .strict();
const StretchSchema = z
  .object({
    uid: Uid,
    start: Instant,
    // The bridge's rules: a session that ended, of a routine or stretch this Sitwell knows.
    end: Instant.nullable().refine((e) => e !== null, { message: 'the session never ended; only ended stretch sessions can be imported' }),
    routineId: z.string().min(1).max(100).refine((id) => routineById(id) !== undefined || stretchById(id) !== undefined, {
      message: 'is not a routine or stretch Sitwell knows',
    }),
    completed: z.boolean(),
    stepsDone: Count,
    stepsTotal: Count,
    zone: Zone,
  })
  .strict();
const CheckInSchema = z
  .object({
    uid: Uid,
    at: Instant,
    soreness: z.number().int().min(0).max(10),
    areas: z.array(Label).max(50),
    redFlags: z.array(Label).max(50),
    note: z.string().max(10_000),
    zone: Zone,
  })
  .strict();

export const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(READS_VERSIONS, { error: `this Sitwell reads export files of versions ${READS_VERSIONS.join(' and ')}; a newer file needs a newer Sitwell` }),
    exportedAt: Instant,
    settings: SettingsSchema,
    bouts: z.array(BoutSchema),
    prompts: z.array(PromptSchema),
    stretches: z.array(StretchSchema),
    checkIns: z.array(CheckInSchema),
    standing: z.array(StandingSchema).default([]),
  })
  .strict();

/** The records of a parsed export file, instants as epoch ms. */
export type ExportData = z.output<typeof ExportFileSchema>;

/** `bouts[3].end` from a zod path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function checkUnique(name: string, rows: readonly { uid: string }[]): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const first = seen.get(r.uid);
    if (first !== undefined) throw new ExchangeError(`${name}[${i}].uid`, `"${r.uid}" is also the uid of ${name}[${first}]`);
    seen.set(r.uid, i);
  });
}

/** Checks what a schema cannot see: order of instants, durations, duplicate uids, overlapping bouts. */
function checkConsistency(data: ExportData): void {
  const periods = (name: 'bouts' | 'standing', what: string) =>
    data[name].forEach((b, i) => {
      if (b.end < b.start) throw new ExchangeError(`${name}[${i}].end`, `ends before the ${what} starts`);
      if (b.durationMs !== b.end - b.start) {
        throw new ExchangeError(`${name}[${i}].durationMs`, `${b.durationMs} does not match end - start (${b.end - b.start} ms)`);
      }
    });
  periods('bouts', 'bout');
  periods('standing', 'standing period');
  data.stretches.forEach((s, i) => {
    if (s.end !== null && s.end < s.start) throw new ExchangeError(`stretches[${i}].end`, 'ends before the session starts');
    if (s.stepsDone > s.stepsTotal) throw new ExchangeError(`stretches[${i}].stepsDone`, `is more than stepsTotal (${s.stepsTotal})`);
  });
  checkUnique('bouts', data.bouts);
  checkUnique('prompts', data.prompts);
  checkUnique('stretches', data.stretches);
  checkUnique('checkIns', data.checkIns);
  checkUnique('standing', data.standing);
  const order = data.bouts.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start || x.b.end - y.b.end);
  for (let k = 1; k < order.length; k++) {
    const [prev, cur] = [order[k - 1]!, order[k]!];
    if (cur.b.start < prev.b.end) {
      const [first, second] = prev.i < cur.i ? [prev, cur] : [cur, prev];
      throw new ExchangeError(`bouts[${second.i}]`, `overlaps bouts[${first.i}]`);
    }
  }
}

/** An export nests five levels deep; anything far deeper is not ours and costly to parse. */
const MAX_NESTING = 32;

/**
 * How deep arrays and objects nest, counted before JSON.parse: 30 MB of `[` would otherwise cost
 * gigabytes and seconds to parse. Brackets inside strings do not count. Stops at `limit + 1`.
 */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Parses and validates a whole export file; throws ExchangeError naming the first problem. */
export function parseExport(text: string): ExportData {
  if (text.length > MAX_IMPORT_BYTES) throw new ExchangeError('', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'too-large');
  if (nestingDepth(text) > MAX_NESTING) throw new ExchangeError('', `nested more than ${MAX_NESTING} levels deep: not a Sitwell export`, 'not-sitwell');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ExchangeError('', `not JSON (${(e as Error).message})`, 'not-json');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ExchangeError('format', `not a Sitwell export (expected "format": "${EXPORT_FORMAT}")`, 'not-sitwell');
  }
  const parsed = ExportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = pathText(issue.path);
    throw new ExchangeError(path, issue.message, path === 'version' ? 'version' : 'record');
  }
  checkConsistency(parsed.data);
  return parsed.data;
}

/** What an export holds, as the store lists it. */
export interface ExportSource {
  settings: Settings;
  bouts: readonly BoutEntry[];
  prompts: readonly PromptEntry[];
  stretches: readonly StretchEntry[];
  checkIns: readonly CheckInEntry[];
  standing: readonly StandingEntry[];
}

const periodJson = (b: BoutEntry) => ({ uid: b.uid, start: formatInstant(b.start, b.zone), end: formatInstant(b.end, b.zone), durationMs: b.durationMs, zone: b.zone });

/** The JSON export: instants as ISO-8601 with the offset of the zone each record was made in. */
export function buildExport(src: ExportSource, exportedAt: number, zone: string): z.input<typeof ExportFileSchema> {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: formatInstant(exportedAt, zone),
    settings: src.settings,
    bouts: src.bouts.map(periodJson),
    prompts: src.prompts.map((p) => ({ uid: p.uid, at: formatInstant(p.at, p.zone), kind: p.kind, outcome: p.outcome, sittingMs: p.sittingMs, reason: p.reason, zone: p.zone })),
    // A session still under way is exported once it has ended (it ends on its own at the latest
    // a few minutes after its length): an open one could never be imported, here or elsewhere.
    stretches: src.stretches.flatMap((s) => (s.end === null ? [] : [{
      uid: s.uid,
      start: formatInstant(s.start, s.zone),
      end: formatInstant(s.end, s.zone),
      routineId: s.routineId,
      completed: s.completed,
      stepsDone: s.stepsDone,
      stepsTotal: s.stepsTotal,
      zone: s.zone,
    }])),
    checkIns: src.checkIns.map((c) => ({ uid: c.uid, at: formatInstant(c.at, c.zone), soreness: c.soreness, areas: c.areas, redFlags: c.redFlags, note: c.note, zone: c.zone })),
    standing: src.standing.map(periodJson),
  };
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Bouts as CSV for spreadsheets: start,end,minutes,date,zone (date is the local start date). */
export function boutsCsv(bouts: ExportSource['bouts']): string {
  const lines = ['start,end,minutes,date,zone'];
  for (const b of bouts) {
    lines.push(
      [formatInstant(b.start, b.zone), formatInstant(b.end, b.zone), (b.durationMs / 60_000).toFixed(1), localDate(b.start, b.zone), b.zone].map(csvField).join(','),
    );
  }
  return lines.join('\n') + '\n';
}
