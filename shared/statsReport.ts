import type { BreakOutcome, BusyReason } from './domain.js';

/**
 * The statistics of DESIGN.md §4 for a range of local dates, as the CLI prints it and the UI
 * draws it. Minutes are rounded to 0.1, shares and rates are 0…1 rounded to 0.001; a rate with
 * nothing to divide by is null.
 */

/** One day, ISO week or month, or the whole range. */
export interface StatsPeriod {
  /** "2026-03-29", "2026-W13", "2026-03" or "total". */
  label: string;
  /** First and last date of the period inside the requested range (inclusive). */
  from: string;
  to: string;
  /** Sitting that falls in the period (bouts across midnight split). */
  sittingMinutes: number;
  /** Bouts that start in the period, counted whole. */
  bouts: number;
  meanBoutMinutes: number | null;
  longestBoutMinutes: number;
  /** Gaps between consecutive bouts that start on the same day. */
  breaks: number;
  breaksPerSittingHour: number | null;
  /** Share of the bouts' sitting that is in bouts over 30 minutes. */
  longBoutShare: number | null;
  /** Break prompts shown (not suppressed) and how many of them led to a break (stretched, took-break or stood). */
  breakPrompts: number;
  breakPromptsHeeded: number;
  breakPromptRate: number | null;
  /** Standing at a sit-stand desk that falls in the period (DESIGN.md §7), and its share of sitting + standing. */
  standingMinutes: number;
  standingShare: number | null;
}

export interface ResearchSummary {
  /** Bouts starting in the range the measures are computed over. */
  bouts: number;
  /** Power-law exponent of bout lengths (x_min = 1 min), 0.001. */
  alpha: number | null;
  /** Bout length at or above which half the sitting accrues, 0.1 min. */
  w50Minutes: number | null;
  /** Inequality of bout lengths (0 = all equal), 0.001. */
  gini: number | null;
}

export interface PromptSummary {
  /** Every break prompt by outcome, suppressed ones included. */
  break: Record<BreakOutcome, number>;
  posture: { shown: number; suppressed: number };
  move: { shown: number; suppressed: number };
  /** Break prompts the user saw (all but suppressed). */
  breakShown: number;
  /** Of those, stretched + took-break + stood (standing up is a break from sitting). */
  ledToBreak: number;
  breakRate: number | null;
}

/** Prompts a busy reason held back in the period (DESIGN.md §6) and the sitting that followed them. */
export interface BusyHeldSummary {
  reason: BusyReason;
  /** Prompts of every kind recorded `suppressed` with this reason. */
  prompts: number;
  /** Sitting from each held prompt to the end of its bout, summed, 0.1 min (bouts still open add nothing). */
  keptSittingMinutes: number;
  /** The same per held prompt whose bout has ended; null when none has. */
  meanKeptSittingMinutes: number | null;
}

export interface BoutLengthBucket {
  /** "<10", "10–20", …, "90+" (minutes). */
  label: string;
  fromMinutes: number;
  /** Exclusive upper bound; null for the last bucket. */
  toMinutes: number | null;
  bouts: number;
  sittingMinutes: number;
}

export interface CheckInEntry {
  /** ISO instant with offset, in the report's zone. */
  at: string;
  date: string;
  soreness: number;
  areas: string[];
  redFlags: string[];
}

/** What the comparison with the previous period looks at (issue 17: "am I sitting less than last month?"). */
export const COMPARED_MEASURES = ['dailySitting', 'longBoutsPerDay', 'breaksPerSittingHour'] as const;
export type ComparedMeasure = (typeof COMPARED_MEASURES)[number];

export interface MeasureChange {
  measure: ComparedMeasure;
  /** dailySitting: minutes per tracked day (0.1); longBoutsPerDay: bouts of 30 min or more per tracked day (0.1); breaksPerSittingHour (0.01). Null with nothing to divide by. */
  current: number | null;
  previous: number | null;
  /** current − previous in the same unit; null when either is null. */
  change: number | null;
  /** 'same' when the change is under 5 % of the previous value; null when there is nothing to compare. */
  direction: 'up' | 'down' | 'same' | null;
  /** Is the change good for the user (less sitting, fewer long bouts, more breaks)? Null when the same or nothing to compare. */
  better: boolean | null;
}

/** This period against the one just before it (shared/calendar.ts previousRange). */
export interface PeriodComparison {
  previousFrom: string;
  previousTo: string;
  /** Days with any sitting or standing recorded: the averages are per such day, so a week still under way compares fairly. */
  trackedDays: number;
  previousTrackedDays: number;
  measures: MeasureChange[];
}

export interface StatsReport {
  from: string;
  to: string;
  /** The zone instants are labelled in. Days are the local days each record was made in. */
  zone: string;
  totals: StatsPeriod;
  /** Every date of the range, in order, including days without sitting. */
  days: StatsPeriod[];
  /** ISO weeks (Monday start) and calendar months touching the range, clipped to it. */
  weeks: StatsPeriod[];
  months: StatsPeriod[];
  research: ResearchSummary;
  prompts: PromptSummary;
  /** Held back by busy, one entry per reason that held any (DESIGN.md §6 order). */
  busyHeld: BusyHeldSummary[];
  /** Sitting minutes by weekday (0 = Monday … 6 = Sunday) and local hour (0–23): heatmap[weekday][hour]. */
  heatmap: number[][];
  boutLengths: BoutLengthBucket[];
  checkIns: CheckInEntry[];
  /** Against the previous period of the same length; null where not computed (an empty history, one device's records). */
  comparison: PeriodComparison | null;
  /**
   * Each computer alone in the range (issue 15), only for the person's statistics of a history with
   * more than one computer. A bout that overlaps another computer's counts in both rows but once in
   * the totals, so the rows may add up to more than the totals.
   */
  devices?: DeviceRow[];
}

/** One computer's own bouts, sitting and standing that start in the range. */
export interface DeviceRow {
  id: string;
  /** "" when the computer was never named. */
  name: string;
  thisDevice: boolean;
  bouts: number;
  sittingMinutes: number;
  standingMinutes: number;
  /** Its sitting against the person's total sitting (overlaps once), 0.001; null with no sitting in the range. */
  share: number | null;
}
