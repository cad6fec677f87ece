import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDoctorReport, runDoctor } from '../../main/platform/doctor.js';
import { missingTools, startDesktop, type Desktop } from '../helpers/desktop.js';

const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(new URL('../../node_modules/.bin/tsx', import.meta.url).pathname, ['main/cli/main.ts', ...args], { env, cwd: new URL('../..', import.meta.url).pathname, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('sitwell doctor outside a desktop', () => {
  it('reports every mechanism as not available, with reasons, and the daemon as unable to run', async () => {
    const r = await runDoctor({ PATH: process.env.PATH, DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }, { platform: 'linux' });
    expect(r.ok).toBe(false);
    expect(r.idleChosen).toBeNull();
    expect(r.idle.map((p) => [p.name, p.ok])).toEqual([
      ['x11-xprintidle', false],
      ['gnome-mutter-idlemonitor', false],
      ['freedesktop-screensaver', false],
    ]);
    expect(r.session.every((p) => !p.ok)).toBe(true);
    expect(r.notifierChosen).toBe('none');
    expect(r.env.DISPLAY).toBeNull();
    expect(formatDoctorReport(r)).toContain('No idle source works');
  });
});

const missing = missingTools(['Xvfb', 'dbus-daemon', 'dunst', 'xprintidle']);
if (missing.length) console.log(`skipping doctor-on-a-desktop tests: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('sitwell doctor on a real Xvfb + D-Bus + dunst desktop', () => {
  let desktop: Desktop;
  beforeAll(async () => {
    desktop = await startDesktop();
  });
  afterAll(() => desktop?.stop());

  it('finds xprintidle and dunst, and explains the missing lock/sleep mechanisms', async () => {
    const r = await runDoctor(desktop.env, { platform: 'linux' });
    expect(r.ok).toBe(true);
    expect(r.idleChosen).toBe('x11-xprintidle');
    expect(r.idle[0]).toEqual({ name: 'x11-xprintidle', ok: true, why: expect.stringMatching(/^reads \d+ ms idle$/) });
    expect(r.idle.slice(1).map((p) => p.why)).toEqual([
      'org.gnome.Mutter.IdleMonitor is not on the session bus (not a GNOME session)',
      'org.freedesktop.ScreenSaver is not on the session bus (no KDE or other freedesktop screensaver service running)',
    ]);
    expect(r.session).toEqual([
      { name: 'logind', ok: false, why: expect.stringContaining('cannot connect to the system bus') },
      { name: 'screensaver', ok: false, why: expect.stringContaining('no screensaver service on the session bus') },
    ]);
    expect(r.notifier).toEqual([{ name: 'dbus-notifications', ok: true, why: expect.stringContaining('dunst 1.9.0') }]);
    expect(r.env).toMatchObject({ DISPLAY: desktop.display, DBUS_SESSION_BUS_ADDRESS: desktop.busAddress, WAYLAND_DISPLAY: null });
  });

  it('lists every Linux busy source with whether it works here and why (dunst yes; KDE Inhibited, XFCE, PulseAudio no)', async () => {
    const r = await runDoctor({ ...desktop.env, PULSE_SERVER: 'unix:/nonexistent/pulse' }, { platform: 'linux', busy: { apps: ['zoom'], calendarFile: '/nonexistent/work.ics' } });
    const by = Object.fromEntries(r.busy.map((p) => [p.name, p]));
    expect(r.busy.map((p) => [p.name, p.reason])).toEqual([
      ['dnd-gnome-show-banners', 'dnd'],
      ['dnd-notifications-inhibited', 'dnd'],
      ['dnd-dunst-paused', 'dnd'],
      ['dnd-xfce-xfconf', 'dnd'],
      ['fullscreen-x11', 'fullscreen'],
      ['call-pulseaudio', 'call'],
      ['call-camera-linux', 'call'],
      ['app-running', 'app'],
      ['calendar-ics', 'calendar'],
    ]);
    expect(by['dnd-dunst-paused']).toEqual({ name: 'dnd-dunst-paused', reason: 'dnd', ok: true, why: 'dunst is not paused', busy: false });
    expect(by['dnd-notifications-inhibited']!.why).toContain('has no Inhibited property');
    expect(by['dnd-xfce-xfconf']!.why).toBe('org.xfce.Xfconf is not on the session bus (not an XFCE session)');
    // Xvfb without a window manager announces no active window.
    expect(by['fullscreen-x11']).toMatchObject({ ok: false, why: expect.stringContaining('_NET_ACTIVE_WINDOW is not set') });
    expect(by['call-pulseaudio']).toMatchObject({ ok: false, why: expect.stringContaining('`pactl` failed') });
    expect(by['app-running']).toMatchObject({ ok: true, busy: false, why: 'none of zoom is running' });
    expect(by['calendar-ics']).toMatchObject({ ok: false, why: 'cannot read the calendar file /nonexistent/work.ics: it does not exist' });
    expect(formatDoctorReport(r)).toContain('  works          dnd-dunst-paused [dnd]: dunst is not paused');
  });

  it('the CLI prints the same as text and as --json, exit 0 (real `sitwell doctor` process)', async () => {
    const json = await cli(['doctor', '--json'], desktop.env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { idleChosen: string; notifier: { ok: boolean }[] };
    expect(report.idleChosen).toBe('x11-xprintidle');
    expect(report.notifier[0]!.ok).toBe(true);
    const text = await cli(['doctor'], desktop.env);
    expect(text.stdout).toMatch(/Idle time \(would use: x11-xprintidle\):\n {2}works {10}x11-xprintidle: reads \d+ ms idle/);
    expect(text.stdout).toMatch(/not available {2}logind: cannot connect to the system bus/);
  });

  it('the CLI exits 1 and says why when no idle source works', async () => {
    const env = { ...desktop.env };
    delete env.DISPLAY;
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const r = await cli(['doctor'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x11-xprintidle: DISPLAY is not set');
  });
});
