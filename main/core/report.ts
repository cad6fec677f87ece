import { BREAK_OUTCOMES, type BreakOutcome, type PromptKind, type PromptOutcome } from '../../shared/domain.js';
import type { BoutLengthBucket, PromptSummary, StatsPeriod, StatsReport } from '../../shared/statsReport.js';
import { dateToDay, dayToDate, isoWeekOfDay, weekdayOfDay } from '../../shared/calendar.js';
import { formatInstant, localDate } from './localTime.js';
import { researchMetrics, researchMetricsOfSortedMs, sortedWholeMs } from './boutMetrics.js';
import { busyHeld, type HeldPromptRow } from './busyHeld.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The pre-aggregated rows a report is computed from (the store's statsRows has this shape). */
export interface ReportRows {
  days: {
    date: string;
    /** Sitting that falls on the date (bouts across midnight split). */
    sittingMs: number;
    /** Standing at a sit-stand desk that falls on the date. */
    standingMs: number;
    /** Bouts that start on the date, their total and longest whole length, and the part in bouts over 30 min. */
    bouts: number;
    longestMs: number;
    boutMs: number;
    longBoutMs: number;
    /** Gaps between consecutive bouts that both start on the date. */
    breaks: number;
    /** Break prompts that were shown (not suppressed), and those that ended in a stretch or a break. */
    breakPrompts: number;
    breakPromptsHeeded: number;
  }[];
  /** weekday 0 = Monday … 6 = Sunday; hour 0–23 local. */
  hours: { weekday: number; hour: number; sittingMs: number }[];
  /** Lengths of the bouts that start in the range, grouped by start date (order within a date unspecified). */
  boutDurationsMs: number[];
  promptOutcomes: { kind: PromptKind; outcome: PromptOutcome; count: number }[];
  checkIns: { at: number; soreness: number; areas: string[]; redFlags?: string[]; zone?: string }[];
  /** Prompts held back by busy, a day either side of the range (their local dates are checked here). */
  heldPrompts?: HeldPromptRow[];
  /** Break prompts answered by a stretch that was stopped before it counted as a break (stretchCredit.ts). */
  stretchedNotCounted?: number;
}

type Day = ReportRows['days'][number];
type Acc = Omit<Day, 'date'>;

const BUCKETS: readonly [number, number | null][] = [
  [0, 10],
  [10, 20],
  [20, 30],
  [30, 45],
  [45, 60],
  [60, 90],
  [90, null],
];

const empty = (): Acc => ({ sittingMs: 0, standingMs: 0, bouts: 0, longestMs: 0, boutMs: 0, longBoutMs: 0, breaks: 0, breakPrompts: 0, breakPromptsHeeded: 0 });

function add(acc: Acc, d: Acc): void {
  acc.sittingMs += d.sittingMs;
  acc.standingMs += d.standingMs;
  acc.bouts += d.bouts;
  acc.longestMs = Math.max(acc.longestMs, d.longestMs);
  acc.boutMs += d.boutMs;
  acc.longBoutMs += d.longBoutMs;
  acc.breaks += d.breaks;
  acc.breakPrompts += d.breakPrompts;
  acc.breakPromptsHeeded += d.breakPromptsHeeded;
}

/** Rounds to 1–3 decimals; dividing by a power of ten gives the double nearest the decimal (prints as 12.3). */
const roundTo = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const ratio = (num: number, den: number, digits: number): number | null => (den > 0 ? roundTo(num / den, digits) : null);

function period(label: string, from: string, to: string, a: Acc): StatsPeriod {
  return {
    label,
    from,
    to,
    sittingMinutes: roundTo(a.sittingMs / MINUTE, 1),
    bouts: a.bouts,
    meanBoutMinutes: a.bouts > 0 ? roundTo(a.boutMs / a.bouts / MINUTE, 1) : null,
    longestBoutMinutes: roundTo(a.longestMs / MINUTE, 1),
    breaks: a.breaks,
    breaksPerSittingHour: ratio(a.breaks, a.sittingMs / HOUR, 2),
    longBoutShare: ratio(a.longBoutMs, a.boutMs, 3),
    breakPrompts: a.breakPrompts,
    breakPromptsHeeded: a.breakPromptsHeeded,
    breakPromptRate: ratio(a.breakPromptsHeeded, a.breakPrompts, 3),
    standingMinutes: roundTo(a.standingMs / MINUTE, 1),
    standingShare: ratio(a.standingMs, a.sittingMs + a.standingMs, 3),
  };
}

interface DayEntry {
  date: string;
  /** Days since 1970-01-01. */
  day: number;
  acc: Acc;
  /** 0 = Monday. */
  weekday: number;
}

