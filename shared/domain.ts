/** Domain types shared by the engine, the store, the bridge and the UI. All instants are UTC epoch milliseconds. */

/** `move`: a light nudge when standing at a sit-stand desk lasts `standLimitMinutes` (DESIGN.md §7). */
export type PromptKind = 'posture' | 'break' | 'move';
export const PROMPT_KINDS = ['posture', 'break', 'move'] as const satisfies readonly PromptKind[];
/** `stood`: the user said they stand while the prompt was open (DESIGN.md §7). */
export const BREAK_OUTCOMES = ['stretched', 'snoozed', 'skipped', 'took-break', 'unanswered', 'suppressed', 'stood'] as const;
export type BreakOutcome = (typeof BREAK_OUTCOMES)[number];
export const PROMPT_OUTCOMES = ['shown', ...BREAK_OUTCOMES] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];
/** `stand` answers the prompt by standing up at a sit-stand desk (DESIGN.md §7). */
export type PromptAnswer = 'snooze' | 'skip' | 'stand';

/** What a context source says keeps the user from being interrupted (DESIGN.md §6). */
export const BUSY_REASONS = ['dnd', 'fullscreen', 'call', 'app', 'calendar'] as const;
export type BusyReason = (typeof BUSY_REASONS)[number];

/** Why a prompt was not shown: the user's pause, their hours, or a busy source (`busy:call`). */
export const SUPPRESS_REASONS = ['paused', 'outside-work-hours', 'quiet-hours', ...BUSY_REASONS.map((r) => `busy:${r}` as const)] as const;
export type SuppressReason = (typeof SUPPRESS_REASONS)[number];

/** A finished sitting bout: `end - start` equals `durationMs` (durations come from a monotonic clock). */
export interface BoutRecord {
  start: number;
  end: number;
  durationMs: number;
}

/** A standing period at a sit-stand desk (DESIGN.md §7), measured like a bout. */
export type StandingRecord = BoutRecord;

export interface PromptRecord {
  at: number;
  kind: PromptKind;
  outcome: PromptOutcome;
}

/**
 * The history's records as they are kept and exported: instants are UTC epoch ms, `zone` is the
 * IANA zone the user was in when the record was made, `uid` is stable across export and import
 * (importing twice adds nothing). The store adds its row id.
 */
export interface BoutEntry extends BoutRecord {
  uid: string;
  zone: string;
}

/** A standing period as the history keeps and exports it (like a bout). */
export interface StandingEntry extends StandingRecord {
  uid: string;
  zone: string;
}

export interface PromptEntry extends PromptRecord {
  uid: string;
  /** Continuous sitting when it fell due. */
  sittingMs: number;
  reason: SuppressReason | null;
  zone: string;
}

export interface StretchEntry {
  uid: string;
  start: number;
  /** null while the session is still running. */
  end: number | null;
  routineId: string;
  completed: boolean;
  stepsDone: number;
  stepsTotal: number;
  zone: string;
}

export interface CheckInEntry {
  uid: string;
  at: number;
  /** 0 (none) … 10 (worst). */
  soreness: number;
  areas: string[];
  redFlags: string[];
  note: string;
  zone: string;
}
