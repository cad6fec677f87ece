import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Monitor } from '../../main/app/monitor.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { openStore } from '../../main/store/index.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor } from '../helpers/desktop.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, type CliRunner } from './support/cliBundle.js';
import { fingerprint, integrity, query, quietEnv, sleep, startDaemon, stopDaemon, stopLiveDaemons, work as workFor, type DaemonProcess } from './support/daemonProcess.js';
import { RecordingNotifier, VirtualClock, VirtualTime } from '../helpers/virtualTime.js';

/**
 * A full disk under a running daemon, on a real (tiny) file system: a 4 MB tmpfs mounted for the
 * test. Tracking goes on in memory, the user is told once (a log line and a desktop notification
 * through dunst), the stored history is not damaged, and the bouts land once space returns.
 */

const MINUTE_MS = 200;

/** Mounting needs root (or CAP_SYS_ADMIN); try it once, for real. */
function mountProblem(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  const { dir, cleanup } = tempDir('sitwell-mountprobe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `cannot mount a tmpfs here (${((e as { stderr?: Buffer }).stderr?.toString() || (e as Error).message).trim()})`;
  } finally {
    cleanup();
  }
}

const cannotMount = mountProblem();
if (cannotMount) console.log(`disk-full suite skipped: ${cannotMount}`);
const noDesktop = missingTools(['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst']);
if (!cannotMount && noDesktop.length) console.log(`disk-full suite: the notification check is skipped (missing ${noDesktop.join(', ')}); the log line is still checked`);

