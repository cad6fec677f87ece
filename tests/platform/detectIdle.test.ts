import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectIdleSource, idleCandidates, NoIdleSourceError } from '../../main/platform/detectIdle.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { startDesktop, missingTools, type Desktop } from '../helpers/desktop.js';

describe('idle source detection', () => {
  it('rejects a source that errors, with its reason, and takes the next one', async () => {
    const closed: string[] = [];
    const broken = { ...createScriptedIdleSource(() => Promise.reject(new Error('compositor said no')), 'broken'), close: () => void closed.push('broken') };
    const good = createScriptedIdleSource(() => 1234, 'good');
    const later = { ...createScriptedIdleSource(() => 1, 'later'), close: () => void closed.push('later') };
    const { source, tried } = await detectIdleSource({}, { candidates: [broken, good, later] });
    expect(source.name).toBe('good');
    expect(tried).toEqual([
      { name: 'broken', ok: false, why: 'compositor said no' },
      { name: 'good', ok: true, why: 'reads 1234 ms idle' },
    ]);
    expect(closed).toEqual(['broken', 'later']);
  });

  it('rejects a source that hangs past the probe timeout', async () => {
    const hangs = createScriptedIdleSource(() => new Promise<number>(() => {}), 'hangs');
    const err = await detectIdleSource({}, { candidates: [hangs], probeTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoIdleSourceError);
    expect((err as NoIdleSourceError).tried).toEqual([{ name: 'hangs', ok: false, why: 'no reading within 100 ms' }]);
  });

  it('skips excluded sources (one the ZeroIdleGuard found stuck)', async () => {
    const a = createScriptedIdleSource(() => 0, 'a');
    const b = createScriptedIdleSource(() => 7, 'b');
    expect((await detectIdleSource({}, { candidates: [a, b], exclude: ['a'] })).source.name).toBe('b');
  });

  it('orders candidates per platform: compositor D-Bus first on Wayland, xprintidle first on X11', () => {
    const names = (env: NodeJS.ProcessEnv, p: NodeJS.Platform) => idleCandidates(env, p).map((s) => s.name);
    expect(names({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual(['gnome-mutter-idlemonitor', 'freedesktop-screensaver', 'x11-xprintidle']);
    expect(names({ DISPLAY: ':0' }, 'linux')).toEqual(['x11-xprintidle', 'gnome-mutter-idlemonitor', 'freedesktop-screensaver']);
    expect(names({}, 'darwin')).toEqual(['macos-ioreg']);
    expect(names({}, 'win32')).toEqual(['windows-getlastinputinfo']);
  });

  it('outside any graphical session: NoIdleSourceError names every mechanism, why it failed and how to fix it', async () => {
    // A real probe of the real mechanisms with no DISPLAY and no session bus.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const err = await detectIdleSource(env, { platform: 'linux' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoIdleSourceError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/x11-xprintidle: DISPLAY is not set/);
    expect(msg).toMatch(/gnome-mutter-idlemonitor: no session bus: DBUS_SESSION_BUS_ADDRESS is not set/);
    expect(msg).toMatch(/freedesktop-screensaver: no session bus/);
    expect(msg).toMatch(/How to fix:\n {2}- run Sitwell inside your graphical session/);
  });

  it('with xprintidle missing from PATH, the message says to install it', async () => {
    const err = await detectIdleSource({ DISPLAY: ':99', PATH: '/nonexistent' }, { platform: 'linux' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/`xprintidle` is not installed.*\n[\s\S]*install xprintidle \(Debian\/Ubuntu: sudo apt install xprintidle\)/);
  });
});

const missing = missingTools(['Xvfb', 'dbus-daemon', 'xprintidle', 'xdotool']);
if (missing.length) console.log(`skipping real X11 idle tests: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('X11 idle time via xprintidle (real Xvfb)', () => {
  let desktop: Desktop;
  beforeAll(async () => {
    desktop = await startDesktop({ dunst: false });
  });
  afterAll(() => desktop?.stop());

  it('detection picks xprintidle on an X11 desktop and records why the D-Bus ones failed', async () => {
    const { source, tried } = await detectIdleSource(desktop.env, { platform: 'linux' });
    expect(source.name).toBe('x11-xprintidle');
    expect(tried).toEqual([{ name: 'x11-xprintidle', ok: true, why: expect.stringMatching(/^reads \d+ ms idle$/) }]);
    source.close?.();
    // Force the D-Bus candidates first to see their reasons on a bus where GNOME/KDE are absent.
    const dbusOnly = idleCandidates({ ...desktop.env, WAYLAND_DISPLAY: 'wayland-0' }, 'linux').slice(0, 2);
    const err = (await detectIdleSource(desktop.env, { candidates: dbusOnly }).catch((e: unknown) => e)) as NoIdleSourceError;
    expect(err.tried.map((t) => t.why)).toEqual([
      'org.gnome.Mutter.IdleMonitor is not on the session bus (not a GNOME session)',
      'org.freedesktop.ScreenSaver is not on the session bus (no KDE or other freedesktop screensaver service running)',
    ]);
  });

  it('reads a real idle time that grows, and resets after xdotool mousemove', async () => {
    const { source } = await detectIdleSource(desktop.env, { platform: 'linux' });
    await desktop.xdotool('mousemove', '10', '10');
    const a = await source.idleMs();
    await new Promise((r) => setTimeout(r, 1200));
    const b = await source.idleMs();
    expect(b - a).toBeGreaterThanOrEqual(1000);
    await desktop.xdotool('mousemove', '200', '150');
    const c = await source.idleMs();
    expect(c).toBeLessThan(500);
    expect(c).toBeLessThan(b);
  });
});
