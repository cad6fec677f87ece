import { readFileSync } from 'node:fs';
import type { PromptKind } from '../../shared/domain.js';
import { localDate, splitByDay } from '../core/localTime.js';
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
  const today = localDate(now, zone);
  const row = store.statsRows(today, today).days[0];
  let sittingMs = row?.sittingMs ?? 0;
  let bouts = row?.bouts ?? 0;
  let bout: StatusReport['bout'] = null;
  if (cp) {
    // The tracker counts the open bout up to now while the user is not yet away; the checkpoint is at most a minute old.
    const end = Math.max(cp.lastInput, Math.min(now, cp.savedAt + 60_000));
    bout = { start: cp.start, minutes: Math.round((end - cp.start) / 6000) / 10 };
    for (const p of splitByDay(cp.start, end, zone)) if (p.date === today) sittingMs += p.ms;
    if (localDate(cp.start, zone) === today) bouts += 1;
  }
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
  };
}
