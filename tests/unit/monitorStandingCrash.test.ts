import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Monitor } from '../../main/app/monitor.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { RecordingNotifier, VirtualClock, VirtualTime, VirtualUser } from '../helpers/virtualTime.js';

/**
 * The real Monitor checkpointing an open standing period (DESIGN.md §7) to a real SQLite file, on virtual
 * time: a run that "dies" (is dropped without stop()) leaves it in the checkpoint, and the next run's start
 * records it up to its last checkpointed input, as it does a bout.
 */

const MIN = 60_000;
const BASE = Date.UTC(2026, 5, 10, 7, 0, 0);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function run(store: Store, base: number, lines: string[]) {
  const vt = new VirtualTime();
  const user = new VirtualUser(vt);
  const monitor = new Monitor({
    store,
    clock: new VirtualClock(vt, base),
    idle: { name: 'virtual', idleMs: async () => user.idleMs() },
    notifier: new RecordingNotifier(),
    zone: () => 'Europe/Berlin',
    timers: vt.timerFns,
    log: (line) => lines.push(line),
  });
  return { vt, user, monitor };
}

describe('Monitor: an open standing period through a crash (virtual time, real SQLite)', () => {
  it('is checkpointed at once on stand and every minute after; the next start records it up to the last checkpoint', async () => {
    const { dir, cleanup } = tempDir('sitwell-monitor-standing-crash-');
    cleanups.push(cleanup);
    const store = openStore(join(dir, 'history.db'));
    cleanups.push(() => store.close());

    const lines: string[] = [];
    const first = run(store, BASE, lines);
    await first.monitor.start();
    first.user.work();
    await first.vt.advance(10 * MIN);
    expect(first.monitor.stand()).toBe(true);
    // At once, not at the next reading.
    expect(store.readCheckpoint()).toMatchObject({ start: BASE + 10 * MIN, standing: true });
    await first.vt.advance(20 * MIN + 30_000);
    const cp = store.readCheckpoint()!;
    expect(cp).toMatchObject({ start: BASE + 10 * MIN, standing: true });
    expect(BASE + 30 * MIN + 30_000 - cp.lastInput).toBeLessThanOrEqual(MIN);
    // The run dies here: no stop(), its timers are never run again.

    const again = run(store, BASE + 45 * MIN, lines); // back a quarter of an hour later
    await again.monitor.start();
    cleanups.push(() => again.monitor.stop());
    expect(lines).toContainEqual(expect.stringMatching(/^closed the standing period left open by an earlier run \(\d+ min\)$/));
    expect(store.listStanding().map((s) => [s.start, s.end])).toEqual([[cp.start, cp.lastInput]]);
    expect(store.listBouts().map((b) => [b.start, b.end])).toEqual([[expect.any(Number), BASE + 10 * MIN]]);
    expect(store.readCheckpoint()).toBeNull();
  });
});
