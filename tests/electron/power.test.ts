import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { mapPowerEvent, POWER_EVENTS, POWER_SOURCE_NAME, powerSessionEvents } from '../../main/electron/powerEvents.js';
import { powerIdleSource, powerIdleUsable } from '../../main/electron/powerIdle.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { resilientIdleSource } from '../../main/platform/resilientIdle.js';
import { openSessionEvents } from '../../main/platform/sessionEvents.js';
import type { SessionEvent } from '../../main/platform/types.js';

/** Stand-in for Electron's powerMonitor: an EventEmitter with getSystemIdleTime. */
class StandInPowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

describe('power-event mapping', () => {
  it('maps the five powerMonitor events to session events and ignores the rest', () => {
    expect(POWER_EVENTS.map((e) => [e, mapPowerEvent(e)])).toEqual([
      ['lock-screen', 'lock'],
      ['unlock-screen', 'unlock'],
      ['suspend', 'suspend'],
      ['resume', 'resume'],
      ['shutdown', 'shutdown'],
    ]);
    for (const other of ['on-ac', 'on-battery', 'thermal-state-change', 'user-did-become-active', 'constructor', '__proto__', 'toString', '']) {
      expect(mapPowerEvent(other)).toBeNull();
    }
  });
});

describe('powerSessionEvents (stand-in powerMonitor)', () => {
  it('delivers mapped events to listeners, tagged with their source, until unsubscribed or closed', async () => {
    const pm = new StandInPowerMonitor();
    const events = powerSessionEvents(pm);
    const seen: SessionEvent[] = [];
    const off = events.on((e) => seen.push(e));
    pm.emit('lock-screen');
    pm.emit('on-ac');
    pm.emit('unlock-screen');
    off();
    pm.emit('suspend');
    expect(seen).toEqual([
      { type: 'lock', source: POWER_SOURCE_NAME },
      { type: 'unlock', source: POWER_SOURCE_NAME },
    ]);
    events.on((e) => seen.push(e));
    await events.close();
    for (const e of POWER_EVENTS) expect(pm.listenerCount(e)).toBe(0);
    pm.emit('resume');
    expect(seen).toHaveLength(2);
  });

  it('merges with the platform mechanisms through openSessionEvents, dropping repeated locks', async () => {
    const pm = new StandInPowerMonitor();
    const other = new StandInPowerMonitor(); // a second mechanism reporting the same lock (like logind + powerMonitor)
    const { events, tried } = await openSessionEvents({}, {
      mechanisms: [
        { name: POWER_SOURCE_NAME, open: async () => ({ ok: true, events: powerSessionEvents(pm), detail: 'stand-in' }) },
        { name: 'second', open: async () => ({ ok: true, events: powerSessionEvents(other), detail: 'stand-in' }) },
      ],
    });
    expect(tried.map((t) => t.ok)).toEqual([true, true]);
    const seen: string[] = [];
    events.on((e) => seen.push(e.type));
    pm.emit('lock-screen');
    other.emit('lock-screen');
    pm.emit('unlock-screen');
    other.emit('suspend');
    pm.emit('suspend');
    pm.emit('resume');
    expect(seen).toEqual(['lock', 'unlock', 'suspend', 'resume']);
    await events.close();
  });
});

describe('powerMonitor idle time as an ActivitySource (stand-in powerMonitor)', () => {
  it('converts whole seconds to milliseconds and refuses nonsense', async () => {
    const pm = new StandInPowerMonitor();
    const src = powerIdleSource(pm);
    pm.idleSeconds = 42;
    expect(await src.idleMs()).toBe(42_000);
    pm.idleSeconds = -1;
    await expect(src.idleMs()).rejects.toThrow('getSystemIdleTime() returned -1');
    pm.idleSeconds = Number.NaN;
    await expect(src.idleMs()).rejects.toThrow('NaN');
  });

  it('is not trusted on Wayland (electron#27912), trusted on X11, macOS and Windows', () => {
    expect(powerIdleUsable('linux', { XDG_SESSION_TYPE: 'wayland' }).ok).toBe(false);
    expect(powerIdleUsable('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }).ok).toBe(false);
    expect(powerIdleUsable('linux', { DISPLAY: ':0', XDG_SESSION_TYPE: 'x11' }).ok).toBe(true);
    expect(powerIdleUsable('darwin', { WAYLAND_DISPLAY: 'x' }).ok).toBe(true);
    expect(powerIdleUsable('win32', {}).ok).toBe(true);
  });

  it('is a plain idle source that says it counts whole seconds, and gets the stuck-source switcher of the platform', async () => {
    const pm = new StandInPowerMonitor();
    let t = 0;
    const x11 = createScriptedIdleSource(() => 777, 'x11-xprintidle');
    const excluded: string[][] = [];
    const src = resilientIdleSource(powerIdleSource(pm), {
      now: () => t,
      detect: async (exclude) => {
        excluded.push([...exclude]);
        return x11;
      },
    });
    expect(powerIdleSource(pm).resolutionMs).toBe(1000);
    // Steady typing: whole-second readings of 0, many times over minutes, must NOT look stuck.
    for (let i = 0; i < 20; i++, t += 60_000) expect(await src.idleMs()).toBe(0);
    src.noteSessionEvent('lock');
    t += 2 * 60_000;
    expect(await src.idleMs()).toBe(0); // one zero behind the lock may be a race with the lock itself
    expect(await src.idleMs()).toBe(777);
    expect(src.name).toBe('x11-xprintidle');
    expect(excluded).toEqual([[POWER_SOURCE_NAME]]);
  });
});
