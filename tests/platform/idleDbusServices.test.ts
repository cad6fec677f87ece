import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectIdleSource } from '../../main/platform/detectIdle.js';
import { createFreedesktopScreenSaverIdleSource } from '../../main/platform/idleFreedesktopScreenSaver.js';
import { createMutterIdleSource } from '../../main/platform/idleMutter.js';
import { missingTools, startPrivateBus, type PrivateBus } from '../helpers/desktop.js';
import { startFakeService } from '../helpers/fakeDbusService.js';

const missing = missingTools(['dbus-daemon']);
if (missing.length) console.log(`skipping D-Bus idle source tests: missing ${missing.join(', ')}`);

const MUTTER_KEY = '/org/gnome/Mutter/IdleMonitor/Core org.gnome.Mutter.IdleMonitor.GetIdletime';
const KDE_KEY = '/org/freedesktop/ScreenSaver org.freedesktop.ScreenSaver.GetSessionIdleTime';

describe.skipIf(missing.length > 0)('D-Bus idle sources', () => {
  let dir: string;
  let bus: PrivateBus;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-idlebus-'));
    bus = await startPrivateBus(dir);
    env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
  });
  afterAll(async () => {
    await bus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads GetIdletime (uint64 ms) (stand-in GNOME Mutter service on a private bus)', async () => {
    let idle = 42_000n;
    const mutter = await startFakeService(bus.address, ['org.gnome.Mutter.IdleMonitor'], {
      [MUTTER_KEY]: () => ({ signature: 't', body: [idle] }),
    });
    const source = createMutterIdleSource(env);
    try {
      expect(await source.idleMs()).toBe(42_000);
      idle = 5n;
      expect(await source.idleMs()).toBe(5);
      expect(mutter.calls).toEqual(['org.gnome.Mutter.IdleMonitor.GetIdletime', 'org.gnome.Mutter.IdleMonitor.GetIdletime']);
      // Detection on a Wayland session picks it first.
      const { source: chosen, tried } = await detectIdleSource({ ...env, WAYLAND_DISPLAY: 'wayland-0' }, { platform: 'linux' });
      expect(chosen.name).toBe('gnome-mutter-idlemonitor');
      expect(tried).toEqual([{ name: 'gnome-mutter-idlemonitor', ok: true, why: 'reads 5 ms idle' }]);
      chosen.close?.();
    } finally {
      source.close?.();
      await mutter.stop();
    }
  });

  it('a Mutter service that vanishes mid-run makes readings fail with the reason, and works again when it returns (stand-in GNOME Mutter service on a private bus)', async () => {
    const handlers = { [MUTTER_KEY]: () => ({ signature: 't', body: [1000n] }) };
    let mutter = await startFakeService(bus.address, ['org.gnome.Mutter.IdleMonitor'], handlers);
    const source = createMutterIdleSource(env);
    try {
      expect(await source.idleMs()).toBe(1000);
      await mutter.stop();
      await expect(source.idleMs()).rejects.toThrow('org.gnome.Mutter.IdleMonitor is not on the session bus (not a GNOME session)');
      mutter = await startFakeService(bus.address, ['org.gnome.Mutter.IdleMonitor'], handlers);
      expect(await source.idleMs()).toBe(1000);
    } finally {
      source.close?.();
      await mutter.stop();
    }
  });

  it('reads GetSessionIdleTime (uint32 ms) (stand-in KDE org.freedesktop.ScreenSaver service on a private bus)', async () => {
    const kde = await startFakeService(bus.address, ['org.freedesktop.ScreenSaver'], {
      [KDE_KEY]: () => ({ signature: 'u', body: [9001] }),
    });
    const source = createFreedesktopScreenSaverIdleSource(env);
    try {
      expect(await source.idleMs()).toBe(9001);
    } finally {
      source.close?.();
      await kde.stop();
    }
  });

  it('detection rejects a ScreenSaver that answers with an error (as GNOME\'s does) and names the error (stand-in services on a private bus)', async () => {
    const gnomeLike = await startFakeService(bus.address, ['org.freedesktop.ScreenSaver'], {
      [KDE_KEY]: () => ({ error: 'org.freedesktop.DBus.Error.NotSupported', text: 'This method is not implemented' }),
    });
    try {
      const err = await detectIdleSource({ ...env, WAYLAND_DISPLAY: 'wayland-0', PATH: '/nonexistent' }, { platform: 'linux' }).catch((e: unknown) => e);
      expect((err as Error).message).toContain(
        'freedesktop-screensaver: org.freedesktop.ScreenSaver.GetSessionIdleTime failed: org.freedesktop.DBus.Error.NotSupported: This method is not implemented',
      );
    } finally {
      await gnomeLike.stop();
    }
  });

  it('refuses a nonsense reply type instead of inventing an idle time (stand-in GNOME Mutter service on a private bus)', async () => {
    const weird = await startFakeService(bus.address, ['org.gnome.Mutter.IdleMonitor'], {
      [MUTTER_KEY]: () => ({ signature: 's', body: ['soon'] }),
    });
    const source = createMutterIdleSource(env);
    try {
      await expect(source.idleMs()).rejects.toThrow('GetIdletime returned soon, not a non-negative integer');
    } finally {
      source.close?.();
      await weird.stop();
    }
  });
});
