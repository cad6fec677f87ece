import type { NowStateView } from '../../../shared/bridge.js';
import { localDate, splitByDay } from '../../core/localTime.js';
import type { Store, StretchSession } from '../../store/types.js';
import { readStatus } from '../status.js';

/**
 * The Now view for a window that does not track (history-only web mode): today's totals from
 * the store, and, when another process (the daemon) is tracking, its open bout and next prompt
 * as it last wrote them. `tracking` stays false: nothing here watches the user.
 */
export function historyNow(
  store: Store,
  ctx: { dataPath: string; zone: string; now: number; stretching: StretchSession | null },
): NowStateView {
  const { zone, now } = ctx;
  const status = readStatus(store, ctx.dataPath, zone, now);
  const today = localDate(now, zone);
  const row = store.statsRows(today, today).days[0];
  let todaySittingMs = row?.sittingMs ?? 0;
  let todayBouts = row?.bouts ?? 0;
  let bout: NowStateView['bout'] = null;
  const cp = status.tracking ? store.readCheckpoint() : null;
  if (cp) {
    // Same rule as `sitwell status`: the checkpoint is at most a minute old, so count at most a minute past it.
    const end = Math.max(cp.lastInput, Math.min(now, cp.savedAt + 60_000));
    bout = { start: cp.start, sittingMs: Math.max(0, end - cp.start) };
    for (const part of splitByDay(cp.start, end, zone)) if (part.date === today) todaySittingMs += part.ms;
    if (localDate(cp.start, zone) === today) todayBouts += 1;
  }
  const s = ctx.stretching;
  return {
    tracking: false,
    bout,
    todaySittingMs,
    todayBouts,
    next: status.next,
    pausedUntil: status.pausedUntil,
    openPrompt: null,
    locked: false,
    stretching: s ? { id: s.id, routineId: s.routineId, start: s.start } : null,
    idleSource: status.tracker?.idleSource ?? 'none (this window shows history only)',
    notifier: status.tracker?.notifier ?? 'none (this window shows history only)',
    at: now,
  };
}
