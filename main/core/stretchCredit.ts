import type { ReportRows } from './report.js';
import { localDate } from './localTime.js';

/**
 * When a guided stretch counts as a break in the user's statistics (issue #17: "a stretch counts as a
 * break when it is finished, not when it starts"). The tracker keeps DESIGN.md §2 as it is: the bout
 * ends when the session starts and the open break prompt is recorded `stretched`, so traces replay the
 * same. What changes is the credit: a finished session is a break; one stopped early counts only for the
 * time it lasted, i.e. it is a break if it lasted the minimum break (like an away of that length).
 */
export interface SessionTimes {
  start: number;
  /** null while it runs: not finished, so no credit yet. */
  end: number | null;
  completed: boolean;
}

export const stretchCountsAsBreak = (s: SessionTimes, minBreakMs: number): boolean =>
  s.end !== null && (s.completed || s.end - s.start >= minBreakMs);

/** A session that does not count, and what the statistics counted for it when it started. */
export interface UncountedStretch {
  start: number;
  zone: string;
  /** It ended a bout and the next bout started on the same local date: the gap was counted as a break. */
  splitBouts: boolean;
  /** It answered a break prompt (recorded `stretched`), which was counted as heeded. */
  answeredPrompt: boolean;
}

/** The rows with those credits taken back: a day's breaks and heeded prompts, and the period's stretched prompts that led to a break. */
export function withoutUncountedStretches(rows: ReportRows, uncounted: readonly UncountedStretch[]): ReportRows {
  if (uncounted.length === 0) return rows;
  const days = rows.days.map((d) => ({ ...d }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  let promptsBack = 0;
  for (const u of uncounted) {
    const day = byDate.get(localDate(u.start, u.zone));
    if (!day) continue;
    if (u.splitBouts && day.breaks > 0) day.breaks--;
    if (u.answeredPrompt && day.breakPromptsHeeded > 0) {
      day.breakPromptsHeeded--;
      promptsBack++;
    }
  }
  return { ...rows, days, stretchedNotCounted: (rows.stretchedNotCounted ?? 0) + promptsBack };
}
