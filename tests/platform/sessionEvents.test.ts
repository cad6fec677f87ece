import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Variant } from '@particle/dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionEvents } from '../../main/platform/sessionEvents.js';
import { openLogindEvents } from '../../main/platform/sessionLogind.js';
import { openScreenSaverEvents } from '../../main/platform/sessionScreenSaver.js';
import type { SessionEvent } from '../../main/platform/types.js';
import { missingTools, startPrivateBus, type PrivateBus } from '../helpers/desktop.js';
import { startFakeService, type FakeService } from '../helpers/fakeDbusService.js';

const SESSION_PATH = '/org/freedesktop/login1/session/_37';

const waitFor = async (events: SessionEvent[], n: number) => {
  const deadline = Date.now() + 3000;
  while (events.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return events.map((e) => `${e.type}:${e.source}`);
};

describe('logind where there is no system bus', () => {
  it('says it is not available, and why, instead of throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitwell-nobus-'));
    try {
      const r = await openLogindEvents({ DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${join(dir, 'none')}` });
      expect(r).toEqual({ ok: false, why: expect.stringMatching(/^cannot connect to the system bus at unix:path=.*none: connect ENOENT/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the combiner still returns a (silent) event stream and reports each mechanism', async () => {
    const { events, tried } = await openSessionEvents({ DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }, { platform: 'linux' });
    expect(tried).toEqual([
      { name: 'logind', ok: false, why: expect.stringContaining('cannot connect to the system bus') },
      { name: 'screensaver', ok: false, why: expect.stringContaining('no session bus') },
    ]);
    expect(typeof events.on(() => {})).toBe('function');
    await events.close();
  });

  it('on macOS/Windows it says the headless daemon has no lock/sleep mechanism', async () => {
    const { tried } = await openSessionEvents({}, { platform: 'darwin' });
    expect(tried[0]).toMatchObject({ ok: false, why: expect.stringContaining('no headless lock/sleep mechanism on darwin') });
  });
});

const missing = missingTools(['dbus-daemon']);
if (missing.length) console.log(`skipping logind/screensaver bus tests: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('logind and screensaver events on private buses', () => {
  let dir: string;
  let system: PrivateBus;
  let session: PrivateBus;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-session-'));
    system = await startPrivateBus(dir, 'system');
    session = await startPrivateBus(dir, 'session');
    env = { DBUS_SYSTEM_BUS_ADDRESS: system.address, DBUS_SESSION_BUS_ADDRESS: session.address };
  });
  afterAll(async () => {
    await system?.stop();
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a system bus without logind: the result says logind is not on it', async () => {
    const r = await openLogindEvents(env);
    expect(r).toEqual({ ok: false, why: `org.freedesktop.login1 (systemd-logind) is not on the system bus at ${system.address}` });
  });

  describe('with a stand-in logind (stand-in systemd-logind on a private system bus)', () => {
    let logind: FakeService;
    const seenCalls: string[] = [];
    beforeAll(async () => {
      logind = await startFakeService(system.address, ['org.freedesktop.login1'], {
        '/org/freedesktop/login1 org.freedesktop.login1.Manager.GetSession': (body) => {
          seenCalls.push(`GetSession(${String(body[0])})`);
          return body[0] === '37' ? { signature: 'o', body: [SESSION_PATH] } : { error: 'org.freedesktop.login1.NoSuchSession', text: `No session '${String(body[0])}' known` };
        },
        '/org/freedesktop/login1 org.freedesktop.login1.Manager.GetSessionByPID': (body) => {
          seenCalls.push(`GetSessionByPID(${String(body[0])})`);
          return { error: 'org.freedesktop.login1.NoSessionForPID', text: `PID ${String(body[0])} does not belong to any known session` };
        },
        '/org/freedesktop/login1 org.freedesktop.login1.Manager.GetUser': () => ({ signature: 'o', body: ['/org/freedesktop/login1/user/_1000'] }),
        '/org/freedesktop/login1/user/_1000 org.freedesktop.DBus.Properties.Get': () => ({
          signature: 'v',
          body: [new Variant('(so)', ['37', SESSION_PATH])],
        }),
      });
    });
    afterAll(() => logind?.stop());

    it('finds the session by XDG_SESSION_ID and turns Lock/Unlock, PrepareForSleep and PrepareForShutdown into events', async () => {
      const r = await openLogindEvents({ ...env, XDG_SESSION_ID: '37' });
      if (!r.ok) throw new Error(r.why);
      expect(r.detail).toBe(`session ${SESSION_PATH} (XDG_SESSION_ID=37) on ${system.address}`);
      const events: SessionEvent[] = [];
      r.events.on((e) => events.push(e));
      logind.emit(SESSION_PATH, 'org.freedesktop.login1.Session', 'Lock');
      logind.emit('/org/freedesktop/login1/session/_99', 'org.freedesktop.login1.Session', 'Lock'); // someone else's session
      logind.emit(SESSION_PATH, 'org.freedesktop.login1.Session', 'Unlock');
      logind.emit('/org/freedesktop/login1', 'org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [true]);
      logind.emit('/org/freedesktop/login1', 'org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [false]);
      logind.emit(SESSION_PATH, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [
        'org.freedesktop.login1.Session',
        { LockedHint: new Variant('b', true) },
        [],
      ]);
      logind.emit('/org/freedesktop/login1', 'org.freedesktop.login1.Manager', 'PrepareForShutdown', 'b', [true]);
      expect(await waitFor(events, 6)).toEqual(['lock:logind', 'unlock:logind', 'suspend:logind', 'resume:logind', 'lock:logind', 'shutdown:logind']);
      await r.events.close();
    });

    it('without XDG_SESSION_ID or a session for our PID, uses the user\'s display session', async () => {
      seenCalls.length = 0;
      const r = await openLogindEvents(env, { uid: 1000 });
      if (!r.ok) throw new Error(r.why);
      expect(seenCalls).toEqual([`GetSessionByPID(${process.pid})`]);
      expect(r.detail).toContain(`session ${SESSION_PATH} (display session of uid 1000)`);
      await r.events.close();
    });

    it('the combiner merges logind and the screensaver and drops repeats of the current state (stand-in GNOME ScreenSaver on a private session bus)', async () => {
      const gnome = await startFakeService(session.address, ['org.gnome.ScreenSaver'], {});
      try {
        const { events, tried } = await openSessionEvents({ ...env, XDG_SESSION_ID: '37' }, { platform: 'linux' });
        expect(tried).toEqual([
          { name: 'logind', ok: true, why: expect.stringContaining(SESSION_PATH) },
          { name: 'screensaver', ok: true, why: 'ActiveChanged from org.gnome.ScreenSaver' },
        ]);
        const seen: SessionEvent[] = [];
        events.on((e) => seen.push(e));
        gnome.emit('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', 'b', [true]);
        await waitFor(seen, 1);
        logind.emit(SESSION_PATH, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [
          'org.freedesktop.login1.Session',
          { LockedHint: new Variant('b', true) },
          [],
        ]); // same lock, seen a second way: dropped
        // Two buses give no ordering between them, so let each step land before the next.
        await new Promise((r) => setTimeout(r, 100));
        gnome.emit('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', 'b', [false]);
        await waitFor(seen, 2);
        logind.emit(SESSION_PATH, 'org.freedesktop.login1.Session', 'Unlock'); // dropped
        logind.emit('/org/freedesktop/login1', 'org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [true]);
        expect(await waitFor(seen, 3)).toEqual(['lock:screensaver', 'unlock:screensaver', 'suspend:logind']);
        await new Promise((r) => setTimeout(r, 100));
        expect(seen).toHaveLength(3);
        await events.close();
      } finally {
        await gnome.stop();
      }
    });
  });

  it('screensaver: not available when no screensaver service is on the session bus', async () => {
    const r = await openScreenSaverEvents(env);
    expect(r).toEqual({ ok: false, why: expect.stringMatching(/^no screensaver service on the session bus \(looked for org\.freedesktop\.ScreenSaver, org\.gnome\.ScreenSaver/) });
  });

  it('screensaver: ActiveChanged true/false become lock/unlock (stand-in KDE org.freedesktop.ScreenSaver on a private session bus)', async () => {
    const kde = await startFakeService(session.address, ['org.freedesktop.ScreenSaver'], {});
    try {
      const r = await openScreenSaverEvents(env);
      if (!r.ok) throw new Error(r.why);
      const seen: SessionEvent[] = [];
      r.events.on((e) => seen.push(e));
      kde.emit('/ScreenSaver', 'org.freedesktop.ScreenSaver', 'ActiveChanged', 'b', [true]);
      kde.emit('/ScreenSaver', 'org.freedesktop.ScreenSaver', 'ActiveChanged', 'b', [false]);
      expect(await waitFor(seen, 2)).toEqual(['lock:screensaver', 'unlock:screensaver']);
      await r.events.close();
    } finally {
      await kde.stop();
    }
  });
});
