import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor } from '../helpers/desktop.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, type CliRunner } from './support/cliBundle.js';
import { integrity, query, sleep, startDaemon, stopDaemon, stopLiveDaemons, touchIdle, work, type DaemonProcess } from './support/daemonProcess.js';

/**
 * What the daemon leans on goes away mid-run: the notification daemon (dunst killed and restarted on a
 * real private D-Bus), and the idle source (its file turns to garbage, then disappears). Tracking
 * must go on, each outage is reported once, and both recover by themselves.
 */

const MINUTE_MS = 200;
const { dir, cleanup } = tempDir('sitwell-services-');
let runner: CliRunner;
let daemon: DaemonProcess | null = null;

beforeAll(async () => {
  runner = await cliRunner('services');
}, 60_000);
// A failed attempt's daemon is stopped before a CI retry starts its own.
afterEach(async () => {
  await stopLiveDaemons();
  daemon = null;
});
afterAll(() => cleanup());

const missing = missingTools(['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'dunstctl']);
if (missing.length) console.log(`notification-outage test skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

describe.skipIf(missing.length > 0)('the notification daemon disappears and comes back (real dunst on a private D-Bus)', () => {
  let desktop: Desktop;
  let notes: NotificationMonitor;
  beforeAll(async () => {
    desktop = await startDesktop();
    notes = await desktop.monitorNotifications();
  }, 60_000);
  afterAll(async () => {
    await notes?.stop();
    await desktop?.stop();
  });

  it('keeps tracking, warns once, and later prompts reach dunst again', async () => {
    // Files of this attempt only: a CI retry must not find the rows of the failed one.
    await desktop.startDunst(); // a failed attempt may have left it stopped
    const attempt = Date.now();
    const db = join(dir, `notify-${attempt}.db`);
    const idleFile = join(dir, `idle-notify-${attempt}`);
    const s = openStore(db);
    // A posture nudge every 0.4 s of sitting (up to the break prompt at 6 s): plenty of notifications.
    // Away only after 2 s without input: a loaded machine can stall this test's input loop for a second.
    s.updateSettings({ postureEveryMinutes: 2, sitLimitMinutes: 30, minBreakMinutes: 10 });
    s.close();
    touchIdle(idleFile, 999_999);
    daemon = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS, env: desktop.env, notifications: true });
    // The bundle as shipped must reach D-Bus itself, not fall back to notify-send.
    await daemon.waitFor(/tracking with idle source .*notifications via dbus-notifications/);
    const t0 = Date.now();
    const delivered = (since: number) => notes.events.slice(since).filter((e) => e.kind === 'notify' && e.summary === 'Posture check' && e.id !== undefined);

    const working = work(idleFile, 4500); // one bout across the whole outage
    await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Posture check' && e.id !== undefined, 5000);

    await desktop.stopDunst('SIGKILL');
    const goneAt = Date.now();
    const sinceGone = notes.events.length;
    await sleep(1500); // several posture prompts fall due with nobody to show them
    const warned = daemon.seenAt(/warning: cannot show a notification/);
    expect(warned, daemon.out()).not.toBeNull();
    expect(delivered(sinceGone)).toEqual([]);

    await desktop.startDunst();
    const backAt = Date.now();
    const sinceBack = notes.events.length;
    await notes.waitFor((e) => notes.events.indexOf(e) >= sinceBack && e.kind === 'notify' && e.summary === 'Posture check' && e.id !== undefined, 5000);
    const deliveredAgainMs = Date.now() - backAt;
    await daemon.waitFor(/notifications work again/, 2000);
    await working;
    await sleep(2600); // away: the bout ends

    expect(daemon.out().match(/cannot show a notification/g)).toHaveLength(1);
    expect(daemon.out().match(/started sitting bout/g), daemon.out()).toHaveLength(1);
    const bouts = query<{ duration_ms: number }>(db, 'SELECT duration_ms FROM bouts');
    expect(bouts).toHaveLength(1);
    expect(bouts[0]!.duration_ms).toBeGreaterThan(4000);
    const posture = query<{ n: number }>(db, "SELECT count(*) AS n FROM prompts WHERE kind = 'posture'")[0]!.n;
    expect(posture).toBeGreaterThanOrEqual(8); // recorded while no one could show them, too
    expect((await stopDaemon(daemon)).code).toBe(0);
    daemon = null;
    expect(integrity(db)).toBe('ok');
    console.log(
      `notification outage: warned ${warned! - goneAt} ms after dunst died (at the next prompt), once; ` +
        `delivered again ${deliveredAgainMs} ms after dunst came back; one bout of ${bouts[0]!.duration_ms} ms kept across it (${Date.now() - t0} ms run)`,
    );
  }, 60_000);
});

describe('the idle source starts failing (file idle source, real daemon)', () => {
  it('logs once, backs off, ends the bout at its last known input, and recovers when the source works again', async () => {
    const attempt = Date.now(); // this attempt's own files, as above
    const db = join(dir, `idle-${attempt}.db`);
    const idleFile = join(dir, `idle-failing-${attempt}`);
    const s = openStore(db);
    s.updateSettings({ minBreakMinutes: 5 }); // away after 1 s
    s.close();
    touchIdle(idleFile, 999_999);
    daemon = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    await daemon.waitFor(/tracking with idle source/);
    await work(idleFile, 1200);
    const lastInput = Date.now() - 40;

    writeFileSync(idleFile, 'garbage\n'); // the source now fails every reading
    const brokeAt = Date.now();
    const failedAt = await daemon.waitFor(/idle source .* failed: idle file .* must hold a whole number/, 3000);
    await sleep(1200);
    rmSync(idleFile); // a different failure within the same outage: still no second log line
    await sleep(2000);
    expect(daemon.out().match(/idle source .* failed/g)).toHaveLength(1);
    // No reading proves input, so the bout ended at its last known input, minBreak after it.
    const [bout] = query<{ end_ms: number; duration_ms: number }>(db, 'SELECT end_ms, duration_ms FROM bouts');
    expect(bout).toBeDefined();
    expect(Math.abs(bout!.end_ms - lastInput)).toBeLessThan(MINUTE_MS + 100);
    const fixedAt = Date.now();
    touchIdle(idleFile, 999_999); // readable again, the user still away
    const backAt = await daemon.waitFor(/works again/, 10_000);
    // Back-off doubles from 1 s: after ~3.5 s of failures the next reading is due within 4 s.
    expect(backAt - fixedAt).toBeLessThan(4000 + 500);
    await work(idleFile, 600);
    await sleep(1500);
    // Under a loaded CI machine an unrecorded blip (a bout under one scaled minute) can follow the recovery;
    // what must hold is the recorded history: the bout before the outage and the one after it.
    expect((daemon.out().match(/started sitting bout/g) ?? []).length, daemon.out()).toBeGreaterThanOrEqual(2);
    expect(query(db, 'SELECT count(*) AS n FROM bouts'), daemon.out()).toEqual([{ n: 2 }]);
    expect((await stopDaemon(daemon)).code).toBe(0);
    daemon = null;
    expect(integrity(db)).toBe('ok');
    console.log(
      `idle source outage: logged ${failedAt - brokeAt} ms after it broke, once; bout ended ${bout!.end_ms - lastInput} ms from its last input; ` +
        `readings resumed ${backAt - fixedAt} ms after the fix (exponential back-off, at most 60 s)`,
    );
  }, 30_000);
});
