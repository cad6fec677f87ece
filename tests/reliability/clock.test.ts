import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Monitor } from '../../main/app/monitor.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { RecordingNotifier, ScriptedSession, VirtualClock, VirtualTime } from '../helpers/virtualTime.js';

/**
 * Clock trouble through the real Monitor and a real SQLite store, on virtual timers with an injected
 * Clock whose wall and monotonic readings drift apart the way they do on real machines: NTP or a
 * person moving the wall clock, a time-zone change, and an eight-hour suspend during which the
 * monotonic clock stops. Durations must come out of the monotonic clock, days out of the wall clock.
 * (Lock/sleep events come from a scripted SessionEvents; the D-Bus sources are tested in tests/platform.)
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-06-10 09:00 in Berlin. */
const BASE = Date.UTC(2026, 5, 10, 7, 0, 0);

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A Monitor on virtual time. The user "works" (a key press every second) during the given
 * intervals of virtual (monotonic) time; idle time is what an X server would report.
 */
async function rig(opts: { base?: number; zone?: () => string; settings?: Parameters<Store['updateSettings']>[0]; monoCountsSleep?: boolean } = {}) {
  const { dir, cleanup } = tempDir('sitwell-clock-');
  const store = openStore(join(dir, 'sitwell.db'));
  if (opts.settings) store.updateSettings(opts.settings);
  const vt = new VirtualTime();
  const clock = new VirtualClock(vt, opts.base ?? BASE, opts.monoCountsSleep);
  const work: [number, number][] = [];
  const idleAt = (t: number): number => {
    let last = Number.NEGATIVE_INFINITY;
    for (const [a, b] of work) {
      if (t >= a && t < b) return (t - a) % 1000;
      if (b <= t) last = Math.max(last, b - ((b - a) % 1000 || 1000));
    }
    return last === Number.NEGATIVE_INFINITY ? t + HOUR : t - last;
  };
  const session = new ScriptedSession();
  const notifier = new RecordingNotifier();
  const log: string[] = [];
  const monitor = new Monitor({
    store,
    clock,
    idle: createScriptedIdleSource(() => idleAt(vt.now)),
    session,
    notifier,
    zone: opts.zone ?? (() => 'Europe/Berlin'),
    log: (l) => log.push(l),
    timers: { setTimeout: vt.setTimeout, clearTimeout: vt.clearTimeout },
  });
  cleanups.push(async () => {
    await monitor.stop();
    store.close();
    cleanup();
  });
  await monitor.start();
  /** The user works from now for `ms` of virtual time (timers run meanwhile). */
  const workFor = async (ms: number) => {
    work.push([vt.now, vt.now + ms]);
    await vt.advance(ms);
  };
  return { store, vt, clock, session, notifier, monitor, log, workFor };
}

/** Sitting per local date from the store's own day aggregates. */
function days(store: Store, from: string, to: string): Record<string, number> {
  return Object.fromEntries(store.statsRows(from, to).days.filter((d) => d.sittingMs > 0).map((d) => [d.date, d.sittingMs]));
}

type Rig = Awaited<ReturnType<typeof rig>>;
type Scenario = (r: Rig, trouble: boolean) => Promise<void>;

/**
 * Runs a scenario twice, with and without the clock trouble, and returns both stores' bouts (in
 * order of recording). Idle-time polling sees a bout's first input up to a poll late, in both runs
 * alike: comparing with the control run isolates what the trouble itself does.
 */
async function withControl(scenario: Scenario, opts: Parameters<typeof rig>[0] = {}) {
  const troubled = await rig(opts);
  await scenario(troubled, true);
  const control = await rig(opts);
  await scenario(control, false);
  const bouts = (r: Rig) => r.store.listBouts().sort((x, y) => x.id - y.id);
  return { troubled, control, bouts: bouts(troubled), controlBouts: bouts(control) };
}

const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);

