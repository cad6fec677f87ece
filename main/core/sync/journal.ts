import { PROMPT_KINDS, PROMPT_OUTCOMES, SUPPRESS_REASONS, type PromptKind, type PromptOutcome, type StretchEntry, type SuppressReason } from '../../../shared/domain.js';
import { isValidZone } from '../localTime.js';
import { parseHlc } from './hlc.js';

/**
 * The sync folder's journal (issue 15): each device appends its own records to
 * `sitwell/<device-id>/<yyyy-mm>.ndjson`, one JSON object per line, and reads everyone else's.
 * A record is keyed by (device, uid); a later line for the same key (a prompt whose outcome came,
 * a stretch that finished) carries a newer hybrid-clock stamp and replaces the earlier one.
 *
 * Lines come from other machines, other versions and sync engines that cut files short, so every
 * line is checked here before anything reads it; a bad one is skipped with a reason, never fatal.
 */

export const JOURNAL_FORMAT = 1;
/** A record is a few hundred characters; a line longer than this is not one of ours. */
export const MAX_LINE_CHARS = 16 * 1024;
/** A device's month is well under a megabyte even compacted late; far beyond that a file is refused unread. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** No sitting bout or standing period is longer than this; a longer one is a broken record. */
const MAX_PERIOD_MS = 31 * 24 * 3_600_000;
/** Instants from 2000 to 2200: anything else is a broken or hostile record, not a date someone sat. */
const MIN_INSTANT = Date.UTC(2000, 0, 1);
const MAX_INSTANT = Date.UTC(2200, 0, 1);
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

interface Base {
  v: typeof JOURNAL_FORMAT;
  device: string;
  uid: string;
  /** Hybrid logical clock stamp (hlc.ts): the newest line per (device, uid), and per setting key, wins. */
  hlc: string;
}

export interface BoutBody {
  type: 'bout';
  start: number;
  end: number;
  zone: string;
}
export interface StandingBody {
  type: 'standing';
  start: number;
  end: number;
  zone: string;
}
export interface PromptBody {
  type: 'prompt';
  at: number;
  kind: PromptKind;
  outcome: PromptOutcome;
  sittingMs: number;
  reason: SuppressReason | null;
  zone: string;
}
/** A stretch session as the history keeps it (its uid is the record's). */
export type StretchBody = { type: 'stretch' } & Omit<StretchEntry, 'uid'>;
/** One setting changed on a device; the newest change of each key wins everywhere. */
export interface SettingBody {
  type: 'setting';
  key: string;
  value: unknown;
}
/** The device's name as its user calls it ("laptop"), for the per-device breakdown. */
export interface DeviceBody {
  type: 'device';
  name: string;
}

export type JournalBody = BoutBody | StandingBody | PromptBody | StretchBody | SettingBody | DeviceBody;
export type JournalRecord = Base & JournalBody;

export type SkipReason = 'cut' | 'newer' | 'huge' | 'invalid' | 'foreign';
export interface SkippedLine {
  /** 1-based. */
  line: number;
  reason: SkipReason;
  message: string;
}

export type LineResult = { ok: true; record: JournalRecord } | { ok: false; reason: SkipReason; message: string };

/** The record as one journal line, newline included. */
export function journalLine(r: JournalRecord): string {
  return JSON.stringify(r) + '\n';
}

/** The month file a record goes to: the UTC month of when it happened (`2026-12.ndjson`). */
export function monthFileOf(r: JournalRecord, writtenAtMs: number): string {
  const at = 'start' in r ? r.start : 'at' in r ? r.at : writtenAtMs;
  return `${new Date(at).toISOString().slice(0, 7)}.ndjson`;
}

export const MONTH_FILE_RE = /^(\d{4})-(\d{2})\.ndjson$/;
export const isDeviceId = (s: string): boolean => ID_RE.test(s);

type Obj = Record<string, unknown>;
class Bad extends Error {}

const fail = (message: string): never => {
  throw new Bad(message);
};
const str = (o: Obj, k: string, max: number): string => {
  const v = o[k];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) fail(`"${k}" must be a text of 1 to ${max} characters`);
  return v as string;
};
const instantOf = (o: Obj, k: string): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < MIN_INSTANT || v > MAX_INSTANT) fail(`"${k}" must be an instant (epoch ms) from 2000 to 2200`);
  return v as number;
};
const count = (o: Obj, k: string, max: number): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) fail(`"${k}" must be a whole number from 0 to ${max}`);
  return v as number;
};
const oneOf = <T extends string>(o: Obj, k: string, allowed: readonly T[]): T => {
  const v = o[k];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(`"${k}" must be one of ${allowed.join(', ')}`);
  return v as T;
};
const zoneOf = (o: Obj): string => {
  const z = str(o, 'zone', 64);
  if (!isValidZone(z)) fail(`"zone" ${JSON.stringify(z)} is not an IANA time zone`);
  return z;
};
const period = (o: Obj): { start: number; end: number; zone: string } => {
  const start = instantOf(o, 'start');
  const end = instantOf(o, 'end');
  if (end <= start) fail('"end" must be after "start"');
  if (end - start > MAX_PERIOD_MS) fail('lasts more than 31 days');
  return { start, end, zone: zoneOf(o) };
};

