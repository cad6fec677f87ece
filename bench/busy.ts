import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyChoiceOf, createBusyWatcher } from '../main/app/busyWatcher.js';
import { busyCandidates } from '../main/platform/busySources.js';
import { DEFAULT_SETTINGS } from '../shared/settings.js';
import { startOpenbox, startPulse } from '../tests/helpers/busyComponents.js';
import { missingTools, startDesktop } from '../tests/helpers/desktop.js';

/**
 * How long one busy check takes (DESIGN.md §6): the tracker's own watcher reading every Linux source
 * at once (GNOME, Inhibited, dunst and XFCE Do Not Disturb, X11 fullscreen, PulseAudio and camera
 * calls, the app list, a calendar file) on a real desktop: Xvfb, a private session bus, dunst,
 * openbox and PulseAudio. Median of 40 checks after 5 to warm up.
 */
export async function benchBusyCheck(): Promise<{ skipped: string } | { medianMs: number; p90Ms: number; sources: number; notAnswering: number }> {
  const missing = missingTools(['Xvfb', 'dbus-daemon', 'dunst', 'openbox', 'wmctrl', 'pulseaudio', 'pactl']);
  if (missing.length) return { skipped: `missing ${missing.join(', ')} (scripts/system-deps.sh installs them)` };
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-busy-'));
  const desktop = await startDesktop();
  const openbox = await startOpenbox(desktop.env);
  const pulse = await startPulse(dir);
  try {
    const ics = join(dir, 'work.ics');
    writeFileSync(ics, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN', 'BEGIN:VEVENT', 'UID:standup@bench', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260105T090000Z', 'DTEND:20260105T091500Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Stand-up', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const settings = { ...DEFAULT_SETTINGS, busyDnd: true, busyFullscreen: true, busyCall: true, busyApp: true, busyApps: ['zoom', 'obs'], busyCalendar: true, busyCalendarFile: ics };
    const env = { ...desktop.env, PULSE_RUNTIME_PATH: pulse.env.PULSE_RUNTIME_PATH };
    const zone = () => 'Europe/Berlin';
    const sources = busyCandidates(env, busyChoiceOf(settings, zone));
    const names = sources.map((s) => s.name);
    for (const s of sources) s.close();
    const failing: string[] = [];
    const watcher = createBusyWatcher({ env, settings: () => settings, zone, log: (l) => failing.push(l) });
    const times: number[] = [];
    for (let i = 0; i < 45; i++) {
      const t0 = performance.now();
      await watcher.read();
      if (i >= 5) times.push(performance.now() - t0);
    }
    watcher.close();
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))]! * 10) / 10;
    return { medianMs: at(0.5), p90Ms: at(0.9), sources: names.length, notAnswering: failing.length };
  } finally {
    await pulse.stop();
    await openbox.stop();
    await desktop.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
