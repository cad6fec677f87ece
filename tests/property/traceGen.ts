import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatInstant } from '../../main/core/localTime.js';
import { BUSY_REASONS, type BusyReason } from '../../shared/domain.js';
import type { SettingsPatch, TimeSpan, WorkHours } from '../../shared/settings.js';

/**
 * Random valid traces (DESIGN.md §3) on a virtual clock: a start instant (often near a DST change),
 * a zone, settings, and a sequence of steps that a state machine turns into sensible lines
 * (lock only when unlocked, resume only when asleep, …, with some nonsense mixed in).
 */

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** Zones with and without DST, a 30-minute DST shift, and a fixed offset with minutes. */
export const DST_ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Europe/London', 'America/Santiago'];
export const FIXED_ZONES = ['UTC', 'Asia/Tokyo', 'Asia/Kolkata'];

/** DST transitions in 2025–2027 to start near. */
const NEAR = [
  '2026-03-29T01:00:00Z', // Berlin/London spring
  '2026-10-25T01:00:00Z', // Berlin/London fall
  '2026-03-08T07:00:00Z', // New York spring
  '2026-11-01T06:00:00Z', // New York fall
  '2026-04-04T15:00:00Z', // Lord Howe fall (02:00 → 01:30)
  '2026-10-03T15:30:00Z', // Lord Howe spring (02:00 → 02:30)
  '2026-04-05T03:00:00Z', // Santiago fall
  '2026-09-06T04:00:00Z', // Santiago spring
  '2025-12-31T22:00:00Z',
].map((s) => Date.parse(s));

export type LineType =
  | 'input'
  | 'active'
  | 'lock'
  | 'unlock'
  | 'suspend'
  | 'resume'
  | 'quit'
  | 'start'
  | 'respond'
  | 'stretch-start'
  | 'stretch-end';

export interface GenLine {
  t: number;
  type: LineType | 'end' | 'busy' | 'free' | 'stand' | 'sit';
  until?: number;
  action?: 'snooze' | 'skip';
  reason?: BusyReason;
}

export interface GenTrace {
  zone: string;
  settings: SettingsPatch;
  lines: GenLine[];
}

interface Step {
  gapMs: number;
  type: LineType;
  activeMs: number;
  action: 'snooze' | 'skip';
}

const gapArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 119 }).map((s) => s * 1000) },
  { weight: 1, arbitrary: fc.constant(2 * MIN) },
  { weight: 5, arbitrary: fc.integer({ min: 121, max: 1800 }).map((s) => s * 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 600 }).map((m) => m * MIN) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 30 }).map((h) => h * HOUR) },
);

const activeArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 14, arbitrary: fc.integer({ min: 0, max: 45 * 60 }).map((s) => s * 1000) },
  { weight: 5, arbitrary: fc.integer({ min: 45 * 60, max: 120 * 60 }).map((s) => s * 1000) },
  // Rarely a marathon long enough to fill a whole (23, 24 or 25-hour) local day.
  { weight: 1, arbitrary: fc.integer({ min: 20 * 60, max: 30 * 60 }).map((m) => m * MIN) },
);

const typeArb: fc.Arbitrary<LineType> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<LineType>('active') },
  { weight: 3, arbitrary: fc.constant<LineType>('input') },
  { weight: 2, arbitrary: fc.constant<LineType>('lock') },
  { weight: 2, arbitrary: fc.constant<LineType>('unlock') },
  { weight: 1, arbitrary: fc.constant<LineType>('suspend') },
  { weight: 1, arbitrary: fc.constant<LineType>('resume') },
  { weight: 1, arbitrary: fc.constant<LineType>('quit') },
  { weight: 1, arbitrary: fc.constant<LineType>('start') },
  { weight: 4, arbitrary: fc.constant<LineType>('respond') },
  { weight: 1, arbitrary: fc.constant<LineType>('stretch-start') },
  { weight: 1, arbitrary: fc.constant<LineType>('stretch-end') },
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  gapMs: gapArb,
  type: typeArb,
  activeMs: activeArb,
  action: fc.constantFrom<'snooze' | 'skip'>('snooze', 'skip'),
});

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30)).map(([h, m]) => `${String(h).padStart(2, '0')}:${m === 0 ? '00' : '30'}`);
const spanArb: fc.Arbitrary<TimeSpan> = fc
  .tuple(clock, clock)
  .filter(([a, b]) => a !== b)
  .map(([start, end]) => ({ start, end }));
