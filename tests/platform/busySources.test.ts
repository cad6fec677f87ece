import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCameraCallSource } from '../../main/platform/busyCallCamera.js';
import { createPulseCallSource } from '../../main/platform/busyCallPulse.js';
import { createDunstPausedSource } from '../../main/platform/busyDndDunst.js';
import { createGnomeDndSource } from '../../main/platform/busyDndGnome.js';
import { createNotificationsInhibitedSource } from '../../main/platform/busyDndNotifications.js';
import { createX11FullscreenSource } from '../../main/platform/busyFullscreenX11.js';
import { createAppSource } from '../../main/platform/busyApp.js';
import { DCONF_SERVICE, openWindow, startDconf, startOpenbox, startPulse } from '../helpers/busyComponents.js';
import { missingTools, startDesktop, startPrivateBus, type Desktop } from '../helpers/desktop.js';

/** Real desktop components making the user busy, read by the real sources. */

const wmMissing = missingTools(['Xvfb', 'dbus-daemon', 'dunst', 'dunstctl', 'openbox', 'wmctrl', 'xmessage', 'xprop']);
if (wmMissing.length) console.log(`skipping fullscreen/dunst busy-source tests: missing ${wmMissing.join(', ')}`);

describe.skipIf(wmMissing.length > 0)('busy sources on a real Xvfb + openbox + dunst desktop', () => {
  let desktop: Desktop;
  let openbox: { stop(): Promise<void> };
  beforeAll(async () => {
    desktop = await startDesktop();
    openbox = await startOpenbox(desktop.env);
  });
  afterAll(async () => {
    await openbox?.stop();
    await desktop?.stop();
  });

  it('fullscreen: an xmessage window made fullscreen with wmctrl is busy, and free again when it leaves fullscreen', async () => {
    const source = createX11FullscreenSource(desktop.env);
    const win = await openWindow(desktop.env, 'sitwell-fs-test');
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'the focused window (Xmessage) is not fullscreen' });
      await win.fullscreen(true);
      await expect.poll(() => source.check().then((r) => r.busy)).toBe(true);
      expect((await source.check()).detail).toBe('the focused window (Xmessage) is fullscreen');
      await win.fullscreen(false);
      await expect.poll(() => source.check().then((r) => r.busy)).toBe(false);
    } finally {
      await win.close();
      source.close();
    }
  });

  it('app: a listed window class in front is busy (xmessage), an unlisted one is not', async () => {
    const win = await openWindow(desktop.env, 'sitwell-app-test');
    const listed = createAppSource(desktop.env, ['not-running-app', 'Sitwell-app-test'], { platform: 'linux' });
    const unlisted = createAppSource(desktop.env, ['not-running-app'], { platform: 'linux' });
    try {
      expect(await listed.check()).toEqual({ busy: true, detail: 'Sitwell-app-test is in front' });
      expect(await unlisted.check()).toEqual({ busy: false, detail: 'none of not-running-app is running' });
    } finally {
      await win.close();
    }
  });

  it('app: a listed process running is busy (this test runner is node)', async () => {
    expect(await createAppSource({}, ['NODE'], { platform: 'linux' }).check()).toEqual({ busy: true, detail: 'NODE is running' });
  });

  it('dnd: dunst paused with `dunstctl set-paused true` is busy; the PropertiesChanged signal is heard', async () => {
    const source = createDunstPausedSource(desktop.env);
    let changes = 0;
    const unwatch = await source.watch!(() => changes++);
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'dunst is not paused' });
      await desktop.dunstctl('set-paused', 'true');
      expect(await source.check()).toEqual({ busy: true, detail: 'dunst is paused' });
      await expect.poll(() => changes).toBeGreaterThan(0);
      await desktop.dunstctl('set-paused', 'false');
      expect((await source.check()).busy).toBe(false);
    } finally {
      unwatch();
      source.close();
    }
  });

  it('dnd: dunst has no Inhibited property, so that source says why it does not work here', async () => {
    const source = createNotificationsInhibitedSource(desktop.env);
    try {
      await expect(source.check()).rejects.toThrow('the notification service has no Inhibited property');
    } finally {
      source.close();
    }
  });
});

const dconfService = DCONF_SERVICE.find((p) => existsSync(p));
const dconfMissing = [...missingTools(['dbus-daemon', 'dbus-send', 'dconf']), ...(dconfService ? [] : ['dconf-service'])];
if (dconfMissing.length) console.log(`skipping GNOME dconf busy-source test: missing ${dconfMissing.join(', ')}`);

describe.skipIf(dconfMissing.length > 0)('GNOME Do Not Disturb through a real dconf-service on a private session bus', () => {
  it('`dconf write …/show-banners false` is busy, the write is heard as dconf Notify, true is free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitwell-dconf-'));
    const bus = await startPrivateBus(dir);
    const dconf = await startDconf({ ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address }, dir, dconfService!);
    const source = createGnomeDndSource(dconf.env);
    let changes = 0;
    const unwatch = await source.watch!(() => changes++);
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'show-banners was never set (banners are shown)' });
      await dconf.write('/org/gnome/desktop/notifications/show-banners', 'false');
      expect(await source.check()).toEqual({ busy: true, detail: 'show-banners is false' });
      await expect.poll(() => changes).toBe(1);
      await dconf.write('/org/gnome/desktop/other-key', '1');
      await dconf.write('/org/gnome/desktop/notifications/show-banners', 'true');
      expect(await source.check()).toEqual({ busy: false, detail: 'show-banners is true' });
      await expect.poll(() => changes).toBe(2);
    } finally {
      unwatch();
      source.close();
      await dconf.stop();
      await bus.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const pulseMissing = missingTools(['pulseaudio', 'pactl', 'parecord']);
if (pulseMissing.length) console.log(`skipping PulseAudio call test: missing ${pulseMissing.join(', ')}`);

describe.skipIf(pulseMissing.length > 0)('call on a real PulseAudio server (null sink and null source)', () => {
  let dir: string;
  let pulse: Awaited<ReturnType<typeof startPulse>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-pulse-'));
    pulse = await startPulse(dir);
  });
  afterAll(async () => {
    await pulse?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parecord from the microphone is a call; stopped, free; recording the speakers (a .monitor) is not a call', async () => {
    const source = createPulseCallSource(pulse.env);
    expect(await source.check()).toEqual({ busy: false, detail: 'nothing is recording' });
    const rec = await pulse.record('source.null');
    expect(await source.check()).toEqual({ busy: true, detail: 'parecord is recording from source.null' });
    await rec.stop();
    await expect.poll(() => source.check().then((r) => r.busy)).toBe(false);
    const monitor = await pulse.record('null.monitor');
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'only monitor streams are recording' });
    } finally {
      await monitor.stop();
    }
  });
});

describe('call: an open /dev/video* in /proc', () => {
  it('no camera is open on this machine (real /proc scan)', async () => {
    expect(await createCameraCallSource().check()).toEqual({ busy: false, detail: 'no camera is open' });
  });
});
