/** Domain types shared by the engine, the store, the bridge and the UI. All instants are UTC epoch milliseconds. */

export type PromptKind = 'posture' | 'break';
export const BREAK_OUTCOMES = ['stretched', 'snoozed', 'skipped', 'took-break', 'unanswered', 'suppressed'] as const;
export type BreakOutcome = (typeof BREAK_OUTCOMES)[number];
export const PROMPT_OUTCOMES = ['shown', ...BREAK_OUTCOMES] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];
export type PromptAnswer = 'snooze' | 'skip';

/** Why a prompt was not shown. */
export type SuppressReason = 'paused' | 'outside-work-hours' | 'quiet-hours';

/** A finished sitting bout: `end - start` equals `durationMs` (durations come from a monotonic clock). */
export interface BoutRecord {
  start: number;
  end: number;
  durationMs: number;
}

export interface PromptRecord {
  at: number;
  kind: PromptKind;
  outcome: PromptOutcome;
}
