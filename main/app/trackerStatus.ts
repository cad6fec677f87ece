import { z } from 'zod';
import { PROMPT_KINDS } from '../../shared/domain.js';
import type { Store } from '../store/types.js';

/**
 * What the running tracker publishes about itself in the history's state table, for other processes
 * (`sitwell status`, a window opened on the history only). Another process, perhaps another version,
 * wrote it: it is read through this schema, never cast; anything else reads as "no status".
 */
export const TRACKER_STATUS_KEY = 'trackerStatus';

const TrackerStatusSchema = z.object({
  pid: z.number().int(),
  updatedAt: z.number(),
  next: z.object({ kind: z.enum(PROMPT_KINDS), at: z.number() }).nullable(),
  pausedUntil: z.number().nullable(),
  openPromptAt: z.number().nullable(),
  idleSource: z.string(),
  notifier: z.string(),
});

export type TrackerStatus = z.infer<typeof TrackerStatusSchema>;

export function readTrackerStatus(store: Store): TrackerStatus | null {
  const parsed = TrackerStatusSchema.safeParse(store.getState(TRACKER_STATUS_KEY));
  return parsed.success ? parsed.data : null;
}

/** The pause the user asked for (epoch ms), or null; anything not a number reads as not paused. */
export function readPausedUntil(store: Store): number | null {
  const v = store.getState('pausedUntil');
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