const workHoursArb: fc.Arbitrary<WorkHours> = fc.record({
  mon: fc.option(spanArb),
  tue: fc.option(spanArb),
  wed: fc.option(spanArb),
  thu: fc.option(spanArb),
  fri: fc.option(spanArb),
  sat: fc.option(spanArb),
  sun: fc.option(spanArb),
});

/** Settings where a prompt cannot fall due for a bout too short to be recorded (posture/limit > minBreak + 1). */
export function settingsArb(withHours: boolean): fc.Arbitrary<SettingsPatch> {
  return fc
    .record({
      minBreakMinutes: fc.integer({ min: 1, max: 5 }),
      postureExtra: fc.integer({ min: 1, max: 30 }),
      limitExtra: fc.integer({ min: 1, max: 60 }),
      snoozeMinutes: fc.integer({ min: 1, max: 20 }),
      postureEnabled: fc.boolean(),
      workHours: withHours ? fc.option(workHoursArb, { freq: 3 }) : fc.constant(null),
      quietHours: withHours ? fc.option(spanArb, { freq: 3 }) : fc.constant(null),
    })
    .map((s) => ({
      minBreakMinutes: s.minBreakMinutes,
      postureEveryMinutes: s.minBreakMinutes + s.postureExtra,
      sitLimitMinutes: s.minBreakMinutes + s.limitExtra,
      snoozeMinutes: s.snoozeMinutes,
      postureEnabled: s.postureEnabled,
      workHours: s.workHours,
      quietHours: s.quietHours,
    }));
}

const startArb: fc.Arbitrary<number> = fc.oneof(
  fc.tuple(fc.constantFrom(...NEAR), fc.integer({ min: -30 * 60, max: 6 * 60 })).map(([t, m]) => t + m * MIN),
  fc.integer({ min: Date.parse('2024-01-01T00:00:00Z') / 1000, max: Date.parse('2027-12-31T00:00:00Z') / 1000 }).map((s) => s * 1000),
);

/** Turns random steps into a valid, mostly sensible line sequence. */
function build(start: number, steps: Step[]): GenLine[] {
  const lines: GenLine[] = [];
  let t = start;
  let locked = false;
  let asleep = false;
  let running = true;
  let stretching = false;
  for (const s of steps) {
    let type = s.type;
    // Answers and guided breaks mostly come right after work, while a prompt may be open.
    t += type === 'respond' || type === 'stretch-start' ? (s.gapMs % 3 === 0 ? s.gapMs : s.gapMs % 20_000) : s.gapMs;
    // Mostly keep the sequence sensible; now and then let an odd line through (the engine must cope).
    const odd = s.gapMs % 7 === 3;
    if (!odd) {
      if (type === 'lock' && locked) type = 'unlock';
      else if (type === 'unlock' && !locked) type = 'lock';
      else if (type === 'suspend' && asleep) type = 'resume';
      else if (type === 'resume' && !asleep) type = 'active';
      else if (type === 'quit' && !running) type = 'start';
      else if (type === 'start' && running) type = 'active';
      else if (type === 'stretch-start' && stretching) type = 'stretch-end';
      else if (type === 'stretch-end' && !stretching) type = 'stretch-start';
      // Someone who starts working again first wakes, starts, unlocks or finishes the stretch.
      if (type === 'active' || type === 'input') {
        const wake: LineType | null = asleep ? 'resume' : !running ? 'start' : locked ? 'unlock' : stretching ? 'stretch-end' : null;
        if (wake) {
          lines.push({ t, type: wake });
          if (wake === 'resume') asleep = false;
          if (wake === 'start') running = true;
          if (wake === 'unlock') locked = false;
          if (wake === 'stretch-end') stretching = false;
          t += s.gapMs % 2 === 0 ? 0 : 5_000;
        }
      }
    }
    if (type === 'active') {
      lines.push({ t, type, until: t + s.activeMs });
      t += s.activeMs;
    } else if (type === 'respond') {
      lines.push({ t, type, action: s.action });
    } else {
      lines.push({ t, type });
    }
    if (type === 'lock') locked = true;
    if (type === 'unlock') locked = false;
    if (type === 'suspend') asleep = true;
    if (type === 'resume') asleep = false;
    if (type === 'quit') [running, locked, asleep, stretching] = [false, false, false, false];
    if (type === 'start') running = true;
    if (type === 'stretch-start') stretching = true;
    if (type === 'stretch-end') stretching = false;
  }
  lines.push({ t: t + 60_000, type: 'end' });
  return lines;
}

