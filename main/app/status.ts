import { readFileSync } from 'node:fs';
import type { PromptKind } from '../../shared/domain.js';
import type { HeldPrompt } from '../../shared/busy.js';
import { localDate } from '../core/localTime.js';
import { checkpointedBoutEnd, todaySitting } from '../core/todaySitting.js';
import { trackerLockPath } from '../store/trackerLock.js';
import type { Store } from '../store/types.js';
import { readTrackerStatus } from './trackerStatus.js';

/** What `sitwell status` reports, read from the database another process (the tracker) writes. */
export interface StatusReport {
  tracking: boolean;
  tracker: { pid: number; owner: string; idleSource: string | null; notifier: string | null; updatedAt: number | null } | null;
  bout: { start: number; minutes: number } | null;
  today: { date: string; sittingMinutes: number; bouts: number };
  next: { kind: PromptKind; at: number } | null;
  pausedUntil: number | null;
  /** A break prompt the tracker holds back because the user is busy, and why. */
  held: HeldPrompt | null;
}

function liveTracker(dbPath: string): { pid: number; owner: string } | null {
  try {
    const info = JSON.parse(readFileSync(trackerLockPath(dbPath), 'utf8')) as { pid?: unknown; owner?: unknown };
    if (typeof info.pid !== 'number') return null;
    process.kill(info.pid, 0);
    return { pid: info.pid, owner: String(info.owner ?? 'tracker') };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? { pid: -1, owner: 'tracker' } : null;
  }
}

export function readStatus(store: Store, dbPath: string, zone: string, now: number): StatusReport {
  const tracker = liveTracker(dbPath);
  const status = tracker ? readTrackerStatus(store) : null;
  const cp = tracker ? store.readCheckpoint() : null;
  // The tracker counts the open bout up to now while the user is not yet away; its checkpoint is at most a minute old.
  const open = cp && !cp.standing ? { start: cp.start, end: checkpointedBoutEnd(cp, now) } : null;
  const bout: StatusReport['bout'] = open && { start: open.start, minutes: Math.round((open.end - open.start) / 6000) / 10 };
  const today = localDate(now, zone);
  const { sittingMs, bouts } = todaySitting(store.statsRows(today, today).days[0], open, now, zone);
  return {
    tracking: tracker !== null,
    tracker: tracker && {
      ...tracker,
      idleSource: status?.idleSource ?? null,
      notifier: status?.notifier ?? null,
      updatedAt: status?.updatedAt ?? null,
    },
    bout,
    today: { date: today, sittingMinutes: Math.round(sittingMs / 6000) / 10, bouts },
    next: status?.next ?? null,
    pausedUntil: status?.pausedUntil && status.pausedUntil > now ? status.pausedUntil : null,
    held: status?.held ?? null,
  };
}
