import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/bridgeSchemas.js';
import { routineById, routineSteps, stepsDurationSeconds } from '../../shared/routines.js';
import { STRETCHES } from '../../shared/stretches/index.js';
import { callHttp, startHarness, type Harness } from './helpers.js';

/**
 * Issue #17: a stretch session left open (the tab closed mid-stretch) held the tracker in "stretching"
 * forever, and the next player reused it with another routine's number of steps ("Not saved: stepsDone
 * must be at most 2…"). Real store, real handlers, real server; the monitor's idle source is scripted.
 */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked against the contract's schema
async function ok(method: keyof typeof METHODS, input: unknown): Promise<any> {
  const r = await callHttp(h!, method, input);
  expect(r.body, `${method} ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
  METHODS[method].output.parse(r.body.value);
  return r.body.value;
}

function stretchRow(id: number): { end_ms: number | null; completed: number; steps_total: number } {
  const db = new Database(h!.home.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT end_ms, completed, steps_total FROM stretches WHERE id = ?').get(id) as never;
  } finally {
    db.close();
  }
}

describe('stretch sessions are never left open or reused', () => {
  it('a session nobody finishes ends by itself after its length plus 2 minutes, and tracking resumes', async () => {
    const minuteMs = 100;
    h = await startHarness({ tracking: true, minuteMs });
    // quick-2 plays about 2 minutes: it must end by itself about 4 settings minutes (400 ms) after it started.
    const lengthSeconds = stepsDurationSeconds(routineSteps(routineById('quick-2')!, STRETCHES));
    const started = Date.now();
    const s = await ok('startStretch', { routineId: 'quick-2' });
    expect((await ok('getNow', {})).stretching).toMatchObject({ id: s.id });
    await expect.poll(async () => (await ok('getNow', {})).stretching, { timeout: 5000, interval: 50 }).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual((lengthSeconds / 60 + 2) * minuteMs);
    expect(stretchRow(s.id)).toMatchObject({ completed: 0 });
    expect(stretchRow(s.id).end_ms).not.toBeNull();
    // The scripted source reports input all the time: a new bout starts once the session is over.
    await expect.poll(async () => (await ok('getNow', {})).bout, { timeout: 5000, interval: 50 }).not.toBeNull();
    // The player that comes back late still gets an answer, not an error.
    expect(await ok('finishStretch', { id: s.id, completed: false, stepsDone: 1 })).toMatchObject({ id: s.id, completed: false });
  });

  it('a session still open is ended, not reused, when another routine starts (tracking)', async () => {
    h = await startHarness({ tracking: true });
    const first = await ok('startStretch', { routineId: 'seated-piriformis' });
    const second = await ok('startStretch', { routineId: 'full-5' });
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ routineId: 'full-5' });
    expect(second.stepsTotal).toBeGreaterThan(first.stepsTotal);
    expect(stretchRow(first.id).end_ms).not.toBeNull();
    expect((await ok('getNow', {})).stretching).toMatchObject({ id: second.id, routineId: 'full-5' });
    // Today this failed with "stepsDone must be at most 2, the session's number of steps".
    expect(await ok('finishStretch', { id: second.id, completed: false, stepsDone: 5 })).toMatchObject({ stepsDone: 5 });
    expect((await ok('getNow', {})).stretching).toBeNull();
  });

  it('a session still open is ended, not reused, when another routine starts (history only)', async () => {
    h = await startHarness();
    const first = await ok('startStretch', { routineId: 'seated-piriformis' });
    const second = await ok('startStretch', { routineId: 'full-5' });
    expect(second.id).not.toBe(first.id);
    expect(stretchRow(first.id).end_ms).not.toBeNull();
    expect(await ok('finishStretch', { id: second.id, completed: false, stepsDone: 5 })).toMatchObject({ stepsDone: 5 });
  });
});
