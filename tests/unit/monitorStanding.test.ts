import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Monitor } from '../../main/app/monitor.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { RecordingNotifier, VirtualClock, VirtualTime, VirtualUser } from '../helpers/virtualTime.js';

/**
 * The real Monitor writing standing (DESIGN.md §7) to a real SQLite file, on virtual time; a recording
 * notifier and a virtual user's idle counter stand in for the platform.
 */

const MIN = 60_000;
const BASE = Date.UTC(2026, 5, 10, 7, 0, 0);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Monitor: standing at a sit-stand desk (virtual time, real SQLite)', () => {
  it('"stand" on the break prompt records it stood, the move prompt is a light nudge, the period lands in the history', async () => {
    const { dir, cleanup } = tempDir('sitwell-monitor-standing-');
    cleanups.push(cleanup);
    const store = openStore(join(dir, 'history.db'));
    cleanups.push(() => store.close());
    const vt = new VirtualTime();
    const user = new VirtualUser(vt);
    const notifier = new RecordingNotifier();
    const monitor = new Monitor({
      store,
      clock: new VirtualClock(vt, BASE),
      idle: { name: 'virtual', idleMs: async () => user.idleMs() },
      notifier,
      zone: () => 'Europe/Berlin',
      timers: vt.timerFns,
    });
    await monitor.start();
    cleanups.push(() => monitor.stop());

    user.work();
    await vt.advance(31 * MIN);
    expect(notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
    // The Stand button of the notification (a D-Bus action on Linux) is that answer.
    notifier.act(notifier.shown.find((s) => s.kind === 'break')!.id!, 'stand');
    await vt.advance(45 * MIN); // standing and working: no break prompt, one move nudge at 40 min
    user.leave();
    await vt.advance(5 * MIN);

    expect(notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
    expect(notifier.shown.filter((s) => s.kind === 'posture').map((s) => s.title)).toEqual(['Posture check', 'Time to move']);
    expect(store.listPrompts().map((p) => `${p.kind}:${p.outcome}`)).toEqual(['posture:shown', 'break:stood', 'move:shown']);
    const [bout] = store.listBouts();
    expect(bout!.end).toBeCloseTo(BASE + 31 * MIN, -3); // the stand's instant (its start is seen at the first reading)
    const standing = store.listStanding();
    expect(standing).toHaveLength(1);
    expect(standing[0]!.start).toBeCloseTo(bout!.end, -3);
    expect(standing[0]!.durationMs).toBeGreaterThan(44 * MIN);
    expect(store.statsRows('2026-06-10', '2026-06-10').days[0]!.standingMs).toBe(standing[0]!.durationMs);
  });
});