/** Fills the file system holding `file` to the last byte; returns the bytes written. */
function fill(file: string): number {
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    for (let chunk = 1 << 20; chunk >= 512; ) {
      try {
        total += writeSync(fd, Buffer.alloc(chunk, 0xa5));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        chunk >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

describe.skipIf(cannotMount !== null)('disk full under a running daemon (real tmpfs, real SQLite, real dunst)', () => {
  const { dir, cleanup } = tempDir('sitwell-diskfull-');
  const mnt = join(dir, 'mnt');
  const db = join(mnt, 'sitwell.db');
  const filler = join(mnt, 'filler');
  const idleFile = join(dir, 'idle'); // outside the full file system: the test's input must keep working
  let runner: CliRunner;
  let desktop: Desktop | null = null;
  let notes: NotificationMonitor | null = null;
  let daemon: DaemonProcess | null = null;
  let mounted = false;

  beforeAll(async () => {
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
    mounted = true;
    runner = await cliRunner('diskfull');
    if (!noDesktop.length) {
      desktop = await startDesktop();
      notes = await desktop.monitorNotifications();
    }
  }, 60_000);

  // Before the file system is unmounted (afterAll): a failed test's daemon still has the history open on it.
  afterEach(stopLiveDaemons);
  afterAll(async () => {
    await notes?.stop();
    await desktop?.stop();
    if (mounted) execFileSync('umount', [mnt]);
    cleanup();
  });

  const work = (ms: number) => workFor(idleFile, ms);
  const bouts = () => query<{ n: number }>(db, 'SELECT count(*) AS n FROM bouts')[0]!.n;

  it('keeps tracking in memory, tells the user once, damages nothing, and saves everything when space returns', async () => {
    // A history worth protecting: 200 earlier bouts.
    const s = openStore(db);
    s.updateSettings({ minBreakMinutes: 2 }); // away after 400 ms without input
    const day = Date.UTC(2026, 0, 5, 8);
    s.transaction(() => {
      for (let i = 0; i < 200; i++) s.addBout({ start: day + i * 3_600_000, end: day + i * 3_600_000 + 1_200_000, durationMs: 1_200_000, zone: 'Europe/Berlin' });
    });
    s.close();
    const before = fingerprint(db);
    const oldRows = query(db, 'SELECT * FROM bouts ORDER BY id');
    writeFileSync(idleFile, '999999');

    daemon = startDaemon(runner, {
      db,
      idleFile,
      minuteMs: MINUTE_MS,
      env: desktop ? desktop.env : quietEnv(dir),
      notifications: desktop !== null,
    });
    await daemon.waitFor(/tracking with idle source/);
    await work(600);
    await sleep(700);
    expect(bouts()).toBe(201); // a healthy write, to start from

    const filled = fill(filler);
    const fullAt = Date.now();
    // Three bouts while nothing can be written (the first writes after the fill find the disk full).
    for (let k = 0; k < 3; k++) {
      await work(600);
      await sleep(700);
    }
    const detectedMs = (await daemon.waitFor(/cannot write to .* \(the disk is full\)/, 5000)) - fullAt;
    expect(daemon.out().match(/cannot write to/g)).toHaveLength(1);
    expect(daemon.out()).toMatch(/bout ended: .* min/);
    // Stored history untouched and intact while the disk is full; the new bouts wait in memory.
    expect(integrity(db)).toBe('ok');
    expect(bouts()).toBe(201);
    expect(query(db, 'SELECT * FROM bouts ORDER BY id LIMIT 200')).toEqual(oldRows);
    let told = 0;
    if (notes) {
      await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Sitwell cannot save your history', 5000);
      told = notes.events.filter((e) => e.kind === 'notify' && e.summary === 'Sitwell cannot save your history').length;
      expect(told).toBe(1);
    }
    // Still tracking: a fourth bout starts and is seen while the disk is full.
    const startedBefore = (daemon.out().match(/started sitting bout/g) ?? []).length;
    await work(400);
    expect((daemon.out().match(/started sitting bout/g) ?? []).length).toBe(startedBefore + 1);
    await sleep(700);

    // Space returns.
    rmSync(filler);
    const freedAt = Date.now();
    const savedAt = await daemon.waitFor(/works again; the history kept in memory is saved/, 10_000);
    const recoveryMs = savedAt - freedAt;
    expect(bouts()).toBe(205);
    expect(integrity(db)).toBe('ok');
    // The 200 bouts stored before the outage are byte for byte what they were.
    expect(query(db, 'SELECT * FROM bouts ORDER BY id LIMIT 200')).toEqual(oldRows);
    expect(fingerprint(db).settings).toEqual(before.settings);
    const news = query<{ start_ms: number; duration_ms: number }>(db, 'SELECT start_ms, duration_ms FROM bouts ORDER BY id LIMIT -1 OFFSET 200');
    for (const b of news) expect(b.duration_ms).toBeGreaterThanOrEqual(MINUTE_MS);
    // Aggregates landed with their bouts.
    const agg = query<{ n: number }>(db, 'SELECT sum(bouts) AS n FROM day_stats')[0]!;
    expect(agg.n).toBe(205);

    expect((await stopDaemon(daemon)).code).toBe(0);
    daemon = null;
    expect(integrity(db)).toBe('ok');
    console.log(
      `disk full: filled ${(filled / 1024).toFixed(0)} KB; outage noticed ${detectedMs} ms after the fill; 4 bouts kept in memory; ` +
        `saved ${recoveryMs} ms after space returned; told ${notes ? `${told} time(s) by notification and ` : ''}once in the log; nothing lost`,
    );
  }, 90_000);

  it('a break prompt shown and answered while the disk is full lands with its answer (real Monitor, virtual time, recording notifier)', async () => {
    const db2 = join(mnt, 'prompts.db');
    const store = openStore(db2);
    const vt = new VirtualTime();
    const clock = new VirtualClock(vt, Date.UTC(2026, 5, 10, 7, 0, 0));
    const MIN = 60_000;
    let workUntil = 40 * MIN; // a key press every second until then
    const notifier = new RecordingNotifier();
    const log: string[] = [];
    const monitor = new Monitor({
      store,
      clock,
      idle: createScriptedIdleSource(() => (vt.now < workUntil ? vt.now % 1000 : vt.now - workUntil)),
      notifier,
      zone: () => 'Europe/Berlin',
      log: (l) => log.push(l),
      timers: { setTimeout: vt.setTimeout, clearTimeout: vt.clearTimeout },
    });
    try {
      await monitor.start();
      await vt.runUntil(20 * MIN); // the posture prompt at 15 min is stored normally
      expect(store.listPrompts().map((p) => p.kind)).toEqual(['posture']);
      fill(filler);
      await vt.runUntil(31 * MIN); // the break prompt at 30 min cannot be stored
      const open = monitor.now().openPrompt;
      expect(open).not.toBeNull();
      expect(open!.id).toBeLessThan(0); // a stand-in id until the row exists
      expect(notifier.shown.filter((n) => n.kind === 'break').map((n) => n.id)).toEqual([open!.id]);
      expect(monitor.answer('snooze')).toBe(true);
      workUntil = 38 * MIN;
      await vt.runUntil(45 * MIN); // away from 38 min: the bout ends at 38 min, in memory
      expect(store.listBouts()).toEqual([]);
      expect(store.listPrompts()).toHaveLength(1);
      expect(log.filter((l) => l.startsWith('cannot write to'))).toHaveLength(1);
      expect(notifier.shown.filter((n) => n.title === 'Sitwell cannot save your history')).toHaveLength(1);

      rmSync(filler);
      await vt.runUntil(47 * MIN); // the next reading's writes flush the backlog
      expect(log.some((l) => l.includes('works again'))).toBe(true);
      const bouts = store.listBouts();
      expect(bouts.map((b) => b.durationMs)).toEqual([38 * MIN]);
      const prompts = store.listPrompts();
      expect(prompts.map((p) => [p.kind, p.outcome, Math.round(p.sittingMs / MIN)])).toEqual([
        ['posture', 'shown', 15],
        ['break', 'snoozed', 30],
      ]);
      expect(store.readCheckpoint()).toBeNull();
    } finally {
      await monitor.stop();
      store.close();
      rmSync(filler, { force: true });
    }
    expect(integrity(db2)).toBe('ok');
  }, 30_000);
});