/** Groups consecutive days into periods; `starts(d, i)` says where a new one begins, `label(d)` names it. */
function rollup(days: DayEntry[], starts: (d: DayEntry) => boolean, label: (d: DayEntry) => string): StatsPeriod[] {
  const out: StatsPeriod[] = [];
  let cur: { label: string; from: string; to: string; acc: Acc } | null = null;
  for (const d of days) {
    if (!cur || starts(d)) {
      if (cur) out.push(period(cur.label, cur.from, cur.to, cur.acc));
      cur = { label: label(d), from: d.date, to: d.date, acc: empty() };
    }
    cur.to = d.date;
    add(cur.acc, d.acc);
  }
  if (cur) out.push(period(cur.label, cur.from, cur.to, cur.acc));
  return out;
}

function promptSummary(rows: ReportRows['promptOutcomes'], stretchedNotCounted: number): PromptSummary {
  const brk = Object.fromEntries(BREAK_OUTCOMES.map((o) => [o, 0])) as Record<BreakOutcome, number>;
  const light = { posture: { shown: 0, suppressed: 0 }, move: { shown: 0, suppressed: 0 } };
  for (const r of rows) {
    if (r.kind === 'break') {
      if (r.outcome !== 'shown') brk[r.outcome] += r.count;
    } else light[r.kind][r.outcome === 'suppressed' ? 'suppressed' : 'shown'] += r.count;
  }
  const breakShown = BREAK_OUTCOMES.reduce((n, o) => (o === 'suppressed' ? n : n + brk[o]), 0);
  // Standing up at the desk is a break from sitting too (DESIGN.md §7).
  // A stretch leads to a break once it is finished (or lasted the minimum break), not when it starts.
  const ledToBreak = Math.max(0, brk.stretched - stretchedNotCounted) + brk['took-break'] + brk.stood;
  return { break: brk, ...light, breakShown, ledToBreak, breakRate: ratio(ledToBreak, breakShown, 3) };
}

/** The upper bounds of the buckets but the last, in minutes. */
const UPPER_MINUTES = BUCKETS.slice(0, -1).map(([, to]) => to!);

/** The bout lengths per bucket, in any order (sums of whole ms do not depend on it). */
function boutLengths(durationsMs: ArrayLike<number>): BoutLengthBucket[] {
  const buckets = BUCKETS.map(([from, to]) => ({
    label: to === null ? `${from}+` : from === 0 ? `<${to}` : `${from}–${to}`,
    fromMinutes: from,
    toMinutes: to,
    bouts: 0,
    ms: 0,
  }));
  for (let k = 0; k < durationsMs.length; k++) {
    const ms = durationsMs[k]!;
    const min = ms / MINUTE;
    let i = 0;
    while (i < UPPER_MINUTES.length && min >= UPPER_MINUTES[i]!) i++;
    buckets[i]!.bouts++;
    buckets[i]!.ms += ms;
  }
  return buckets.map(({ ms, ...b }) => ({ ...b, sittingMinutes: roundTo(ms / MINUTE, 1) }));
}

/** The §4 statistics for the local dates from…to (inclusive) out of pre-aggregated rows. */
export function buildReport(rows: ReportRows, range: { from: string; to: string; zone: string }): StatsReport {
  const { from, to, zone } = range;
  const byDate = new Map(rows.days.map((d) => [d.date, d]));
  const days: DayEntry[] = [];
  const total = empty();
  for (let day = dateToDay(from), last = dateToDay(to); day <= last; day++) {
    const date = dayToDate(day);
    const acc = byDate.get(date) ?? empty();
    days.push({ date, day, acc, weekday: weekdayOfDay(day) });
    add(total, acc);
  }

  // Sorted once, for the research measures and the buckets; lengths that are not whole ms (never stored) keep their order.
  const sortedMs = sortedWholeMs(rows.boutDurationsMs);

  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const h of rows.hours) heatmap[h.weekday]![h.hour]! += h.sittingMs;

  return {
    from,
    to,
    zone,
    totals: period('total', from, to, total),
    days: days.map((d) => period(d.date, d.date, d.date, d.acc)),
    weeks: rollup(days, (d) => d.weekday === 0, (d) => isoWeekOfDay(d.day)),
    months: rollup(days, (d) => d.date.endsWith('-01'), (d) => d.date.slice(0, 7)),
    research: { bouts: rows.boutDurationsMs.length, ...(sortedMs ? researchMetricsOfSortedMs(sortedMs) : researchMetrics(rows.boutDurationsMs.map((ms) => ms / MINUTE))) },
    prompts: promptSummary(rows.promptOutcomes, rows.stretchedNotCounted ?? 0),
    busyHeld: busyHeld(rows.heldPrompts ?? [], range),
    heatmap: heatmap.map((row) => row.map((ms) => roundTo(ms / MINUTE, 1))),
    boutLengths: boutLengths(sortedMs ?? rows.boutDurationsMs),
    checkIns: rows.checkIns.map((c) => ({
      at: formatInstant(c.at, zone),
      date: localDate(c.at, c.zone ?? zone),
      soreness: c.soreness,
      areas: c.areas,
      redFlags: c.redFlags ?? [],
    })),
    comparison: null,
  };
}
