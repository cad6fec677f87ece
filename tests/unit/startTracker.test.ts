import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracker, TrackerStartError, type Tracker, type TrackerDeps } from '../../main/app/tracker/openTracker.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import type { IdleSource } from '../../main/platform/types.js';
import { withZeroIdleGuard } from '../../main/platform/zeroIdleGuard.js';
import { acquireTrackerLock, openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { RecordingNotifier, ScriptedSession, VirtualClock, VirtualTime, VirtualUser } from '../helpers/virtualTime.js';

/**
 * The one tracker start-up (main/app/tracker/openTracker.ts) that `sitwell daemon` and the desktop
 * app share, on virtual time: real SQLite file and tracker lock in a temp dir; scripted idle
 * sources, a scripted lock/sleep mechanism and a recording notifier stand in for the platform's.
 */

const MIN = 60_000;
const BASE = Date.UTC(2026, 5, 10, 7, 0, 0);
/** A real monotonic clock reads hours since boot; a performance.now()-like one starts near 0. */
const HOURS_SINCE_BOOT = 5 * 3_600_000;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function rig(over: Partial<TrackerDeps> = {}) {
  const { dir, cleanup } = tempDir('sitwell-tracker-');
  cleanups.push(cleanup);
  const vt = new VirtualTime();
  const clock = new VirtualClock(vt, BASE, false, HOURS_SINCE_BOOT);
  const session = new ScriptedSession();
  const notifier = new RecordingNotifier();
  const user = new VirtualUser(vt);
  const log: string[] = [];
  const deps: TrackerDeps = {
    dbPath: join(dir, 'history.db'),
    owner: 'daemon',
    env: {},
    log: (l) => log.push(l),
    idle: { use: createScriptedIdleSource(() => user.idleMs()) },
    sessions: [{ name: 'scripted', open: async () => ({ ok: true, events: session, detail: 'test' }) }],
    notifier: async () => notifier,
    zone: () => 'Europe/Berlin',
    clock,
    timers: vt.timerFns,
    // Real busy sources would read this machine's desktop in real time under a virtual clock (tests/unit/monitorBusy.test.ts covers busy).
    busy: null,
    ...over,
  };
  const start = async (): Promise<Tracker> => {
    const t = await startTracker(deps);
    cleanups.push(() => t.stop());
    return t;
  };
  return { dir, vt, clock, session, notifier, user, log, deps, start };
}

describe('startTracker (virtual time, real SQLite and lock; scripted platform stand-ins)', () => {
  it('holds the lock while it runs; stop() closes the bout, then everything in reverse order, once', async () => {
    const r = rig();
    const t = await r.start();
    expect(() => acquireTrackerLock(r.deps.dbPath, 'app')).toThrow(/already tracking/);
    expect(r.session.listening).toBeGreaterThan(0);
    r.user.work();
    await r.vt.advance(5 * MIN);
    const order: string[] = [];
    t.onStop(() => order.push(`shell closes; bouts stored: ${t.store.listBouts().length}`));
    t.onStop(() => order.push('the last registered closes first'));
    await Promise.all([t.stop(), t.stop()]);
    await t.stop();
    expect(order).toEqual(['the last registered closes first', 'shell closes; bouts stored: 1']);
    expect(r.notifier.closed).toBe(true);
    expect(r.session.closed).toBe(true);
    expect(() => t.store.listBouts()).toThrow(/not open/);
    acquireTrackerLock(r.deps.dbPath, 'app').release(); // released
    const store = openStore(r.deps.dbPath, { readonly: true });
    // Away, the monitor reads once a minute: it sees the work begin at 1 min; the stop's last reading ends the bout at 5.
    expect(store.listBouts().map((b) => b.durationMs)).toEqual([4 * MIN]);
    expect(store.readCheckpoint()).toBeNull();
    store.close();
  });

  it('a failed start leaves nothing open and says at which stage: lock, or sources', async () => {
    const r = rig();
    const other = acquireTrackerLock(r.deps.dbPath, 'app');
    const locked = await startTracker(r.deps).catch((e: unknown) => e);
    other.release();
    expect(locked).toBeInstanceOf(TrackerStartError);
    expect(locked).toMatchObject({ stage: 'lock', message: expect.stringMatching(/another Sitwell app \(pid \d+\) is already tracking/) });

    const failed = await startTracker({
      ...r.deps,
      idle: {
        detect: async () => {
          throw new Error('no idle-time source works here');
        },
      },
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ stage: 'sources', message: 'no idle-time source works here' });
    expect(r.session.closed).toBe(false); // never opened: the idle source comes first
    acquireTrackerLock(r.deps.dbPath, 'app').release(); // the lock was released
    openStore(r.deps.dbPath).close(); // and the history closed
  });

  it('the stuck-source guard is fed lock events on the clock of the readings: a whole-second source reading 0 is replaced only once the lock is 2 minutes old', async () => {
    const r = rig();
    const whole: IdleSource = { ...createScriptedIdleSource(() => 0, 'whole-seconds (stand-in for powerMonitor)'), resolutionMs: 1000 };
    const platform = createScriptedIdleSource(() => r.user.idleMs(), 'platform (stand-in)');
    const t = await startTracker({ ...r.deps, idle: { first: whole, detect: async () => ({ source: platform, tried: [] }) } });
    cleanups.push(() => t.stop());
    await r.vt.advance(30 * MIN); // steady zeros, unlocked: fine for a whole-second counter
    expect(t.monitor.now().idleSource).toBe(whole.name);
    r.session.emit('lock');
    await r.vt.advance(2 * MIN - 1);
    expect(t.monitor.now().idleSource).toBe(whole.name);
    await r.vt.advance(2 * MIN);
    expect(t.monitor.now().idleSource).toBe('platform (stand-in)');
    expect(r.log.join('\n')).toMatch(/looks stuck: it reported 0 ms idle 2 times while the screen had been locked for 1\d\d s/);
  });

  it('(the old stamping, for the record) a lock stamped on another clock than the readings looks hours old at once', async () => {
    let mono = HOURS_SINCE_BOOT;
    const guarded = withZeroIdleGuard(createScriptedIdleSource(() => 0), { minReadings: Number.POSITIVE_INFINITY, now: () => mono });
    guarded.guard.noteSessionEvent('lock', 1500); // performance.now(): ms since the process started
    await guarded.idleMs();
    mono += 1000;
    await expect(guarded.idleMs()).rejects.toThrow(/locked for 18000 s/);
  });

  it('stopped before it started, an earlier run\'s checkpoint stays for the next start', async () => {
    const r = rig();
    const store = openStore(r.deps.dbPath);
    const cp = { start: BASE - 10 * MIN, lastInput: BASE - MIN, savedAt: BASE - MIN, zone: 'Europe/Berlin' };
    store.writeCheckpoint(cp);
    store.close();
    const { openTracker } = await import('../../main/app/tracker/openTracker.js');
    const t = await openTracker(r.deps);
    await t.stop();
    await t.start(); // refused once stopped
    const after = openStore(r.deps.dbPath, { readonly: true });
    expect(after.readCheckpoint()).toEqual(cp);
    after.close();
  });
});
