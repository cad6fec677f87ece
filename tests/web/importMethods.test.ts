import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../main/app/historyTransfer.js';
import { openStore, type Store } from '../../main/store/index.js';
import { METHODS } from '../../shared/bridgeSchemas.js';
import { callHttp, dbSnapshot, startHarness, ZONE, type Harness } from './helpers.js';

/**
 * The window's import (issue 17): previewImport reads a file and the history and writes nothing;
 * importData adds what is new, all or nothing, with the CLI's parser and the store's rules. Over
 * the real web server and real SQLite files; "writes nothing" is every table's rows compared
 * through a second connection.
 */

let h: Harness | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  cleanups.splice(0).forEach((c) => c());
});

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** Another computer's history, exported as `sitwell export --format json` writes it. */
function otherHistory(fill: (s: Store) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-other-'));
  const store = openStore(join(dir, 'other.db'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  try {
    fill(store);
    return exportJson(store, at('2026-03-20T12:00:00+01:00'), ZONE);
  } finally {
    store.close();
  }
}

const threeDays = (s: Store) => {
  for (const [day, hour] of [['10', '09'], ['10', '14'], ['12', '10'], ['15', '08']] as const) {
    const start = at(`2026-03-${day}T${hour}:00:00+01:00`);
    s.addBout({ start, end: start + 40 * MIN, durationMs: 40 * MIN, zone: ZONE });
  }
  s.addPrompt({ at: at('2026-03-10T09:30:00+01:00'), kind: 'break', outcome: 'took-break', sittingMs: 30 * MIN, reason: null, zone: ZONE });
  const st = s.startStretch({ start: at('2026-03-12T11:00:00+01:00'), routineId: 'quick-2', stepsTotal: 4, zone: ZONE });
  s.finishStretch(st.id, { end: at('2026-03-12T11:02:00+01:00'), completed: true, stepsDone: 4 });
  s.addStanding({ start: at('2026-03-12T13:00:00+01:00'), end: at('2026-03-12T13:20:00+01:00'), durationMs: 20 * MIN, zone: ZONE });
  s.updateSettings({ sitLimitMinutes: 45 });
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked against the contract's output schema
async function ok(method: 'previewImport' | 'importData', fileText: string): Promise<any> {
  const r = await callHttp(h!, method, { fileText });
  expect(r.body, JSON.stringify(r.body).slice(0, 300)).toMatchObject({ ok: true });
  return METHODS[method].output.parse(r.body.value);
}

async function refused(method: 'previewImport' | 'importData', fileText: string) {
  const r = await callHttp(h!, method, { fileText });
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error).toMatchObject({ code: 'invalid-request', field: 'fileText' });
  return r.body.error as { message: string; problem: string; reason: string };
}

describe('previewImport and importData over HTTP (issue 17: an Import button with a preview)', () => {
  it('the preview counts what the file holds and what is already here, and writes nothing', async () => {
    h = await startHarness();
    const file = otherHistory(threeDays);
    const before = dbSnapshot(h.home.dbPath);
    const preview = await ok('previewImport', file);
    expect(preview).toEqual({
      version: 2,
      exportedAt: at('2026-03-20T12:00:00+01:00'),
      inFile: { bouts: 4, prompts: 1, stretches: 1, checkIns: 0, standing: 1 },
      present: { bouts: 0, prompts: 0, stretches: 0, checkIns: 0, standing: 0 },
      bouts: { from: '2026-03-10', to: '2026-03-15', days: 3 },
      settingsApplied: true,
    });
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
  });

  it('importData adds the records; the preview then finds them all present, and a second import adds nothing', async () => {
    h = await startHarness();
    const file = otherHistory(threeDays);
    const result = await ok('importData', file);
    expect(result).toEqual({
      added: { bouts: 4, prompts: 1, stretches: 1, checkIns: 0, standing: 1 },
      skipped: { bouts: 0, prompts: 0, stretches: 0, checkIns: 0, standing: 0 },
      settingsApplied: true,
    });
    expect(h.store.listBouts()).toHaveLength(4);
    expect(h.store.getSettings().sitLimitMinutes).toBe(45);
    const stats = (await callHttp(h, 'getStats', { from: '2026-03-10', to: '2026-03-15' })).body.value;
    expect(stats.days.filter((d: { bouts: number }) => d.bouts > 0).map((d: { label: string }) => d.label)).toEqual(['2026-03-10', '2026-03-12', '2026-03-15']);

    const before = dbSnapshot(h.home.dbPath);
    const again = await ok('previewImport', file);
    expect(again.present).toEqual({ bouts: 4, prompts: 1, stretches: 1, checkIns: 0, standing: 1 });
    expect(again.settingsApplied).toBe(false);
    expect((await ok('importData', file)).added).toEqual({ bouts: 0, prompts: 0, stretches: 0, checkIns: 0, standing: 0 });
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
  });

  it('an export of version 1 (before standing periods) still previews and imports', async () => {
    h = await startHarness();
    const v2 = JSON.parse(otherHistory(threeDays)) as Record<string, unknown>;
    const { standing: _none, ...rest } = v2;
    const v1 = JSON.stringify({ ...rest, version: 1 });
    const preview = await ok('previewImport', v1);
    expect(preview).toMatchObject({ version: 1, inFile: { bouts: 4, standing: 0 } });
    expect((await ok('importData', v1)).added).toMatchObject({ bouts: 4, standing: 0 });
  });

  it('a file larger than an ordinary request (64 KB) goes through', async () => {
    h = await startHarness();
    const file = otherHistory((s) => {
      const start = at('2025-01-01T08:00:00+01:00');
      for (let i = 0; i < 800; i++) s.addBout({ start: start + i * 3 * 3_600_000, end: start + i * 3 * 3_600_000 + 30 * MIN, durationMs: 30 * MIN, zone: ZONE });
    });
    expect(file.length).toBeGreaterThan(100 * 1024);
    expect((await ok('previewImport', file)).inFile.bouts).toBe(800);
    expect((await ok('importData', file)).added.bouts).toBe(800);
  });

  it('a bad file is refused naming what is wrong and its kind, by preview and import alike, and the history is unchanged', async () => {
    h = await startHarness();
    const start = at('2026-03-10T09:10:00+01:00');
    h.store.addBout({ start, end: start + 20 * MIN, durationMs: 20 * MIN, zone: ZONE });
    h.store.updateSettings({ sitLimitMinutes: 35 });
    const good = JSON.parse(otherHistory(threeDays)) as { bouts: { end: string }[]; version: number };
    const badEnd = structuredClone(good);
    badEnd.bouts[1]!.end = '2026-03-10T13:00:00+01:00';
    const before = dbSnapshot(h.home.dbPath);
    const cases: [string, string, RegExp][] = [
      ['not-json', 'Date,Minutes\n2026-03-10,40\n', /not JSON/],
      ['not-sitwell', JSON.stringify({ bouts: [] }), /not a Sitwell export/],
      ['version', JSON.stringify({ ...good, version: 3 }), /^version: .*versions 1 and 2/],
      ['record', JSON.stringify(badEnd), /^bouts\[1\]\.end: ends before the bout starts/],
      // The file's first bout (09:00–09:40) overlaps the stored 09:10–09:30.
      ['clash', JSON.stringify(good), /^bouts\[0\]: overlaps the stored bout/],
    ];
    for (const [reason, text, problem] of cases) {
      for (const method of ['previewImport', 'importData'] as const) {
        const error = await refused(method, text);
        expect(error.reason, `${method} ${reason}`).toBe(reason);
        expect(error.problem).toMatch(problem);
        expect(error.message).toMatch(/nothing was changed/);
      }
    }
    const empty = await callHttp(h, 'importData', { fileText: '' });
    expect(empty.body.error).toMatchObject({ code: 'invalid-request', field: 'fileText' });
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
  });

  it('only these two methods take a long text: any other call over 64 KB is still refused (413)', async () => {
    h = await startHarness();
    const r = await callHttp(h, 'addCheckIn', { soreness: 1, areas: [], redFlags: {}, note: 'x'.repeat(70 * 1024) });
    expect(r.status).toBe(413);
    const shape = await h.dispatcher.call('updateSettings', { busyCalendarFile: 'x'.repeat(20_000) });
    expect(shape).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/too long/) } });
  });
});