describe('wall-clock jumps mid-bout (real Monitor and store, virtual time)', () => {
  for (const [label, jump] of [
    ['+1 h', HOUR],
    ['-1 h', -HOUR],
    ['+1 day', DAY],
    ['-1 day', -DAY],
  ] as const) {
    it(`${label}: bouts keep their real length, the first keeps its day, the open bout's time does not jump`, async () => {
      const shown: number[] = [];
      const { troubled, bouts, controlBouts } = await withControl(async (r, trouble) => {
        await r.workFor(20 * MIN);
        if (trouble) r.clock.jumpWall(jump);
        await r.workFor(1000);
        shown.push(r.monitor.now().bout!.sittingMs); // what the app shows right after the jump
        await r.workFor(20 * MIN - 1000);
        await r.vt.advance(5 * MIN); // away: the bout ends at its last input
        await r.workFor(10 * MIN);
        await r.vt.advance(5 * MIN);
      });
      expect(shown[0]).toBe(shown[1]);
      expect(bouts.map((b) => b.durationMs)).toEqual(controlBouts.map((b) => b.durationMs));
      expect(bouts.map((b) => b.durationMs)).toHaveLength(2);
      // The first bout is labelled when it started, before the jump; the second by the wall clock as it is now.
      expect(bouts[0]!.start).toBe(controlBouts[0]!.start);
      expect(bouts[1]!.start).toBe(controlBouts[1]!.start + jump);
      const d = days(troubled.store, '2026-06-08', '2026-06-12');
      expect(d['2026-06-10']).toBeGreaterThanOrEqual(bouts[0]!.durationMs);
      expect(total(d)).toBe(bouts[0]!.durationMs + bouts[1]!.durationMs); // no sitting made or lost by the jump
    });
  }

  it('a backward jump that would lay a bout over an earlier one places it after that one; no sitting is counted twice or lost', async () => {
    const { troubled, bouts, controlBouts } = await withControl(async (r, trouble) => {
      await r.workFor(40 * MIN);
      if (trouble) r.clock.jumpWall(-HOUR);
      await r.vt.advance(5 * MIN);
      await r.workFor(40 * MIN);
      await r.vt.advance(5 * MIN);
    });
    expect(bouts.map((b) => b.durationMs)).toEqual(controlBouts.map((b) => b.durationMs));
    const [a, b] = bouts;
    // The wall clock put the second bout inside the first; the store moved it to start where the first ends.
    expect(b!.start).toBe(a!.end);
    expect(total(days(troubled.store, '2026-06-09', '2026-06-11'))).toBe(a!.durationMs + b!.durationMs);
  });
});

describe('a time-zone change while running', () => {
  it('each bout keeps the zone it ended in; days follow that zone; totals are unchanged', async () => {
    let zone = 'Europe/Berlin';
    // 23:00 in Berlin on 2026-06-10 (= 17:00 in New York).
    const base = Date.UTC(2026, 5, 10, 21, 0, 0);
    const today: number[] = [];
    const { troubled, bouts, controlBouts } = await withControl(
      async (r, trouble) => {
        zone = 'Europe/Berlin';
        await r.workFor(30 * MIN); // 23:00–23:30 Berlin
        await r.vt.advance(5 * MIN);
        if (trouble) zone = 'America/New_York'; // the user (or the OS) moved west
        await r.workFor(60 * MIN); // 23:35–00:35 Berlin, i.e. 17:35–18:35 in New York
        await r.vt.advance(5 * MIN);
        today.push(r.monitor.now().todaySittingMs);
      },
      { base, zone: () => zone },
    );
    expect(bouts.map((b) => b.durationMs)).toEqual(controlBouts.map((b) => b.durationMs));
    const [a, b] = bouts;
    expect(a!.zone).toBe('Europe/Berlin');
    expect(b!.zone).toBe('America/New_York');
    expect(controlBouts[1]!.zone).toBe('Europe/Berlin');
    // In Berlin the second bout crosses midnight; in New York it is one early evening.
    expect(days(troubled.store, '2026-06-09', '2026-06-12')).toEqual({ '2026-06-10': a!.durationMs + b!.durationMs });
    expect(today[0]).toBe(a!.durationMs + b!.durationMs);
  });

  it('quiet hours follow the new zone', async () => {
    let zone = 'Europe/Berlin';
    // 20:00 in Berlin = 14:00 in New York. Quiet from 21:00 to 07:00.
    const base = Date.UTC(2026, 5, 10, 18, 0, 0);
    const { store, workFor } = await rig({ base, zone: () => zone, settings: { quietHours: { start: '21:00', end: '07:00' }, postureEnabled: false } });
    zone = 'America/New_York';
    await workFor(20 * MIN);
    // 100 minutes later it is 21:40 in Berlin but 15:40 in New York, where the user now is: not quiet.
    await workFor(80 * MIN);
    const breaks = store.listPrompts().filter((p) => p.kind === 'break');
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.map((p) => p.outcome)).not.toContain('suppressed');
  });
});