function body(o: Obj): JournalBody {
  const type = o.type;
  switch (type) {
    case 'bout':
    case 'standing':
      return { type, ...period(o) };
    case 'prompt': {
      const reason = o.reason ?? null;
      return {
        type,
        at: instantOf(o, 'at'),
        kind: oneOf(o, 'kind', PROMPT_KINDS),
        outcome: oneOf(o, 'outcome', PROMPT_OUTCOMES),
        sittingMs: count(o, 'sittingMs', MAX_PERIOD_MS),
        reason: reason === null ? null : oneOf(o, 'reason', SUPPRESS_REASONS),
        zone: zoneOf(o),
      };
    }
    case 'stretch': {
      const start = instantOf(o, 'start');
      const end = o.end === null || o.end === undefined ? null : instantOf(o, 'end');
      if (end !== null && end < start) fail('"end" must not be before "start"');
      const stepsTotal = count(o, 'stepsTotal', 1000);
      const completed = o.completed;
      if (typeof completed !== 'boolean') fail('"completed" must be true or false');
      return { type, start, end, routineId: str(o, 'routineId', 100), completed: completed as boolean, stepsDone: count(o, 'stepsDone', stepsTotal), stepsTotal, zone: zoneOf(o) };
    }
    case 'setting':
      if (!('value' in o)) fail('a setting line needs a "value"');
      return { type, key: str(o, 'key', 64), value: o.value };
    case 'device':
      return { type, name: str(o, 'name', 100) };
    default:
      return fail(`unknown record type ${JSON.stringify(type)}`);
  }
}

/** Checks one journal line (without its newline) from the folder of device `folderDevice`. */
export function parseJournalLine(text: string, folderDevice: string): LineResult {
  if (text.length > MAX_LINE_CHARS) return { ok: false, reason: 'huge', message: `longer than ${MAX_LINE_CHARS} characters` };
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'cut', message: 'not a whole JSON line (cut short or damaged)' };
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return { ok: false, reason: 'invalid', message: 'not a JSON object' };
  const obj = o as Obj;
  if (typeof obj.v === 'number' && Number.isInteger(obj.v) && obj.v > JOURNAL_FORMAT) {
    return { ok: false, reason: 'newer', message: `written in journal format ${obj.v} by a newer Sitwell (this one reads format ${JOURNAL_FORMAT})` };
  }
  try {
    if (obj.v !== JOURNAL_FORMAT) fail(`"v" must be ${JOURNAL_FORMAT}`);
    const device = str(obj, 'device', 64);
    if (!ID_RE.test(device)) fail('"device" must be letters, digits, - and _');
    if (device !== folderDevice) return { ok: false, reason: 'foreign', message: `names device ${device} but is in the folder of ${folderDevice}` };
    const uid = str(obj, 'uid', 64);
    if (!ID_RE.test(uid)) fail('"uid" must be letters, digits, - and _');
    const hlc = str(obj, 'hlc', 100);
    const stamp = parseHlc(hlc);
    if (!stamp) fail('"hlc" is not a clock stamp');
    if (stamp!.device !== device) fail('"hlc" names another device');
    return { ok: true, record: { v: JOURNAL_FORMAT, device, uid, hlc, ...body(obj) } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, reason: 'invalid', message: e.message };
    throw e;
  }
}

/**
 * Every line of one journal file. The last line without its newline is a write cut short (the
 * sync engine has only part of the file yet): it is skipped now and read whole at the next change.
 */
export function parseJournal(text: string, folderDevice: string): { records: JournalRecord[]; skipped: SkippedLine[] } {
  const records: JournalRecord[] = [];
  const skipped: SkippedLine[] = [];
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the file ends with a newline
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const r = parseJournalLine(line, folderDevice);
    if (r.ok) records.push(r.record);
    else skipped.push({ line: i + 1, reason: r.reason, message: r.message });
  });
  if (last !== '') skipped.push({ line: lines.length + 1, reason: 'cut', message: 'the last line has no end (the file was cut short or is still arriving)' });
  return { records, skipped };
}

/**
 * The latest instant a record speaks of (its end, or when it happened); null for records not about a
 * time: a device's name, and a setting change, whose order is its stamp's (a clock hours ahead must
 * not hold back a change; settingsSync.ts orders it).
 */
export function recordTime(r: JournalRecord): number | null {
  switch (r.type) {
    case 'bout':
    case 'standing':
      return r.end;
    case 'stretch':
      return r.end ?? r.start;
    case 'prompt':
      return r.at;
    case 'setting':
    case 'device':
      return null;
  }
}
