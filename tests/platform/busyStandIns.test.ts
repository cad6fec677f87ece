import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Variant } from '@particle/dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstListedApp, parsePsComm, parseTasklistCsv } from '../../main/platform/busyApp.js';
import { callFromStreams, parseShortSources, parseSourceOutputs } from '../../main/platform/busyCallPulse.js';
import { callFromConsentStore } from '../../main/platform/busyCallWindows.js';
import { createNotificationsInhibitedSource } from '../../main/platform/busyDndNotifications.js';
import { parseShowBanners } from '../../main/platform/busyDndGnome.js';
import { parseFocusAssertions } from '../../main/platform/busyDndMacFocus.js';
import { createXfceDndSource } from '../../main/platform/busyDndXfce.js';
import { parseFrontmostFullscreen } from '../../main/platform/busyFullscreenMac.js';
import { parseShellState, shellStateReading } from '../../main/platform/busyWindowsShellState.js';
import { parseActiveWindowId, parseWindowProps } from '../../main/platform/x11ActiveWindow.js';
import { missingTools, startPrivateBus, type PrivateBus } from '../helpers/desktop.js';
import { startFakeService } from '../helpers/fakeDbusService.js';

/**
 * Busy mechanisms that cannot run here (KDE Plasma, xfconfd, macOS, Windows): stand-in D-Bus services on a
 * real private bus, and the parsers on outputs recorded from the real tools.
 */