describe('an eight-hour suspend', () => {
  for (const counts of [false, true]) {
    it(
      counts
        ? 'with a monotonic clock that counts through sleep (Linux boot time): the bout ends before the sleep, the next is labelled after it'
        : 'with the monotonic clock stopped (resume event): the bout ends before the sleep, the next is labelled after it',
      async () => {
        const { troubled, bouts, controlBouts } = await withControl(
          async (r, trouble) => {
            await r.workFor(20 * MIN);
            if (trouble) {
              r.session.emit('suspend');
              if (counts) r.vt.now += 8 * HOUR; // both clocks move on; timers that fell due fire late, at resume
              else r.clock.sleep(8 * HOUR); // wall +8 h; no monotonic time passes, no timer fires
              r.session.emit('resume');
            } else await r.vt.advance(5 * MIN); // the control run: a plain five-minute break
            await r.workFor(25 * MIN); // typing again at once
            await r.vt.advance(5 * MIN);
          },
          { monoCountsSleep: counts },
        );
        // The control's break is shorter, so its next poll meets the keyboard at another phase: within one key press.
        expect(bouts).toHaveLength(2);
        bouts.forEach((bout, i) => expect(Math.abs(bout.durationMs - controlBouts[i]!.durationMs)).toBeLessThanOrEqual(1000));
        const [a, b] = bouts;
        expect(a!.start).toBe(controlBouts[0]!.start);
        expect(b!.start).toBeGreaterThanOrEqual(a!.end + 8 * HOUR);
        expect(b!.start).toBeLessThan(a!.end + 8 * HOUR + 2 * MIN);
        // Prompts: a posture nudge at 15 min in each bout; nothing for the sleep, no break prompt.
        expect(troubled.store.listPrompts().map((p) => [p.kind, Math.round(p.sittingMs / MIN)])).toEqual([
          ['posture', 15],
          ['posture', 15],
        ]);
        expect(troubled.notifier.shown.filter((n) => n.kind === 'break')).toEqual([]);
        expect(days(troubled.store, '2026-06-09', '2026-06-11')).toEqual({ '2026-06-10': a!.durationMs + b!.durationMs });
      },
    );
  }

  it('across midnight: the bout before the sleep stays on its day, the one after lands on the next', async () => {
    const base = Date.UTC(2026, 5, 10, 20, 0, 0); // 22:00 Berlin
    const { store, clock, session, vt, workFor } = await rig({ base });
    await workFor(30 * MIN);
    session.emit('suspend');
    clock.sleep(8 * HOUR); // resume at 06:30 the next day
    session.emit('resume');
    await workFor(30 * MIN);
    await vt.advance(5 * MIN);
    const [a, b] = store.listBouts().sort((x, y) => x.id - y.id);
    expect(days(store, '2026-06-09', '2026-06-12')).toEqual({ '2026-06-10': a!.durationMs, '2026-06-11': b!.durationMs });
  });
});
