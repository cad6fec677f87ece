import { describe, expect, it } from 'vitest';
import { openWindow } from '../helpers/busyComponents.js';
import { rows, waitFor } from '../helpers/daemonChild.js';
import { DESKTOP_TOOLS, missingTools } from '../helpers/desktop.js';
import { useDesktopDaemonSuite } from '../helpers/desktopDaemonSuite.js';

/**
 * Busy end to end (DESIGN.md §6): the headless daemon on Xvfb with a real window manager (openbox),
 * dunst and a real xmessage window that wmctrl makes fullscreen. dbus-monitor sees every Notify and
 * CloseNotification on the private session bus. A settings minute lasts one second
 * (--testing-minute-ms), so "within a minute" is within a second here.
 */

const missing = missingTools([...DESKTOP_TOOLS, 'openbox', 'wmctrl', 'xmessage', 'xprop']);
if (missing.length) console.log(`daemon busy suite skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

const BREAK_TITLE = 'Time to stand up';

describe.skipIf(missing.length > 0)('sitwell daemon holds the break prompt while a window is fullscreen (Xvfb, openbox, dunst, dbus-monitor)', () => {
  const suite = useDesktopDaemonSuite({ openbox: true });

  it('sends no Notify while fullscreen, records the prompt suppressed busy:fullscreen, shows it after fullscreen ends, and withdraws it when fullscreen begins again', async () => {
    const { desktop, notes } = suite;
    // Break at 4 s of sitting, repeats every 30 s (so only busy can explain a missing or extra one), away after 3 s.
    const { db, daemon, ours } = await suite.start({ postureEnabled: false, sitLimitMinutes: 4, snoozeMinutes: 30, minBreakMinutes: 3 });
    const win = await openWindow(desktop.env, `sitwell-presentation-${Date.now()}`);
    await win.fullscreen(true);
    suite.keepMoving();

    // Well past the sit limit while fullscreen: recorded, not sent.
    await waitFor('the held prompt in SQLite', () => rows(db, "SELECT outcome, reason FROM prompts WHERE kind = 'break'").length > 0, 20_000);
    expect(rows(db, "SELECT outcome, reason FROM prompts WHERE kind = 'break'")).toEqual([{ outcome: 'suppressed', reason: 'busy:fullscreen' }]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(ours().filter((e) => e.kind === 'notify' && e.summary === BREAK_TITLE)).toEqual([]);
    expect(daemon.out()).toContain('busy: fullscreen');

    // The window leaves fullscreen: the held prompt goes out within a (testing) minute.
    const left = Date.now();
    await win.fullscreen(false);
    // Within a minute (the bound; a testing minute is a second, so this is slack for a loaded machine).
    const brk = await notes.waitFor((e) => e.kind === 'notify' && e.summary === BREAK_TITLE && ours().includes(e), 60_000);
    expect(Date.now() - left).toBeLessThan(60_000);
    expect(rows(db, "SELECT outcome, reason FROM prompts WHERE kind = 'break' ORDER BY id").map((r) => r.outcome)).toEqual(['suppressed', 'unanswered']);

    // Fullscreen again while it is on screen: the notification is taken down (CloseNotification on the bus).
    const id = await waitFor('the notification id from the server', () => (brk.kind === 'notify' ? brk.id : undefined), 5000);
    await win.fullscreen(true);
    await notes.waitFor((e) => e.kind === 'close-notification' && e.id === id, 10_000);
    // The log line is written just after the D-Bus call; the test may read the bus before the daemon's stdout.
    await waitFor('the withdrawal in the log', () => daemon.out().includes('break prompt withdrawn from the screen: busy fullscreen'), 5000);
    expect(ours().filter((e) => e.kind === 'notify' && e.summary === BREAK_TITLE)).toHaveLength(1);
    await win.close();
  }, 120_000);
});
