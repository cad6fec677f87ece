import type { NowStateView } from '../../../shared/bridge.js';
import { localDate } from '../../core/localTime.js';
import { checkpointedBoutEnd, todaySitting } from '../../core/todaySitting.js';
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
  const cp = status.tracking ? store.readCheckpoint() : null;
  const open = cp && !cp.standing ? { start: cp.start, end: checkpointedBoutEnd(cp, now) } : null;
  const bout: NowStateView['bout'] = open && { start: open.start, sittingMs: Math.max(0, open.end - open.start) };
  const date = localDate(now, zone);
  const { sittingMs: todaySittingMs, bouts: todayBouts } = todaySitting(store.statsRows(date, date).days[0], open, now, zone);
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
    // The tracker checkpoints an open standing period like a bout (its end reckoned the same way).
    standing: cp?.standing ? { start: cp.start, standingMs: Math.max(0, checkpointedBoutEnd(cp, now) - cp.start) } : null,
    held: status.held,
    idleSource: status.tracker?.idleSource ?? 'none (this window shows history only)',
    notifier: status.tracker?.notifier ?? 'none (this window shows history only)',
    at: now,
  };
}