export function traceArb(opts: { zones?: string[]; withHours?: boolean; maxSteps?: number } = {}): fc.Arbitrary<GenTrace> {
  const zones = opts.zones ?? [...DST_ZONES, ...FIXED_ZONES];
  return fc
    .record({
      zone: fc.constantFrom(...zones),
      settings: settingsArb(opts.withHours ?? true),
      start: startArb,
      steps: fc.array(stepArb, { minLength: 1, maxLength: opts.maxSteps ?? 30, size: 'max' }),
    })
    .map(({ zone, settings, start, steps }) => ({ zone, settings, lines: build(start, steps) }));
}

/** JSON-lines text; instants written with the zone's offset (or Z when `utc`). */
export function toText(g: GenTrace, utc = false): string {
  const fmt = (ms: number): string => (utc ? new Date(ms).toISOString() : formatInstant(ms, g.zone));
  const out = [JSON.stringify({ type: 'header', tz: g.zone, settings: g.settings })];
  for (const l of g.lines) {
    const obj: Record<string, unknown> = { t: fmt(l.t), type: l.type };
    if (l.until !== undefined) obj.until = fmt(l.until);
    if (l.action) obj.action = l.action;
    if (l.reason) obj.reason = l.reason;
    out.push(JSON.stringify(obj));
  }
  return out.join('\n') + '\n';
}

export function shift(g: GenTrace, ms: number): GenTrace {
  return { ...g, lines: g.lines.map((l) => ({ ...l, t: l.t + ms, ...(l.until !== undefined ? { until: l.until + ms } : {}) })) };
}

/**
 * Where to add one line: before line `at` (mod the count), or inside it `steps` × 10 s in when it is `active`.
 * `reason` is for busy/free only.
 */
export interface LineInsert {
  at: number;
  steps: number;
  type: 'busy' | 'free' | 'stand' | 'sit';
  reason: BusyReason;
}

const insertsArb = (types: readonly LineInsert['type'][]): fc.Arbitrary<LineInsert[]> =>
  fc.array(
    fc.record({
      at: fc.nat(),
      steps: fc.nat({ max: 720 }),
      type: fc.constantFrom(...types),
      reason: fc.constantFrom(...BUSY_REASONS),
    }),
    { maxLength: 12 },
  );
export const busyInsertsArb = insertsArb(['busy', 'free']);
export const standInsertsArb = insertsArb(['stand', 'sit']);

/**
 * The same trace with lines added. An `active` line is split on its own 10-s grid, so the inputs the
 * engine sees are the same ones (the split point's input twice). With `atInputOnly` a line goes only
 * where there is an input at its instant anyway (a split point, or before an `input` or `active` line):
 * `stand` and `sit` count as input, and then they add none.
 */
export function withLines(g: GenTrace, inserts: readonly LineInsert[], stepMs: number, atInputOnly = false): GenTrace {
  let lines = [...g.lines];
  for (const ins of inserts) {
    const i = ins.at % lines.length;
    const l = lines[i]!;
    const x = l.t + ins.steps * stepMs;
    const line: GenLine = { t: l.t, type: ins.type, ...(ins.type === 'busy' || ins.type === 'free' ? { reason: ins.reason } : {}) };
    if (l.type === 'active' && ins.steps > 0 && x < l.until!) {
      lines = [...lines.slice(0, i), { ...l, until: x }, { ...line, t: x }, { ...l, t: x }, ...lines.slice(i + 1)];
    } else if (!atInputOnly || l.type === 'active' || l.type === 'input') {
      lines = [...lines.slice(0, i), line, ...lines.slice(i)];
    }
  }
  return { ...g, lines };
}

/** Minutes in a local date: 1380, 1440 or 1500 (DST). */
export function localDayMinutes(date: string, zone: string): number {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return start.plus({ days: 1 }).startOf('day').diff(start, 'minutes').minutes;
}
