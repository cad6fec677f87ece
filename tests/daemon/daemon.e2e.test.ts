import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { rows, startDaemon, waitFor } from '../helpers/daemonChild.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor } from '../helpers/desktop.js';

/**
 * The headless daemon end to end on a real desktop: Xvfb, a private D-Bus session bus, dunst as the
 * notification daemon, xdotool for input and xprintidle for idle time. Settings "minutes" last one
 * second through the documented --testing-minute-ms option.
 */

const missing = missingTools();
if (missing.length) console.log(`daemon end-to-end suite skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

describe.skipIf(missing.length > 0)('sitwell daemon on a real X display with dunst', () => {
  let desktop: Desktop;
  let notes: NotificationMonitor;
  let dir: string;
  let db: string;
  let daemon: ReturnType<typeof startDaemon>;

  beforeAll(async () => {
    desktop = await startDesktop();
    notes = await desktop.monitorNotifications();
    dir = mkdtempSync(join(tmpdir(), 'sitwell-daemon-'));
    db = join(dir, 'sitwell.db');
    const store = openStore(db);
    // Posture every 3 s, break at 6 s, away after 2 s without input (one "minute" = 1 s).
    store.updateSettings({ postureEveryMinutes: 3, sitLimitMinutes: 6, minBreakMinutes: 2, snoozeMinutes: 3 });
    store.close();
    daemon = startDaemon(db, desktop.env);
    await waitFor('the daemon to start tracking', () => daemon.out().includes('tracking with idle source'));
  }, 60_000);

  afterAll(async () => {
    daemon?.child.kill('SIGKILL');
    await notes?.stop();
    await desktop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts a bout on real input, sends posture and break notifications to dunst, and closes the bout when input stops', async () => {
    const t0 = Date.now();
    // Only this attempt's rows: a CI retry runs against the same daemon and database.
    const boutsBefore = rows(db, 'SELECT count(*) AS n FROM bouts')[0]!.n as number;
    let x = 10;
    // Steady "work": the mouse moves every 200 ms for 8 s.
    while (Date.now() - t0 < 8000) {
      x = x === 10 ? 20 : 10;
      await desktop.xdotool('mousemove', String(x), String(x));
      await new Promise((r) => setTimeout(r, 200));
    }
    await waitFor('a bout start in the log', () => /started sitting bout/.test(daemon.out()));
    const posture = await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Posture check', 5000);
    expect(posture.kind).toBe('notify');
    const brk = await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Time to stand up', 5000);
    if (brk.kind !== 'notify') throw new Error('unreachable');
    expect(brk.actions).toEqual(expect.arrayContaining(['snooze', 'skip', 'start-stretch']));

    // No input now: after 2 "minutes" (2 s) the user is away and the bout is written to SQLite.
    const bouts = await waitFor('the bout in SQLite', () => {
      const r = rows(db, `SELECT start_ms, end_ms, duration_ms FROM bouts ORDER BY id LIMIT -1 OFFSET ${boutsBefore}`);
      return r.length ? r : null;
    }, 10_000);
    expect(bouts).toHaveLength(1);
    const duration = Number(bouts[0]!.duration_ms);
    expect(duration).toBeGreaterThan(6000);
    expect(duration).toBeLessThan(11_000);
    const prompts = rows(db, `SELECT kind, outcome FROM prompts WHERE at_ms >= ${t0} ORDER BY at_ms`);
    expect(prompts.map((p) => p.kind)).toContain('posture');
    // Unanswered prompts repeat every snooze interval; the last one ends as took-break when the user goes away.
    const breaks = prompts.filter((p) => p.kind === 'break').map((p) => p.outcome);
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.at(-1)).toBe('took-break');
    expect(breaks.slice(0, -1).every((o) => o === 'unanswered')).toBe(true);
    expect(rows(db, 'PRAGMA integrity_check')[0]).toEqual({ integrity_check: 'ok' });
  }, 40_000);

  it('refuses a second daemon on the same database with a clear message', async () => {
    const second = startDaemon(db, desktop.env);
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.out()).toMatch(/already tracking/);
  }, 20_000);

  it('closes the open bout and exits 0 on SIGTERM', async () => {
    const before = rows(db, 'SELECT count(*) AS n FROM bouts')[0]!.n as number;
    const t0 = Date.now();
    while (Date.now() - t0 < 4000) {
      await desktop.xdotool('mousemove_relative', '--', '3', '3');
      await new Promise((r) => setTimeout(r, 200));
    }
    await waitFor('a second bout', () => (daemon.out().match(/started sitting bout/g) ?? []).length >= 2);
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    const after = rows(db, 'SELECT count(*) AS n FROM bouts')[0]!.n as number;
    expect(after).toBe(before + 1);
    expect(rows(db, 'SELECT count(*) AS n FROM checkpoint')[0]!.n).toBe(0);
  }, 30_000);
});
