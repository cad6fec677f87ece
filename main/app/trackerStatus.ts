import { BUSY_REASONS, PROMPT_KINDS, type BusyReason, type PromptKind } from '../../shared/domain.js';
import type { HeldPrompt } from '../../shared/busy.js';
import type { Store } from '../store/types.js';

/**
 * What the running tracker publishes about itself in the history's state table, for other processes
 * (`sitwell status`, a window opened on the history only). Another process, perhaps another version,
 * wrote it: it is checked field by field, never cast; anything else reads as "no status". Plain
 * checks, not zod: the tracker keeps zod off its import graph (~5 MB, docs/daemon-memory.md).
 */
export const TRACKER_STATUS_KEY = 'trackerStatus';

export interface TrackerStatus {
  pid: number;
  updatedAt: number;
  next: { kind: PromptKind; at: number } | null;
  pausedUntil: number | null;
  openPromptAt: number | null;
  /** A break prompt held back because the user is busy (DESIGN.md §6). */
  held: HeldPrompt | null;
  idleSource: string;
  notifier: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);

function asTrackerStatus(v: unknown): TrackerStatus | null {
  if (!isRecord(v)) return null;
  const { pid, updatedAt, next, pausedUntil, openPromptAt, idleSource, notifier } = v;
  if (!Number.isInteger(pid) || !isNumber(updatedAt) || !numberOrNull(pausedUntil) || !numberOrNull(openPromptAt)) return null;
  if (typeof idleSource !== 'string' || typeof notifier !== 'string') return null;
  let nextPrompt: TrackerStatus['next'] = null;
  if (next !== null) {
    if (!isRecord(next) || !isNumber(next.at) || !(PROMPT_KINDS as readonly unknown[]).includes(next.kind)) return null;
    nextPrompt = { kind: next.kind as PromptKind, at: next.at };
  }
  return { pid: pid as number, updatedAt, next: nextPrompt, pausedUntil, openPromptAt, held: asHeld(v.held), idleSource, notifier };
}

/** A tracker of an older version wrote no `held`: that reads as nothing held, not as no status. */
function asHeld(v: unknown): HeldPrompt | null {
  if (!isRecord(v) || !isNumber(v.at) || !Array.isArray(v.reasons)) return null;
  const reasons = v.reasons.filter((r): r is BusyReason => (BUSY_REASONS as readonly unknown[]).includes(r));
  return reasons.length > 0 ? { at: v.at, reasons } : null;
}

export function readTrackerStatus(store: Store): TrackerStatus | null {
  return asTrackerStatus(store.getState(TRACKER_STATUS_KEY));
}

/** The pause the user asked for (epoch ms), or null; anything not a number reads as not paused. */
export function readPausedUntil(store: Store): number | null {
  const v = store.getState('pausedUntil');
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