const missing = missingTools(['dbus-daemon']);
if (missing.length) console.log(`skipping stand-in D-Bus busy-source tests: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('busy sources over D-Bus (stand-in services on a private bus)', () => {
  let dir: string;
  let bus: PrivateBus;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-busybus-'));
    bus = await startPrivateBus(dir);
  });
  afterAll(async () => {
    await bus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dnd: KDE Plasma Inhibited true is busy, PropertiesChanged is heard (stand-in KDE notification service)', async () => {
    let inhibited = false;
    const kde = await startFakeService(bus.address, ['org.freedesktop.Notifications'], {
      '/org/freedesktop/Notifications org.freedesktop.DBus.Properties.Get': ([iface, prop]) =>
        iface === 'org.freedesktop.Notifications' && prop === 'Inhibited'
          ? { signature: 'v', body: [new Variant('b', inhibited)] }
          : { error: 'org.freedesktop.DBus.Error.UnknownProperty', text: 'no such property' },
    });
    const source = createNotificationsInhibitedSource({ DBUS_SESSION_BUS_ADDRESS: bus.address });
    let changes = 0;
    const unwatch = await source.watch!(() => changes++);
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'notifications are not inhibited' });
      inhibited = true;
      kde.emit('/org/freedesktop/Notifications', 'org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [
        'org.freedesktop.Notifications',
        { Inhibited: new Variant('b', true) },
        [],
      ]);
      await expect.poll(() => changes).toBe(1);
      expect(await source.check()).toEqual({ busy: true, detail: 'notifications are inhibited' });
    } finally {
      unwatch();
      source.close();
      await kde.stop();
    }
    await expect(source.check()).rejects.toThrow('was closed');
  });

  it('dnd: XFCE xfconf /do-not-disturb, unset and then true (stand-in xfconfd)', async () => {
    let value: boolean | null = null;
    const xfconf = await startFakeService(bus.address, ['org.xfce.Xfconf'], {
      '/org/xfce/Xfconf org.xfce.Xfconf.GetProperty': ([channel, prop]) =>
        channel === 'xfce4-notifyd' && prop === '/do-not-disturb' && value !== null
          ? { signature: 'v', body: [new Variant('b', value)] }
          : { error: 'org.xfce.Xfconf.Error.PropertyNotFound', text: `Property "${String(prop)}" does not exist on channel "${String(channel)}"` },
    });
    const source = createXfceDndSource({ DBUS_SESSION_BUS_ADDRESS: bus.address });
    try {
      expect(await source.check()).toEqual({ busy: false, detail: 'xfce4-notifyd do-not-disturb was never set' });
      value = true;
      expect(await source.check()).toEqual({ busy: true, detail: 'xfce4-notifyd do-not-disturb is on' });
    } finally {
      source.close();
      await xfconf.stop();
    }
  });

  it('a D-Bus source whose service is not on the bus says so (no xfconfd, real private bus)', async () => {
    const source = createXfceDndSource({ DBUS_SESSION_BUS_ADDRESS: bus.address });
    try {
      await expect(source.check()).rejects.toThrow('org.xfce.Xfconf is not on the session bus (not an XFCE session)');
    } finally {
      source.close();
    }
  });
});

describe('busy parsers on recorded outputs', () => {
  it('dconf read show-banners', () => {
    expect(parseShowBanners('false\n')).toEqual({ busy: true, detail: 'show-banners is false' });
    expect(parseShowBanners('')).toEqual({ busy: false, detail: 'show-banners was never set (banners are shown)' });
    expect(() => parseShowBanners("'yes'")).toThrow('not true or false');
  });

  it('xprop: active window id and its state', () => {
    expect(parseActiveWindowId('_NET_ACTIVE_WINDOW: window id # 0x600007\n')).toBe('0x600007');
    expect(parseActiveWindowId('_NET_ACTIVE_WINDOW(WINDOW): window id # 0x0\n')).toBeNull();
    expect(() => parseActiveWindowId('_NET_ACTIVE_WINDOW:  not found.\n')).toThrow('not an EWMH window manager');
    expect(parseWindowProps('0x1', '_NET_WM_STATE = _NET_WM_STATE_FOCUSED, _NET_WM_STATE_FULLSCREEN\nWM_CLASS = "zoom", "zoom "\n')).toEqual({
      id: '0x1',
      fullscreen: true,
      classes: ['zoom', 'zoom '],
    });
    expect(parseWindowProps('0x1', '_NET_WM_STATE:  not found.\nWM_CLASS = "a", "B"\n').fullscreen).toBe(false);
  });

  it('pactl: a browser on a microphone is a call; pavucontrol peak meters and monitor recordings are not', () => {
    const outputs = `Source Output #7
	Driver: protocol-native.c
	Source: 2
	Corked: no
	Properties:
		media.name = "Peak detect"
		application.name = "PulseAudio Volume Control"
Source Output #9
	Driver: protocol-native.c
	Source: 1
	Properties:
		media.name = "RecordStream"
		application.name = "OBS"
Source Output #12
	Driver: PipeWire
	Source: 2
	Properties:
		media.name = "RecordStream"
		application.name = "Firefox"
		application.process.binary = "firefox"
`;
    const sources = '1\talsa_output.pci-0000_00_1f.3.analog-stereo.monitor\tPipeWire\ts32le 2ch 48000Hz\tRUNNING\n2\talsa_input.pci-0000_00_1f.3.analog-stereo\tPipeWire\ts32le 2ch 48000Hz\tRUNNING\n';
    const parsed = parseSourceOutputs(outputs);
    expect(parsed.map((o) => [o.index, o.source])).toEqual([[7, 2], [9, 1], [12, 2]]);
    expect(callFromStreams(parsed, parseShortSources(sources))).toEqual({ busy: true, detail: 'Firefox is recording from alsa_input.pci-0000_00_1f.3.analog-stereo' });
    expect(callFromStreams(parsed.slice(0, 2), parseShortSources(sources))).toEqual({ busy: false, detail: 'only monitor streams are recording' });
  });

  it('app names: Linux comm is cut at 15 bytes, Windows names end in .exe, case does not matter', () => {
    expect(firstListedApp(['zoom'], ['bash', 'ZoomWebviewHost', 'zoom'])).toBe('zoom');
    expect(firstListedApp(['Microsoft Teams Classic'], ['microsoft teams'])).toBe('Microsoft Teams Classic');
    expect(firstListedApp(['obs'], parseTasklistCsv('"System Idle Process","0","Services","0","8 K"\r\n"obs64.exe","4242","Console","1","300,000 K"\r\n"OBS.exe","1","Console","1","1 K"\r\n'))).toBe('obs');
    expect(parsePsComm('/System/Applications/Music.app/Contents/MacOS/Music\n/Applications/zoom.us.app/Contents/MacOS/zoom.us\n')).toEqual(['Music', 'zoom.us']);
  });

  it('macOS Focus: Assertions.json with and without a record (stand-in: recorded on macOS 14)', () => {
    const on = JSON.stringify({
      data: [{ storeAssertionRecords: [{ assertionDetails: { assertionDetailsModeIdentifier: 'com.apple.donotdisturb.mode.default' }, assertionStartDateTimestamp: 7.2e8 }] }],
      header: { timestamp: 7.2e8 },
    });
    expect(parseFocusAssertions(on)).toEqual({ busy: true, detail: 'Focus is on (com.apple.donotdisturb.mode.default)' });
    expect(parseFocusAssertions('{"data":[{}],"header":{}}')).toEqual({ busy: false, detail: 'no Focus is on' });
    expect(() => parseFocusAssertions('<plist/>')).toThrow('not JSON');
  });

  it('macOS fullscreen: osascript frontmost window AXFullScreen (stand-in: recorded output)', () => {
    expect(parseFrontmostFullscreen('Keynote, true\n')).toEqual({ busy: true, detail: 'Keynote is fullscreen' });
    expect(parseFrontmostFullscreen('Safari, false\n')).toEqual({ busy: false, detail: 'Safari is not fullscreen' });
    expect(() => parseFrontmostFullscreen('execution error')).toThrow('not "app, true|false"');
  });

  it('Windows Focus Assist and SHQueryUserNotificationState (stand-in: recorded PowerShell output)', () => {
    const presenting = parseShellState('quns=4\r\nfocus-assist=0\r\n');
    expect(shellStateReading('fullscreen', presenting)).toEqual({ busy: true, detail: 'presentation mode is on' });
    expect(shellStateReading('dnd', presenting)).toEqual({ busy: false, detail: 'Focus Assist is off' });
    const priority = parseShellState('quns=5\r\nfocus-assist=1\r\n');
    expect(shellStateReading('dnd', priority)).toEqual({ busy: true, detail: 'Focus Assist is on (priority only)' });
    expect(shellStateReading('fullscreen', priority)).toEqual({ busy: false, detail: 'notifications are accepted' });
    expect(() => shellStateReading('dnd', parseShellState('quns=5\nfocus-assist=-1\n'))).toThrow('could not be read');
    expect(() => parseShellState('Add-Type : error')).toThrow('shell-state script printed');
  });

  it('Windows capability access: LastUsedTimeStop 0 is in use now (stand-in: recorded `reg query` output)', () => {
    const mic = `
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone\\Microsoft.WindowsSoundRecorder_8wekyb3d8bbwe
    LastUsedTimeStop    REG_QWORD    0x1d9c2e4f5a6b7c8

HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe
    LastUsedTimeStop    REG_QWORD    0x0

End of search: 2 match(es) found.
`;
    expect(callFromConsentStore(mic, '')).toEqual({ busy: true, detail: 'C:\\Program Files\\Zoom\\bin\\Zoom.exe uses the microphone' });
    expect(callFromConsentStore(mic.replace('0x0\n', '0x1d9c2e4f5a6b7d0\n'), '')).toEqual({ busy: false, detail: 'no app uses the microphone or camera' });
  });
});
