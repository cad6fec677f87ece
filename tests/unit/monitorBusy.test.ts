import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBusyWatcher } from '../../main/app/busyWatcher.js';
import { Monitor } from '../../main/app/monitor.js';
import { readTrackerStatus } from '../../main/app/trackerStatus.js';
import type { BusySource } from '../../main/platform/types.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { RecordingNotifier, settle, VirtualClock, VirtualTime, VirtualUser } from '../helpers/virtualTime.js';

/**
 * The real Monitor and busy watcher (DESIGN.md §6) with a real SQLite file, on virtual time. The busy
 * source is a scripted stand-in (named so): the real sources are tested against dunst, dconf, openbox
 * and PulseAudio in tests/platform.
 */

const MIN = 60_000;
const BASE = Date.UTC(2026, 5, 10, 7, 0, 0);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Stand-in busy source: a call that the test switches on and off; counts its readings. */
function scriptedCall() {
  const state = { busy: false, reads: 0, failing: false, changed: (): void => {} };
  const source: BusySource = {
    name: 'call-stand-in',
    reason: 'call',
    async check() {
      state.reads++;
      if (state.failing) throw new Error('the sound server is gone');
      return { busy: state.busy, detail: state.busy ? 'recording' : 'no recording' };
    },
    async watch(onChange) {
      state.changed = onChange;
      return () => (state.changed = () => {});
    },
    close() {},
  };
  return { state, source };
}

async function rig(store?: Store) {
  const { dir, cleanup } = tempDir('sitwell-monitor-busy-');
  cleanups.push(cleanup);
  const s = store ?? openStore(join(dir, 'history.db'));
  cleanups.push(() => s.close());
  s.updateSettings({ postureEnabled: false });
  const vt = new VirtualTime();
  const user = new VirtualUser(vt);
  const notifier = new RecordingNotifier();
  const call = scriptedCall();
  const logs: string[] = [];
  const busy = createBusyWatcher({ env: {}, settings: () => s.getSettings(), zone: () => 'Europe/Berlin', log: (l) => logs.push(l), candidates: (choice) => (choice.enabled.has('call') ? [call.source] : []) });
  const monitor = new Monitor({ store: s, clock: new VirtualClock(vt, BASE), idle: { name: 'virtual', idleMs: async () => user.idleMs() }, notifier, zone: () => 'Europe/Berlin', timers: vt.timerFns, busy, log: (l) => logs.push(l) });
  await monitor.start();
  cleanups.push(() => monitor.stop());
  return { store: s, vt, user, notifier, call, monitor, logs };
}

describe('Monitor: busy holds the break prompt and shows it when busy ends (virtual time, real SQLite)', () => {
  it('in a call at the sit limit: recorded suppressed busy:call once, no notification; shown when the call ends', async () => {
    const r = await rig();
    r.call.state.busy = true;
    r.user.work();
    await r.vt.advance(40 * MIN);
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(0);
    expect(r.store.listPrompts().map((p) => `${p.kind}:${p.outcome}:${p.reason}`)).toEqual(['break:suppressed:busy:call']);

    r.call.state.busy = false;
    await r.vt.advance(1 * MIN); // held: read at least once a minute
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
    // Shown once busy ended, as a new record; the held one counted as the bout's first (no posture prompts after it).
    expect(r.store.listPrompts().map((p) => `${p.kind}:${p.outcome}`)).toEqual(['break:suppressed', 'break:unanswered']);
  });

  it("a source's change signal shows the held prompt at once, without waiting for the minute", async () => {
    const r = await rig();
    r.call.state.busy = true;
    r.user.work();
    await r.vt.advance(31 * MIN);
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(0);
    r.call.state.busy = false;
    r.call.state.changed();
    await settle(); // the reading the signal started resolves; no virtual time passes
    expect(r.logs).toContain('no longer busy: call');
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
  });

  it('no reading of the sources while nothing is due: busy costs no wakeups', async () => {
    const r = await rig();
    r.user.work();
    await r.vt.advance(29 * MIN);
    expect(r.call.state.reads).toBe(0);
    await r.vt.advance(2 * MIN);
    expect(r.call.state.reads).toBeGreaterThan(0);
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
  });

  it('a failing source says so once and counts as not busy: the prompt is shown', async () => {
    const r = await rig();
    r.call.state.failing = true;
    r.user.work();
    await r.vt.advance(45 * MIN);
    expect(r.notifier.shown.filter((s) => s.kind === 'break').length).toBeGreaterThan(0);
    expect(r.logs.filter((l) => l.includes('call-stand-in does not answer'))).toHaveLength(1);
  });

  it('switched off in Settings: the source is not read at all', async () => {
    const r = await rig();
    r.store.updateSettings({ busyCall: false });
    r.call.state.busy = true;
    r.user.work();
    await r.vt.advance(31 * MIN);
    expect(r.call.state.reads).toBe(0);
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
  });

  it('says while it holds the prompt, and why: the Now state and the status other processes read', async () => {
    const r = await rig();
    r.call.state.busy = true;
    r.user.work();
    await r.vt.advance(31 * MIN);
    const held = r.monitor.now().held;
    expect(held?.reasons).toEqual(['call']);
    expect(held!.at).toBeGreaterThanOrEqual(BASE + 30 * MIN);
    expect(held!.at).toBeLessThanOrEqual(BASE + 31 * MIN);
    expect(readTrackerStatus(r.store)?.held).toEqual(held);
    r.call.state.busy = false;
    await r.vt.advance(1 * MIN);
    expect(r.monitor.now().held).toBeNull();
    expect(readTrackerStatus(r.store)?.held).toBeNull();
  });

  it('a call starting while the prompt is on screen takes its notification down; the prompt stays open and repeats', async () => {
    const r = await rig();
    const events: string[] = [];
    r.monitor.on((e) => (e.type === 'prompt-withdrawn' || e.type === 'prompt-closed' ? events.push(e.type) : undefined));
    r.user.work();
    await r.vt.advance(31 * MIN);
    const shown = r.notifier.shown.filter((s) => s.kind === 'break');
    expect(shown).toHaveLength(1);
    const id = shown[0]!.id!;
    r.call.state.busy = true;
    await r.vt.advance(1 * MIN); // read at the minute's wake while a prompt is open
    expect(r.notifier.shown.at(-1)).toEqual({ kind: 'close', id });
    expect(events).toEqual(['prompt-withdrawn']);
    expect(r.monitor.now().openPrompt?.id).toBe(id);
    expect(r.logs).toContain('break prompt withdrawn from the screen: busy call');
    // Its repeat falls due during the call: recorded suppressed and held, not shown.
    await r.vt.advance(10 * MIN);
    expect(r.notifier.shown.filter((s) => s.kind === 'break')).toHaveLength(1);
    expect(r.store.listPrompts().map((p) => `${p.outcome}:${p.reason ?? ''}`)).toEqual(['unanswered:', 'suppressed:busy:call']);
  });
});
