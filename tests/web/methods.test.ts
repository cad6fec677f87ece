import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getStats } from '../../main/app/statsForDates.js';
import { formatHlc } from '../../main/core/sync/hlc.js';
import type { JournalRecord } from '../../main/core/sync/journal.js';
import { runCli } from '../../main/cli/program.js';
import { METHOD_NAMES } from '../../shared/bridge.js';
import { METHODS } from '../../shared/bridgeSchemas.js';
import { RED_FLAGS } from '../../shared/checkin.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { routineById, routineSteps } from '../../shared/routines.js';
import { STRETCHES } from '../../shared/stretches/index.js';
import { callHttp, readEvents, startHarness, ZONE, type Harness } from './helpers.js';

/** `sitwell ARGS` run in this process, its standard output and error captured. */
async function cliOutput(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const write = (key: 'stdout' | 'stderr') => (chunk: string | Uint8Array) => ((out[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()), true);
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(write('stdout')), vi.spyOn(process.stderr, 'write').mockImplementation(write('stderr'))];
  try {
    return { status: await runCli(args), ...out };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}
let h: Harness | null = null;
const noFlags = Object.fromEntries(RED_FLAGS.map((f) => [f.id, false]));
afterEach(async () => {
  await h?.close();
  h = null;
});

function row<T>(dbPath: string, sql: string, ...args: unknown[]): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

/** A successful call over HTTP whose value matches the contract's output schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value is checked against the contract's schema below
async function ok(method: keyof typeof METHODS, input: unknown): Promise<any> {
  const r = await callHttp(h!, method, input);
  expect(r.body, `${method} ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
  expect(r.status).toBe(200);
  METHODS[method].output.parse(r.body.value);
  return r.body.value;
}

describe('bridge methods over HTTP, history only (real store, no monitor)', () => {
  it('covers every method of the contract', () => {
    // If a method is added to shared/bridge.ts, this file must say how it behaves.
    expect([...METHOD_NAMES].sort()).toEqual(
      [
        'getInfo', 'getNow', 'stand', 'sit', 'answerPrompt', 'startStretch', 'finishStretch', 'pause', 'resume', 'getSettings',
        'updateSettings', 'getStats', 'suggestStretch', 'addCheckIn', 'exportData', 'previewImport', 'importData', 'deleteAllData',
        'getSync', 'setSyncFolder', 'setDeviceName', 'pickSyncFolder',
      ].sort(),
    );
  });

  it('getInfo and getNow describe a window that does not track', async () => {
    h = await startHarness();
    expect(await ok('getInfo', {})).toEqual({ version: '0.0.0-test', mode: 'web', dataPath: h.home.dbPath, tracking: false, zone: ZONE });
    const now = await ok('getNow', {});
    expect(now).toMatchObject({ tracking: false, bout: null, openPrompt: null, stretching: null, todaySittingMs: 0, todayBouts: 0 });
  });

  it('getNow counts today from the history', async () => {
    h = await startHarness();
    const t = Date.now();
    h.store.addBout({ start: t - 3 * 3_600_000, end: t - 3 * 3_600_000 + 20 * 60_000, durationMs: 20 * 60_000, zone: ZONE });
    const now = await ok('getNow', {});
    // Unless the test runs in the first three hours of a Berlin day, the bout is today's.
    const todayStart = new Date(new Date().toLocaleString('en-US', { timeZone: ZONE })).getHours();
    if (todayStart >= 3) expect(now).toMatchObject({ todaySittingMs: 20 * 60_000, todayBouts: 1 });
  });

  it('answerPrompt, pause and resume say plainly that nothing is tracking (unavailable), and write nothing', async () => {
    h = await startHarness();
    for (const [m, input] of [['answerPrompt', { action: 'skip' }], ['pause', { minutes: 30 }], ['pause', {}], ['resume', {}]] as const) {
      const r = await callHttp(h, m, input);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('unavailable');
      expect(r.body.error.message).toMatch(/not tracking/i);
      expect(r.body.error.message).toContain('sitwell daemon');
    }
    expect(row<{ n: number }>(h.home.dbPath, 'SELECT count(*) AS n FROM state').n).toBe(0);
  });

  it('startStretch and finishStretch record a session even without tracking', async () => {
    h = await startHarness();
    const total = routineSteps(routineById('quick-2')!, STRETCHES).length;
    const started = await ok('startStretch', { routineId: 'quick-2' });
    expect(started).toMatchObject({ routineId: 'quick-2', end: null, completed: false, stepsTotal: total, zone: ZONE });
    expect((await ok('getNow', {})).stretching).toMatchObject({ id: started.id, routineId: 'quick-2' });
    const finished = await ok('finishStretch', { id: started.id, completed: true, stepsDone: total });
    expect(finished).toMatchObject({ id: started.id, completed: true, stepsDone: total });
    expect(finished.end).toBeGreaterThanOrEqual(started.start);
    const stored = row<{ completed: number; steps_done: number; end_ms: number }>(h.home.dbPath, 'SELECT * FROM stretches WHERE id = ?', started.id);
    expect(stored).toMatchObject({ completed: 1, steps_done: total, end_ms: finished.end });
    expect((await ok('getNow', {})).stretching).toBeNull();

    // A single stretch works too; stopping early keeps the steps done.
    const one = await ok('startStretch', { routineId: 'seated-piriformis' });
    expect(one.stepsTotal).toBe(2 * STRETCHES.find((s) => s.id === 'seated-piriformis')!.repetitions);
    const stopped = await ok('finishStretch', { id: one.id, completed: false, stepsDone: 1 });
    expect(stopped).toMatchObject({ completed: false, stepsDone: 1 });
    // Finishing again (a retry) keeps the first result.
    expect(await ok('finishStretch', { id: one.id, completed: true, stepsDone: 2 })).toMatchObject({ completed: false, stepsDone: 1, end: stopped.end });
  });

  it('startStretch refuses an unknown routine, finishStretch an unknown session or too many steps', async () => {
    h = await startHarness();
    const a = await callHttp(h, 'startStretch', { routineId: 'no-such-routine' });
    expect(a.body.error).toMatchObject({ code: 'invalid-request', field: 'routineId' });
    const b = await callHttp(h, 'finishStretch', { id: 999, completed: true, stepsDone: 1 });
    expect(b.body.error).toMatchObject({ code: 'invalid-request', field: 'id' });
    const s = await ok('startStretch', { routineId: 'quick-2' });
    const c = await callHttp(h, 'finishStretch', { id: s.id, completed: false, stepsDone: s.stepsTotal + 1 });
    expect(c.body.error).toMatchObject({ code: 'invalid-request', field: 'stepsDone' });
    expect(row<{ n: number }>(h.home.dbPath, 'SELECT count(*) AS n FROM stretches WHERE end_ms IS NOT NULL').n).toBe(0);
  });

  it('getSettings and updateSettings keep a change in the database and announce it', async () => {
    h = await startHarness();
    expect(await ok('getSettings', {})).toEqual(DEFAULT_SETTINGS);
    const events: [string, unknown][] = [];
    const unsubscribe = h.dispatcher.subscribe((e, p) => events.push([e, p]));
    const updated = await ok('updateSettings', { sitLimitMinutes: 45, quietHours: { start: '22:00', end: '07:00' } });
    unsubscribe();
    expect(updated).toMatchObject({ sitLimitMinutes: 45, quietHours: { start: '22:00', end: '07:00' } });
    expect(events).toEqual([['settings', updated]]);
    expect(JSON.parse(row<{ json: string }>(h.home.dbPath, 'SELECT json FROM settings').json)).toMatchObject({ sitLimitMinutes: 45 });
    expect(await ok('getSettings', {})).toEqual(updated);
    // A patch changes only what it names (zod 4's .partial() would have reset the rest to defaults).
    const again = await ok('updateSettings', { snoozeMinutes: 5 });
    expect(again).toEqual({ ...updated, snoozeMinutes: 5 });
  });

  it('updateSettings refuses a bad value next to its field, and keeps the old one', async () => {
    h = await startHarness();
    const cases: [unknown, string][] = [
      [{ sitLimitMinutes: 0 }, 'sitLimitMinutes'],
      [{ sitLimitMinutes: 'thirty' }, 'sitLimitMinutes'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ bogus: true }, 'bogus'],
    ];
    for (const [input, field] of cases) {
      const r = await callHttp(h, 'updateSettings', input);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid-request', field });
      expect(r.body.error.message).toContain(field.split('.')[0]);
    }
    expect(row<{ n: number }>(h.home.dbPath, 'SELECT count(*) AS n FROM settings').n).toBe(0);
  });

  it('getStats returns the same report as the statistics code for the same store', async () => {
    h = await startHarness();
    const day = Date.parse('2026-03-10T09:00:00+01:00');
    for (let i = 0; i < 5; i++) h.store.addBout({ start: day + i * 3_600_000, end: day + i * 3_600_000 + (10 + i * 10) * 60_000, durationMs: (10 + i * 10) * 60_000, zone: ZONE });
    const report = await ok('getStats', { from: '2026-03-01', to: '2026-03-31' });
    expect(report).toEqual(JSON.parse(JSON.stringify(getStats(h.store, { from: '2026-03-01', to: '2026-03-31', zone: ZONE }))));
    expect(report.totals).toMatchObject({ bouts: 5, sittingMinutes: 150 });
    expect(report.days).toHaveLength(31);
    const bad = await callHttp(h, 'getStats', { from: '2026-02-30', to: '2026-03-01' });
    expect(bad.body.error).toMatchObject({ code: 'invalid-request', field: 'from' });
    const reversed = await callHttp(h, 'getStats', { from: '2026-03-02', to: '2026-03-01' });
    expect(reversed.body.error).toMatchObject({ code: 'invalid-request', field: 'from' });
    const huge = await callHttp(h, 'getStats', { from: '1970-01-01', to: '9999-12-31' });
    expect(huge.body.error).toMatchObject({ code: 'invalid-request' });
  });

  it('suggestStretch names a stretch from the catalog, and learns from skipped ones', async () => {
    h = await startHarness();
    const ids = new Set(STRETCHES.map((s) => s.id));
    const first = await ok('suggestStretch', {});
    expect(ids.has(first.stretchId)).toBe(true);
  });

  it('suggestStretch follows the movement mode: standing moves by default, seated ones only in seated mode', async () => {
    h = await startHarness();
    const position = (id: string) => STRETCHES.find((s) => s.id === id)?.position;
    expect(position((await ok('suggestStretch', {})).stretchId)).toBe('standing');
    await ok('updateSettings', { movementMode: 'seated' });
    expect(position((await ok('suggestStretch', {})).stretchId)).toBe('seated');
    const bad = await callHttp(h, 'updateSettings', { movementMode: 'lying' });
    expect(bad.body.error).toMatchObject({ code: 'invalid-request', field: 'movementMode' });
  });

  it('addCheckIn stores the check-in and says when to see a doctor', async () => {
    h = await startHarness();
    const calm = await ok('addCheckIn', { soreness: 4, areas: ['left-buttock', 'lower-back'], redFlags: noFlags, note: 'after a long meeting' });
    expect(calm.seeDoctor).toBe(false);
    const flagged = await ok('addCheckIn', { soreness: 7, areas: ['left-leg'], redFlags: { ...noFlags, 'bladder-bowel': true } });
    expect(flagged.seeDoctor).toBe(true);
    const stored = row<{ soreness: number; areas: string; red_flags: string; note: string }>(h.home.dbPath, 'SELECT * FROM check_ins WHERE id = ?', calm.id);
    expect(stored).toMatchObject({ soreness: 4, areas: '["left-buttock","lower-back"]', red_flags: '[]', note: 'after a long meeting' });
    expect(row<{ red_flags: string }>(h.home.dbPath, 'SELECT red_flags FROM check_ins WHERE id = ?', flagged.id).red_flags).toBe('["bladder-bowel"]');
    const unknownArea = await callHttp(h, 'addCheckIn', { soreness: 1, areas: ['elbow'], redFlags: noFlags });
    expect(unknownArea.body.error).toMatchObject({ code: 'invalid-request', field: 'areas.0' });
    const dup = await callHttp(h, 'addCheckIn', { soreness: 1, areas: ['lower-back', 'lower-back'], redFlags: noFlags });
    expect(dup.body.error).toMatchObject({ code: 'invalid-request', field: 'areas' });
    const unanswered = await callHttp(h, 'addCheckIn', { soreness: 1, areas: [], redFlags: { fever: false } });
    expect(unanswered.body.error).toMatchObject({ code: 'invalid-request' });
    expect(unanswered.body.error.field).toMatch(/^redFlags\./);
    expect(row<{ n: number }>(h.home.dbPath, 'SELECT count(*) AS n FROM check_ins').n).toBe(2);
  });

  it('exportData gives the same file `sitwell export` writes for the same database', async () => {
    h = await startHarness();
    const t = Date.parse('2026-03-10T09:00:00+01:00');
    h.store.addBout({ start: t, end: t + 42 * 60_000, durationMs: 42 * 60_000, zone: ZONE });
    h.store.addCheckIn({ at: t, soreness: 3, areas: ['lower-back'], redFlags: [], note: 'a "quoted", note', zone: ZONE });
    await ok('updateSettings', { timeZone: ZONE });
    for (const format of ['json', 'csv'] as const) {
      const file = await ok('exportData', { format });
      expect(file.filename).toMatch(format === 'json' ? /^sitwell-export-\d{4}-\d{2}-\d{2}\.json$/ : /^sitwell-bouts-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(file.mime).toBe(format === 'json' ? 'application/json' : 'text/csv');
      // The CLI's own code run in this process: two tsx start-ups per format once took this test past its time under load.
      const cli = await cliOutput(['--db', h.home.dbPath, 'export', '--format', format]);
      expect(cli.status, cli.stderr).toBe(0);
      // Only the export's own timestamp may differ.
      const strip = (text: string) => (format === 'json' ? JSON.stringify({ ...JSON.parse(text), exportedAt: null }) : text);
      expect(strip(file.content)).toBe(strip(cli.stdout));
    }
  }, 30_000);

  it('getStats of all computers carries each computer alone once the history has another one (overlaps once in the totals, in both rows); none with one computer or one chosen', async () => {
    h = await startHarness();
    const range = { from: '2026-03-09', to: '2026-03-15' };
    const hour = (iso: string) => Date.parse(`2026-03-${iso}:00Z`);
    h.store.addBout({ start: hour('10T09:00'), end: hour('10T10:00'), durationMs: 3_600_000, zone: ZONE });
    h.store.addBout({ start: hour('11T09:00'), end: hour('11T10:00'), durationMs: 3_600_000, zone: ZONE });
    expect((await ok('getStats', range)).devices).toBeUndefined();

    // Another computer's journal, as an import from the sync folder brings it: a bout half over this one's, and standing.
    const DESK = 'de5c0000de5c0000de5c0000de5c0000';
    let n = 0;
    const line = (body: object): JournalRecord => ({ v: 1, device: DESK, uid: `r${n}`, hlc: formatHlc({ ms: 1_000 + n++, count: 0, device: DESK }), ...body }) as JournalRecord;
    h.store.sync.importRecords([
      { ...line({ type: 'device', name: 'Desk' }), uid: 'device' },
      line({ type: 'bout', start: hour('10T09:30'), end: hour('10T10:30'), zone: ZONE }),
      line({ type: 'standing', start: hour('10T11:00'), end: hour('10T11:30'), zone: ZONE }),
    ]);
    const all = await ok('getStats', range);
    expect(all.totals).toMatchObject({ bouts: 2, sittingMinutes: 150 });
    const me = h.store.sync.identity().deviceId;
    expect(all.devices).toEqual([
      { id: me, name: '', thisDevice: true, bouts: 2, sittingMinutes: 120, standingMinutes: 0, share: 0.8 },
      { id: DESK, name: 'Desk', thisDevice: false, bouts: 1, sittingMinutes: 60, standingMinutes: 30, share: 0.4 },
    ]);
    // The same rows as `sitwell stats --json` prints.
    const cli = await cliOutput(['--db', h.home.dbPath, 'stats', '--json', '--from', range.from, '--to', range.to]);
    expect(JSON.parse(cli.stdout)).toMatchObject({ device: 'all', devices: all.devices });
    expect((await ok('getStats', { ...range, device: DESK })).devices).toBeUndefined();
  });

  it('deleteAllData needs the confirmation word, then wipes the history and keeps the settings', async () => {
    h = await startHarness();
    await ok('updateSettings', { sitLimitMinutes: 40 });
    h.store.addBout({ start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T10:00:00Z'), durationMs: 3_600_000, zone: ZONE });
    await ok('addCheckIn', { soreness: 2, areas: [], redFlags: noFlags });
    const refused = await callHttp(h, 'deleteAllData', { confirm: 'delete' });
    expect(refused.body.error).toMatchObject({ code: 'invalid-request', field: 'confirm' });
    expect(row<{ n: number }>(h.home.dbPath, 'SELECT count(*) AS n FROM bouts').n).toBe(1);
    expect(await ok('deleteAllData', { confirm: 'DELETE' })).toEqual({ deleted: true });
    for (const t of ['bouts', 'prompts', 'stretches', 'check_ins', 'day_stats']) expect(row<{ n: number }>(h.home.dbPath, `SELECT count(*) AS n FROM ${t}`).n).toBe(0);
    expect((await ok('getSettings', {})).sitLimitMinutes).toBe(40);
  });
});

describe('bridge methods over HTTP beside a running monitor (the scripted idle source stands in for keyboard/mouse input)', () => {
  it('a break prompt arrives as an event, and answering it is stored as its outcome', async () => {
    h = await startHarness({ tracking: true, minuteMs: 150 });
    expect(await ok('getInfo', {})).toMatchObject({ tracking: true });
    // Subscribed first: with a one-minute limit the prompt is due at the monitor's next reading, which a
    // loaded machine may reach before a subscription made afterwards (the event would be missed).
    const stream = await fetch(`${h.base}/api/events?token=${h.token}`);
    await ok('updateSettings', { sitLimitMinutes: 1, postureEnabled: false, snoozeMinutes: 240 }); // no repeat of the prompt meanwhile
    const prompt = await readEvents(stream, (e) => e === 'break-prompt', 10_000);
    const id = (prompt.data as { id: number }).id;
    expect((await ok('getNow', {})).openPrompt).toMatchObject({ id });
    expect(await ok('answerPrompt', { action: 'snooze' })).toEqual({ answered: true });
    expect(row<{ outcome: string }>(h.home.dbPath, 'SELECT outcome FROM prompts WHERE id = ?', id).outcome).toBe('snoozed');
    await stream.body?.cancel();
  });

  it('deleteAllData waits until no prompt is open and no stretch runs, so the monitor never loses its rows', async () => {
    h = await startHarness({ tracking: true, minuteMs: 150 });
    // Subscribed first: with a one-minute limit the prompt is due at the monitor's next reading, which a
    // loaded machine may reach before a subscription made afterwards (the event would be missed).
    const stream = await fetch(`${h.base}/api/events?token=${h.token}`);
    await ok('updateSettings', { sitLimitMinutes: 1, postureEnabled: false, snoozeMinutes: 240 }); // no repeat of the prompt meanwhile
    await readEvents(stream, (e) => e === 'break-prompt', 10_000);
    await stream.body?.cancel();
    const refused = await callHttp(h, 'deleteAllData', { confirm: 'DELETE' });
    expect(refused.body.error).toMatchObject({ code: 'unavailable' });
    expect(refused.body.error.message).toMatch(/prompt is open/);
    await ok('answerPrompt', { action: 'skip' });
    await ok('updateSettings', { sitLimitMinutes: 120 }); // no new prompt during the rest of the test
    // The longest routine: a session open past its length (about 7 settings minutes here) would end by itself.
    const s = await ok('startStretch', { routineId: 'full-5' });
    expect((await callHttp(h, 'deleteAllData', { confirm: 'DELETE' })).body.error.message).toMatch(/stretch is running/);
    await ok('finishStretch', { id: s.id, completed: false, stepsDone: 0 });
    expect(await ok('deleteAllData', { confirm: 'DELETE' })).toEqual({ deleted: true });
    // The monitor keeps going over the emptied history.
    await new Promise((r) => setTimeout(r, 500));
    expect((await ok('getNow', {})).tracking).toBe(true);
  });

  it('pause, resume and a stretch go through the monitor and into the database', async () => {
    h = await startHarness({ tracking: true });
    const before = Date.now();
    const paused = await ok('pause', { minutes: 30 });
    expect(paused.pausedUntil).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(paused.pausedUntil).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect((await ok('getNow', {})).pausedUntil).toBe(paused.pausedUntil);
    expect(JSON.parse(row<{ json: string }>(h.home.dbPath, "SELECT json FROM state WHERE key = 'pausedUntil'").json)).toBe(paused.pausedUntil);
    const tomorrow = await ok('pause', { untilTomorrow: true });
    expect(tomorrow.pausedUntil).toBeGreaterThan(Date.now());
    expect(tomorrow.pausedUntil).toBeLessThanOrEqual(Date.now() + 25 * 3_600_000);
    expect(await ok('resume', {})).toEqual({ pausedUntil: null });
    expect((await ok('getNow', {})).pausedUntil).toBeNull();

    const s = await ok('startStretch', { routineId: 'full-5' });
    expect((await ok('getNow', {})).stretching).toMatchObject({ id: s.id, routineId: 'full-5' });
    await ok('finishStretch', { id: s.id, completed: true, stepsDone: s.stepsTotal });
    expect((await ok('getNow', {})).stretching).toBeNull();
    expect(row<{ completed: number }>(h.home.dbPath, 'SELECT completed FROM stretches WHERE id = ?', s.id).completed).toBe(1);
  });

  it('the sync folder: refused with the reason when unusable, stored when usable, cleared with null; the device renamed; no folder picker in web mode', async () => {
    h = await startHarness();
    const first = await ok('getSync', {});
    expect(first).toMatchObject({ folder: null, running: false, canPickFolder: false, problems: [] });
    expect(first.devices).toEqual([expect.objectContaining({ thisDevice: true, lastImportAt: null })]);
    expect(await ok('setSyncFolder', { folder: 'relative/dir' })).toMatchObject({ problem: 'not-absolute', status: { folder: null } });
    expect(await ok('setSyncFolder', { folder: `${h.home.dir}/nope` })).toMatchObject({ problem: 'missing' });
    expect(await ok('setSyncFolder', { folder: h.home.dbPath })).toMatchObject({ problem: 'not-directory' });
    expect(await ok('setSyncFolder', { folder: h.home.dir })).toMatchObject({ problem: null, status: { folder: h.home.dir } });
    expect(row<{ folder: string }>(h.home.dbPath, 'SELECT folder FROM sync_device').folder).toBe(h.home.dir);
    expect(await ok('setSyncFolder', { folder: null })).toMatchObject({ problem: null, status: { folder: null } });
    expect((await ok('setDeviceName', { name: '  Desk at home ' })).devices[0]).toMatchObject({ name: 'Desk at home', thisDevice: true });
    const blank = await callHttp(h, 'setDeviceName', { name: '   ' });
    expect(blank.body.error).toMatchObject({ code: 'invalid-request', field: 'name' });
    expect((await callHttp(h, 'pickSyncFolder', {})).body.error).toMatchObject({ code: 'unavailable' });
    // Statistics of one device: this one; an unknown device is refused by name.
    expect(await ok('getStats', { from: '2026-03-01', to: '2026-03-07', device: first.devices[0].id })).toMatchObject({ from: '2026-03-01' });
    expect((await callHttp(h, 'getStats', { from: '2026-03-01', to: '2026-03-07', device: 'cafe0000' })).body.error).toMatchObject({ field: 'device' });
  });

  it('updateSettings reaches the running monitor', async () => {
    h = await startHarness({ tracking: true });
    await ok('updateSettings', { sitLimitMinutes: 50, postureEnabled: false });
    const now = await ok('getNow', {});
    // With posture prompts off, the next prompt is the break prompt at 50 min of sitting from the bout's start.
    expect(now.bout).not.toBeNull();
    expect(now.next).toMatchObject({ kind: 'break' });
    expect(now.next.at - now.bout.start).toBeGreaterThanOrEqual(50 * 60_000 - 1000);
  });
});
