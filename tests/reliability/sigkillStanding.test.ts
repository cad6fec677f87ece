import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { allowedLag, loggedTyping, stopTyping, watchRunQueueWait } from './support/checkpointLag.js';
import { cliRunner, runCli, type CliRunner } from './support/cliBundle.js';
import { integrity, query, sleep, startDaemon, stopDaemon, stopLiveDaemons, type DaemonProcess } from './support/daemonProcess.js';

/**
 * An open standing period (DESIGN.md §7) through a crash: a real `sitwell daemon` (file idle source, a
 * settings minute of 200 ms) told `sitwell stand` over its control socket, then SIGKILLed. The checkpoint
 * holds the standing period; the next start records it up to its last checkpointed input (the user was
 * away longer than minBreak) or goes on standing (back at once), as a bout is treated (sigkill.test.ts).
 */

const MINUTE_MS = 200;
const MIN_BREAK_MINUTES = 25; // 5 s: room for a restart under load to come back within it
const MIN_BREAK_MS = MIN_BREAK_MINUTES * MINUTE_MS;
const INPUT_EVERY_MS = 40;
/** Timer lateness and the reading's own work on an unloaded machine; load is measured, see checkpointLag.ts. */
const SLACK_MS = 150;

interface Cp {
  start_ms: number;
  last_input_ms: number;
  saved_at_ms: number;
  kind: string;
}
interface Period {
  start_ms: number;
  end_ms: number;
}

const { dir, cleanup } = tempDir('sitwell-sigkill-standing-');
const db = join(dir, 'sitwell.db');
const idleFile = join(dir, 'idle');
let runner: CliRunner;

beforeAll(async () => {
  runner = await cliRunner('sigkill-standing');
  const s = openStore(db);
  s.updateSettings({ minBreakMinutes: MIN_BREAK_MINUTES, standLimitMinutes: null });
  s.close();
  writeFileSync(idleFile, '999999');
}, 60_000);
afterAll(cleanup);
// A failed test's daemon and typist are stopped here, not left holding the history lock (or writing into a removed folder).
afterEach(async () => {
  stopTyping();
  await stopLiveDaemons();
});

/** The user at the keyboard: the idle file says 0 every INPUT_EVERY_MS, written atomically, each write logged. */
function typing() {
  const t = loggedTyping(idleFile, INPUT_EVERY_MS);
  t.start();
  return t;
}

async function start(): Promise<DaemonProcess & { waited: ReturnType<typeof watchRunQueueWait> }> {
  const spawnAt = Date.now();
  const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
  const waited = watchRunQueueWait(d.child, spawnAt);
  await d.waitFor(/tracking with idle source/, 30_000);
  return { ...d, waited };
}

async function stand(d: DaemonProcess): Promise<void> {
  const r = await runCli(runner, ['--db', db, 'stand']);
  expect(r.code, `${r.stdout}${r.stderr}\n${d.out()}`).toBe(0);
  await d.waitFor(/standing since/);
}

/** Kills the daemon outright and returns the checkpoint it left. */
async function kill(d: DaemonProcess): Promise<Cp> {
  d.child.kill('SIGKILL');
  expect((await d.exited).signal).toBe('SIGKILL');
  expect(integrity(db)).toBe('ok');
  const [cp] = query<Cp>(db, 'SELECT start_ms, last_input_ms, saved_at_ms, kind FROM checkpoint');
  expect(cp, d.out()).toBeDefined();
  return cp!;
}

describe('SIGKILL while standing (real daemon, real SQLite file, sitwell stand over the control socket)', () => {
  it('back after an absence: the standing period is in the history up to its last checkpointed input; no sitting was counted', async () => {
    const user = typing();
    const d = await start();
    await sleep(600); // three minutes of sitting
    await stand(d);
    await sleep(1500); // seven and a half minutes standing, still typing
    user.stop();
    const lastInput = user.last;
    const before = query<Cp>(db, 'SELECT start_ms, last_input_ms, saved_at_ms, kind FROM checkpoint')[0];
    const waitedMs = d.waited.since(Math.min(before?.last_input_ms ?? 0, lastInput));
    const cp = await kill(d);
    expect(cp.kind).toBe('standing');
    // Checkpointed at least once a (scaled) minute, allowing for the time load kept the daemon or the typist from running.
    const allowed = allowedLag({ minuteMs: MINUTE_MS, slackMs: SLACK_MS, typistGapMs: user.gapAfter(cp.last_input_ms), sched: waitedMs });
    expect(lastInput - cp.last_input_ms, `allowed ${allowed.why}\n${d.out()}`).toBeLessThanOrEqual(allowed.ms);
    const standingStartedAt = cp.start_ms;

    await sleep(MIN_BREAK_MS + 300); // away longer than minBreak
    const again = await start();
    expect(again.out()).toMatch(/closed the standing period left open by an earlier run/);
    expect(query<Period>(db, 'SELECT start_ms, end_ms FROM standing_periods')).toEqual([{ start_ms: standingStartedAt, end_ms: cp.last_input_ms }]);
    expect(query(db, 'SELECT count(*) AS n FROM checkpoint')[0]).toEqual({ n: 0 });
    // The sitting bout ended where the standing began; input while standing was not sitting.
    const bouts = query<Period>(db, 'SELECT start_ms, end_ms FROM bouts');
    expect(bouts).toHaveLength(1);
    // (Bout ends are reckoned on the monotonic clock, standing starts on the wall clock: they may differ by a few ms.)
    expect(Math.abs(bouts[0]!.end_ms - standingStartedAt)).toBeLessThan(50);
    const day = query<{ standing_ms: number }>(db, 'SELECT sum(standing_ms) AS standing_ms FROM day_stats')[0]!;
    expect(day.standing_ms).toBe(cp.last_input_ms - standingStartedAt);
    expect((await stopDaemon(again)).code).toBe(0);
  }, 90_000);

  it('back at once: the same standing period goes on, and ends when the user says sit', async () => {
    const before = query<Period>(db, 'SELECT start_ms, end_ms FROM standing_periods').length;
    const user = typing();
    const d = await start();
    await stand(d);
    await sleep(800);
    user.stop();
    const cp = await kill(d);
    expect(cp.kind).toBe('standing');

    const back = typing(); // the user keeps working through the restart
    const again = await start();
    expect(again.out()).toMatch(new RegExp(`continuing the standing period that started ${new Date(cp.start_ms).toISOString()}`));
    await sleep(600);
    const sit = await runCli(runner, ['--db', db, 'sit']);
    expect(sit.code, sit.stderr).toBe(0);
    await again.waitFor(/standing ended/);
    await sleep(300);
    back.stop();
    expect((await stopDaemon(again)).code).toBe(0);

    const periods = query<Period>(db, 'SELECT start_ms, end_ms FROM standing_periods ORDER BY start_ms');
    expect(periods).toHaveLength(before + 1);
    // One period from the stand before the crash to the sit after it, not two.
    expect(periods.at(-1)!.start_ms).toBe(cp.start_ms);
    expect(periods.at(-1)!.end_ms).toBeGreaterThan(cp.last_input_ms);
    expect(integrity(db)).toBe('ok');
  }, 90_000);
});
