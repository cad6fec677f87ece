import type { BoutRecord, StandingRecord } from '../../shared/domain.js';
import { localDate, splitByDay } from './localTime.js';

const MINUTE = 60_000;

/** A bout longer than this is a long one in the statistics (the 30-minute limit the evidence names, DESIGN.md §2 and §4). */
export const LONG_BOUT_MS = 30 * MINUTE;

export const isLongBout = (durationMs: number): boolean => durationMs > LONG_BOUT_MS;

/**
 * The breaks of a day: between consecutive bouts that both start on it. Bouts that start on one
 * date are consecutive in time, so there is one fewer break than bouts.
 */
export const breaksBetween = (boutsStartingOnDay: number): number => Math.max(0, boutsStartingOnDay - 1);

/** Rounds to `digits` decimals without binary noise like 1.2999999. */
export const roundTo = (x: number, digits: number): number => Number(x.toFixed(digits));

export interface ResearchMetrics {
  /** Power-law exponent of bout lengths (Chastin & Granat 2010), x_min = 1 minute. */
  alpha: number | null;
  /** The bout length at or above which half of all sitting accrues. */
  w50Minutes: number | null;
  /** Inequality of bout lengths: 0 all equal, towards 1 dominated by a few long bouts. */
  gini: number | null;
}

/** Research metrics from bout lengths in minutes, computed on unrounded values (DESIGN.md §3–§4). */
export function researchMetrics(minutes: readonly number[]): ResearchMetrics {
  return metricsOfSorted(Float64Array.from(minutes).sort());
}

/**
 * Bout lengths in ms sorted, for researchMetricsOfSortedMs; null if one is not a whole ms under 2³²
 * (a bout of 49 days). Stored lengths are, so ten years' 27 000 of them are sorted as 32-bit integers
 * by two counting passes of 16 bits: 0.5 ms, where sorting doubles took 2.4 ms and a typed sort 1.4.
 */
export function sortedWholeMs(ms: readonly number[]): Uint32Array | null {
  const n = ms.length;
  const whole = new Uint32Array(n);
  const low = new Uint32Array(0x1_0000);
  const high = new Uint32Array(0x1_0000);
  for (let i = 0; i < n; i++) {
    const v = ms[i]!;
    if (!(Number.isInteger(v) && v >= 0 && v <= 0xffff_ffff)) return null;
    whole[i] = v;
    low[v & 0xffff]!++;
    high[v >>> 16]!++;
  }
  // Counts to first positions, then a stable pass by the low half and one by the high half.
  for (let k = 0, lo = 0, hi = 0; k < 0x1_0000; k++) {
    const l = low[k]!;
    low[k] = lo;
    lo += l;
    const h = high[k]!;
    high[k] = hi;
    hi += h;
  }
  const byLow = new Uint32Array(n);
  for (let i = 0; i < n; i++) byLow[low[whole[i]! & 0xffff]!++] = whole[i]!;
  for (let i = 0; i < n; i++) whole[high[byLow[i]! >>> 16]!++] = byLow[i]!;
  return whole;
}

/** researchMetrics of lengths in ms sorted by sortedWholeMs: dividing by a minute keeps the order, so the sorted minutes are the same. */
export function researchMetricsOfSortedMs(sorted: Uint32Array): ResearchMetrics {
  const x = new Float64Array(sorted.length);
  for (let i = 0; i < x.length; i++) x[i] = sorted[i]! / MINUTE;
  return metricsOfSorted(x);
}

function metricsOfSorted(x: Float64Array): ResearchMetrics {
  const n = x.length;
  if (n === 0) return { alpha: null, w50Minutes: null, gini: null };
  let total = 0;
  let logSum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += x[i]!;
    logSum += Math.log(x[i]! / 1);
    weighted += (i + 1) * x[i]!;
  }
  let w50 = x[n - 1]!;
  for (let i = 0, cum = 0; i < n; i++) {
    cum += x[i]!;
    if (cum >= total / 2) {
      w50 = x[i]!;
      break;
    }
  }
  // Σ_i Σ_j |x_i − x_j| / (2 n² mean) equals this closed form over the sorted lengths.
  const gini = total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : 0;
  return {
    alpha: logSum > 0 ? roundTo(1 + n / logSum, 3) : null,
    w50Minutes: roundTo(w50, 1),
    gini: roundTo(Math.max(0, gini), 3),
  };
}

export interface DayRow {
  date: string;
  sittingMinutes: number;
  bouts: number;
  longestBoutMinutes: number;
  breaks: number;
  /** Standing that falls on the date (DESIGN.md §7), split at midnight like sitting. */
  standingMinutes: number;
}

interface DayAcc {
  sittingMs: number;
  standingMs: number;
  bouts: number;
  longestMs: number;
}

/**
 * Per local date: sitting that falls on it (bouts across midnight are split), bouts that start
 * on it (whole length), and breaks between consecutive bouts that both start on it; and the
 * standing that falls on it. Every date with some sitting or standing has a row.
 * `bouts` must be in time order.
 */
export function dayRows(bouts: readonly BoutRecord[], zone: string, standing: readonly StandingRecord[] = []): DayRow[] {
  const days = new Map<string, DayAcc>();
  const day = (date: string): DayAcc => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { sittingMs: 0, standingMs: 0, bouts: 0, longestMs: 0 }));
    return d;
  };
  for (const s of standing) for (const part of splitByDay(s.start, s.start + s.durationMs, zone)) day(part.date).standingMs += part.ms;
  for (const b of bouts) {
    for (const part of splitByDay(b.start, b.start + b.durationMs, zone)) day(part.date).sittingMs += part.ms;
    const date = localDate(b.start, zone);
    const d = day(date);
    d.bouts += 1;
    d.longestMs = Math.max(d.longestMs, b.durationMs);
  }
  return [...days.entries()]
    .filter(([, d]) => d.sittingMs > 0 || d.standingMs > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => ({
      date,
      sittingMinutes: roundTo(d.sittingMs / MINUTE, 1),
      bouts: d.bouts,
      longestBoutMinutes: roundTo(d.longestMs / MINUTE, 1),
      breaks: breaksBetween(d.bouts),
      standingMinutes: roundTo(d.standingMs / MINUTE, 1),
    }));
}

export interface Summary extends ResearchMetrics {
  bouts: number;
  sittingMinutes: number;
  standingMinutes: number;
}

/** The research measures are over sitting bouts only: standing is not sedentary time. */
export function summarize(bouts: readonly BoutRecord[], standing: readonly StandingRecord[] = []): Summary {
  const minutes = bouts.map((b) => b.durationMs / MINUTE);
  return {
    bouts: bouts.length,
    sittingMinutes: roundTo(minutes.reduce((a, b) => a + b, 0), 1),
    ...researchMetrics(minutes),
    standingMinutes: roundTo(standing.reduce((a, s) => a + s.durationMs, 0) / MINUTE, 1),
  };
}
