import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireTrackerLock, openStore, StoreError } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, type CliRunner } from './support/cliBundle.js';
import { integrity, query, sleep, startDaemon, stopDaemon, stopLiveDaemons, work } from './support/daemonProcess.js';

/** Two trackers on one history would count every minute twice: exactly one may track, the other says so. */

const MINUTE_MS = 200;
const { dir, cleanup } = tempDir('sitwell-two-');
const idleFile = join(dir, 'idle');
let runner: CliRunner;
let n = 0;

function freshDb(): string {
  const db = join(dir, `h${++n}.db`);
  const s = openStore(db);
  s.updateSettings({ minBreakMinutes: 2 });
  s.close();
  return db;
}

beforeAll(async () => {
  runner = await cliRunner('two');
  writeFileSync(idleFile, '999999');
}, 60_000);
afterAll(cleanup);
// A failed test's daemon is stopped here, not left holding the history lock for the retry or the next test.
afterEach(stopLiveDaemons);

describe('two processes on one history (real processes)', () => {
  it('two daemons: the second exits 1 naming the first; the first keeps tracking and records each bout once', async () => {
    const db = freshDb();
    const first = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    await first.waitFor(/tracking with idle source/);
    const second = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.out()).toMatch(new RegExp(`another Sitwell daemon \\(pid ${first.child.pid}\\) is already tracking ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; stop it first`));
    await work(idleFile, 600);
    await sleep(700);
    expect((await stopDaemon(first)).code).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM bouts')).toEqual([{ n: 1 }]);
    expect(integrity(db)).toBe('ok');
  }, 30_000);

  it('two daemons started at the same instant, 5 times: exactly one tracks each time', async () => {
    for (let round = 0; round < 5; round++) {
      const db = freshDb();
      const pair = [startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS }), startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS })];
      // Whoever loses exits 1 at once; the winner tracks until stopped.
      const loser = await Promise.race(pair.map((d, i) => d.exited.then((r) => ({ i, r }))));
      const winner = pair[1 - loser.i]!;
      expect(loser.r.code).toBe(1);
      expect(pair[loser.i]!.out()).toMatch(/already tracking/);
      await winner.waitFor(/tracking with idle source/);
      expect((await stopDaemon(winner)).code).toBe(0);
    }
  }, 60_000);

  it('the app tracking (its lock held in this process): a daemon is refused, naming the app', async () => {
    const db = freshDb();
    const lock = acquireTrackerLock(db, 'app');
    try {
      const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
      const { code } = await d.exited;
      expect(code).toBe(1);
      expect(d.out()).toMatch(new RegExp(`another Sitwell app \\(pid ${process.pid}\\) is already tracking`));
    } finally {
      lock.release();
    }
    // Once the app quits, the daemon may track.
    const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    await d.waitFor(/tracking with idle source/);
    expect((await stopDaemon(d)).code).toBe(0);
  }, 30_000);

  it('a daemon tracking: the app cannot take the lock and is told which process has it', async () => {
    const db = freshDb();
    const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    await d.waitFor(/tracking with idle source/);
    try {
      let err: unknown = null;
      try {
        acquireTrackerLock(db, 'app').release();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('locked');
      expect((err as StoreError).message).toMatch(new RegExp(`another Sitwell daemon \\(pid ${d.child.pid}\\)`));
    } finally {
      expect((await stopDaemon(d)).code).toBe(0);
    }
  }, 30_000);
});
