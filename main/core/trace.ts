import { DateTime } from 'luxon';
import { z } from 'zod';
import { BUSY_REASONS, type BusyReason, type PromptAnswer } from '../../shared/domain.js';
import { SettingsPatchSchema, SettingsSchema, type Settings } from '../../shared/settings.js';
import { isValidZone } from './localTime.js';

/** Parsing of the replay trace format (DESIGN.md §3). Pure: text in, events or a TraceError out. */

export const TRACE_TYPES = [
  'input', 'active', 'lock', 'unlock', 'suspend', 'resume', 'quit', 'start',
  'respond', 'stretch-start', 'stretch-end', 'end', 'busy', 'free', 'stand', 'sit',
] as const;
export type TraceType = (typeof TRACE_TYPES)[number];

export type TraceEvent =
  | { line: number; t: number; type: Exclude<TraceType, 'active' | 'respond' | 'busy' | 'free'> }
  | { line: number; t: number; type: 'active'; until: number }
  | { line: number; t: number; type: 'respond'; action: PromptAnswer }
  | { line: number; t: number; type: 'busy' | 'free'; reason: BusyReason };

export interface Trace {
  zone: string;
  settings: Settings;
  events: TraceEvent[];
}

export class TraceError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'TraceError';
  }
}

// An instant must carry its own offset: a bare local time is ambiguous around DST.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: unknown): number | string {
  if (typeof value !== 'string') return 'must be an ISO-8601 instant string';
  if (!INSTANT_RE.test(value)) return `"${value}" is not an ISO-8601 instant with an offset (like 2026-03-29T09:00:00+02:00)`;
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) return `"${value}" is not a valid instant (${dt.invalidExplanation ?? dt.invalidReason})`;
  return dt.toMillis();
}

const HeaderSchema = z
  .object({
    type: z.literal('header'),
    tz: z.string(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const KNOWN_KEYS: Record<TraceType, readonly string[]> = {
  input: [], active: ['until'], lock: [], unlock: [], suspend: [], resume: [], quit: [], start: [],
  respond: ['action'], 'stretch-start': [], 'stretch-end': [], end: [], busy: ['reason'], free: ['reason'], stand: [], sit: [],
};

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function parseHeader(obj: unknown, line: number): { zone: string; settings: Settings } {
  const header = HeaderSchema.safeParse(obj);
  if (!header.success) {
    const issue = header.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') throw new TraceError(line, `header has unknown key(s): ${issue.keys.join(', ')}`);
    throw new TraceError(line, `the first line must be a header like {"type":"header","tz":"Europe/Berlin"} (${describe(issue)})`);
  }
  if (!isValidZone(header.data.tz)) throw new TraceError(line, `unknown time zone "${header.data.tz}" (use an IANA name like Europe/Berlin)`);
  const patch = SettingsPatchSchema.safeParse(header.data.settings ?? {});
  if (!patch.success) {
    const issue = patch.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') throw new TraceError(line, `unknown settings key(s): ${issue.keys.join(', ')}`);
    throw new TraceError(line, `bad setting ${describe(issue)}`);
  }
  return { zone: header.data.tz, settings: SettingsSchema.parse(patch.data) };
}

function parseEvent(obj: unknown, line: number): TraceEvent {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new TraceError(line, 'must be a JSON object');
  const rec = obj as Record<string, unknown>;
  const type = rec.type;
  if (typeof type !== 'string') throw new TraceError(line, 'missing "type"');
  if (type === 'header') throw new TraceError(line, 'a second header; the header must be the first line only');
  if (!(TRACE_TYPES as readonly string[]).includes(type)) throw new TraceError(line, `unknown type "${type}" (known: ${TRACE_TYPES.join(', ')})`);
  const ttype = type as TraceType;
  const extra = Object.keys(rec).filter((k) => k !== 'type' && k !== 't' && !KNOWN_KEYS[ttype].includes(k));
  if (extra.length) throw new TraceError(line, `unknown key(s) for "${type}": ${extra.join(', ')}`);
  if (!('t' in rec)) throw new TraceError(line, 'missing "t"');
  const t = parseInstant(rec.t);
  if (typeof t === 'string') throw new TraceError(line, `bad instant in "t": ${t}`);
  if (ttype === 'active') {
    if (!('until' in rec)) throw new TraceError(line, '"active" needs "until"');
    const until = parseInstant(rec.until);
    if (typeof until === 'string') throw new TraceError(line, `bad instant in "until": ${until}`);
    if (until < t) throw new TraceError(line, '"until" is before "t"');
    return { line, t, type: 'active', until };
  }
  if (ttype === 'respond') {
    if (rec.action !== 'snooze' && rec.action !== 'skip' && rec.action !== 'stand') {
      throw new TraceError(line, '"respond" needs "action": "snooze", "skip" or "stand"');
    }
    return { line, t, type: 'respond', action: rec.action };
  }
  if (ttype === 'busy' || ttype === 'free') {
    if (!(BUSY_REASONS as readonly unknown[]).includes(rec.reason)) {
      const got = 'reason' in rec ? `not ${JSON.stringify(rec.reason)}` : 'missing';
      throw new TraceError(line, `"${ttype}" needs "reason": one of ${BUSY_REASONS.join(', ')} (${got})`);
    }
    return { line, t, type: ttype, reason: rec.reason as BusyReason };
  }
  return { line, t, type: ttype } as TraceEvent;
}

export function parseTrace(text: string): Trace {
  const lines = text.split(/\r?\n/);
  let header: { zone: string; settings: Settings } | null = null;
  const events: TraceEvent[] = [];
  let ended = false;
  let lastLine = 1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    const line = i + 1;
    if (raw === '') continue;
    lastLine = line;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new TraceError(line, `not valid JSON (${(e as Error).message})`);
    }
    if (!header) {
      header = parseHeader(obj, line);
      continue;
    }
    if (ended) throw new TraceError(line, 'a line after "end"; "end" must be the last line');
    const ev = parseEvent(obj, line);
    const prev = events[events.length - 1];
    if (prev && ev.t < prev.t) throw new TraceError(line, `out of order: "t" is before the previous line's "t" (line ${prev.line})`);
    if (prev?.type === 'active' && prev.until > ev.t) throw new TraceError(prev.line, `"until" is after the next line's "t" (line ${line})`);
    events.push(ev);
    if (ev.type === 'end') ended = true;
  }
  if (!header) throw new TraceError(1, 'empty trace: the first line must be a header');
  if (!ended) throw new TraceError(lastLine, 'the trace must end with an "end" line');
  return { zone: header.zone, settings: header.settings, events };
}
