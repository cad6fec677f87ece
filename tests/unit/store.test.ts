import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../main/app/historyTransfer.js';
import { openStore, SCHEMA_VERSION, StoreError, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const Z = 'Europe/Berlin';
const t = (iso: string): number => Date.parse(iso);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function freshPath(): string {
  const { dir, cleanup } = tempDir('sitwell-store-');
  cleanups.push(cleanup);
  return join(dir, 'nested', 'deeper', 'sitwell.db');
}

function open(path: string, opts?: { readonly?: boolean }): Store {
  const s = openStore(path, opts);
  cleanups.unshift(() => s.close());
  return s;
}

function fill(s: Store): void {
  s.addBout({ start: t('2026-03-02T08:00:00Z'), end: t('2026-03-02T08:40:00Z'), durationMs: 40 * 60_000, zone: Z });
  s.addBout({ start: t('2026-03-02T09:00:00Z'), end: t('2026-03-02T09:10:30Z'), durationMs: 630_000, zone: Z });
  const p = s.addPrompt({ at: t('2026-03-02T08:30:00Z'), kind: 'break', outcome: 'unanswered', sittingMs: 30 * 60_000, reason: null, zone: Z });
  s.setPromptOutcome(p.id, 'took-break');
  s.addPrompt({ at: t('2026-03-02T08:15:00Z'), kind: 'posture', outcome: 'shown', sittingMs: 15 * 60_000, reason: null, zone: Z });
  const st = s.startStretch({ start: t('2026-03-02T08:41:00Z'), routineId: 'hips', stepsTotal: 4, zone: Z });
  s.finishStretch(st.id, { end: t('2026-03-02T08:44:00Z'), completed: true, stepsDone: 4 });
  s.addCheckIn({ at: t('2026-03-02T12:00:00Z'), soreness: 4, areas: ['left-buttock'], redFlags: [], note: 'after lunch', zone: Z });
  s.updateSettings({ sitLimitMinutes: 25, quietHours: { start: '22:00', end: '07:00' } });
  s.setState('pausedUntil', 123);
  s.writeCheckpoint({ start: t('2026-03-02T10:00:00Z'), lastInput: t('2026-03-02T10:05:00Z'), savedAt: t('2026-03-02T10:05:01Z'), zone: Z });
}

describe('store on a real SQLite file', () => {
  it('creates the file and its directories with WAL, NORMAL sync, foreign keys and STRICT tables', () => {
    const path = freshPath();
    open(path).close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const tb of tables) expect(tb, tb.name).toMatchObject({ strict: 1 });
    db.close();
    const s = open(path);
    const raw = (s as unknown as { db: Database.Database }).db;
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('keeps everything across a reopen', () => {
    const path = freshPath();
    const a = open(path);
    fill(a);
    const before = {
      bouts: a.listBouts(),
      prompts: a.listPrompts(),
      stretches: a.listStretches(),
      checkIns: a.listCheckIns(),
      settings: a.getSettings(),
      state: a.getState('pausedUntil'),
      cp: a.readCheckpoint(),
      rows: a.statsRows('2026-03-01', '2026-03-31'),
    };
    a.close();
    const b = open(path);
    expect(b.listBouts()).toEqual(before.bouts);
    expect(b.listPrompts()).toEqual(before.prompts);
    expect(b.listStretches()).toEqual(before.stretches);
    expect(b.listCheckIns()).toEqual(before.checkIns);
    expect(b.getSettings()).toEqual(before.settings);
    expect(b.getState('pausedUntil')).toBe(123);
    expect(b.readCheckpoint()).toEqual(before.cp);
    expect(b.statsRows('2026-03-01', '2026-03-31')).toEqual(before.rows);
    expect(before.bouts).toHaveLength(2);
    expect(before.prompts.find((p) => p.kind === 'break')?.outcome).toBe('took-break');
    expect(before.stretches[0]).toMatchObject({ completed: true, stepsDone: 4, routineId: 'hips' });
    expect(before.settings.sitLimitMinutes).toBe(25);
  });

  it('counts a prompt under its latest outcome only', () => {
    const s = open(freshPath());
    const p = s.addPrompt({ at: t('2026-03-02T08:30:00Z'), kind: 'break', outcome: 'unanswered', sittingMs: 1, reason: null, zone: Z });
    s.setPromptOutcome(p.id, 'snoozed');
    s.setPromptOutcome(p.id, 'stretched');
    const rows = s.statsRows('2026-03-02', '2026-03-02');
    expect(rows.promptOutcomes).toEqual([{ kind: 'break', outcome: 'stretched', count: 1 }]);
    expect(rows.days[0]).toMatchObject({ breakPrompts: 1, breakPromptsHeeded: 1 });
    expect(() => s.setPromptOutcome(9999, 'skipped')).toThrow(StoreError);
  });

  it('validates settings and names the bad field', () => {
    const s = open(freshPath());
    expect(s.updateSettings({ snoozeMinutes: 5 }).snoozeMinutes).toBe(5);
    const bad = (patch: unknown, field: string) => {
      let err: unknown;
      try {
        s.updateSettings(patch as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('invalid');
      expect((err as Error).message).toContain(field);
    };
    bad({ sitLimitMinutes: 0 }, 'settings.sitLimitMinutes');
    bad({ sitLimitMinutes: 'ten' }, 'settings.sitLimitMinutes');
    bad({ quietHours: { start: '25:00', end: '07:00' } }, 'settings.quietHours.start');
    bad({ nonsense: true }, 'settings');
    bad({ timeZone: 'Mars/Olympus' }, 'settings.timeZone');
    expect(s.getSettings().snoozeMinutes).toBe(5); // nothing half-applied
    expect(s.getSettings().sitLimitMinutes).toBe(30);
  });

  it('places a bout that lands on stored ones after the wall clock was set back, keeping its length, so its export imports again', () => {
    const s = open(freshPath());
    s.addBout({ start: t('2026-03-02T09:00:00Z'), end: t('2026-03-02T09:40:00Z'), durationMs: 40 * 60_000, zone: Z });
    s.addBout({ start: t('2026-03-02T09:45:00Z'), end: t('2026-03-02T10:00:00Z'), durationMs: 15 * 60_000, zone: Z });
    // The clock went back an hour at 10:05: the next 25-minute bout says 09:10–09:35.
    const moved = s.addBout({ start: t('2026-03-02T09:10:00Z'), end: t('2026-03-02T09:35:00Z'), durationMs: 25 * 60_000, zone: Z });
    expect(moved).toMatchObject({ start: t('2026-03-02T10:00:00Z'), end: t('2026-03-02T10:25:00Z'), durationMs: 25 * 60_000 });
    // One that touches nothing stays where it is, even before earlier ones.
    const before = s.addBout({ start: t('2026-03-02T07:00:00Z'), end: t('2026-03-02T07:30:00Z'), durationMs: 30 * 60_000, zone: Z });
    expect(before.start).toBe(t('2026-03-02T07:00:00Z'));
    const bouts = s.listBouts();
    for (let i = 1; i < bouts.length; i++) expect(bouts[i]!.start).toBeGreaterThanOrEqual(bouts[i - 1]!.end);
    expect(bouts.reduce((sum, b) => sum + b.durationMs, 0)).toBe((40 + 15 + 25 + 30) * 60_000);
    expect(s.statsRows('2026-03-02', '2026-03-02').days[0]).toMatchObject({ sittingMs: (40 + 15 + 25 + 30) * 60_000 });

    const copy = open(freshPath());
    expect(importJson(copy, exportJson(s, t('2026-03-03T00:00:00Z'), Z)).added.bouts).toBe(4);
    const withoutId = ({ id: _id, ...rest }: { id: number }) => rest;
    expect(copy.listBouts().map(withoutId)).toEqual(bouts.map(withoutId));
  });

  it('refuses bouts that contradict themselves and unknown zones', () => {
    const s = open(freshPath());
    const start = t('2026-03-02T08:00:00Z');
    expect(() => s.addBout({ start, end: start - 1, durationMs: 0, zone: Z })).toThrow(/ends before/);
    expect(() => s.addBout({ start, end: start + 60_000, durationMs: 30_000, zone: Z })).toThrow(/durationMs/);
    expect(() => s.addBout({ start, end: start + 60_000, durationMs: 60_000, zone: 'Nowhere/City' })).toThrow(/IANA/);
    expect(() => s.addCheckIn({ at: start, soreness: 11, areas: [], redFlags: [], note: '', zone: Z })).toThrow(/soreness/);
    // Fractions from a monotonic clock are rounded, and stay consistent.
    const b = s.addBout({ start: start + 0.4, end: start + 60_000.4, durationMs: 60_000, zone: Z });
    expect(b).toMatchObject({ start, end: start + 60_000, durationMs: 60_000 });
    expect(s.listBouts()).toHaveLength(1);
  });

  it('writes, replaces and clears the one checkpoint row', () => {
    const s = open(freshPath());
    expect(s.readCheckpoint()).toBeNull();
    s.writeCheckpoint({ start: 1_000, lastInput: 2_000, savedAt: 3_000, zone: Z });
    s.writeCheckpoint({ start: 1_000, lastInput: 5_000, savedAt: 6_000, zone: Z });
    expect(s.readCheckpoint()).toEqual({ start: 1_000, lastInput: 5_000, savedAt: 6_000, zone: Z });
    s.writeCheckpoint(null);
    expect(s.readCheckpoint()).toBeNull();
  });

  it('deleteAll wipes the history and keeps the schema and settings', () => {
    const path = freshPath();
    const s = open(path);
    fill(s);
    s.deleteAll();
    expect(s.listBouts()).toEqual([]);
    expect(s.listPrompts()).toEqual([]);
    expect(s.listStretches()).toEqual([]);
    expect(s.listCheckIns()).toEqual([]);
    expect(s.readCheckpoint()).toBeNull();
    expect(s.historySpan()).toBeNull();
    expect(s.statsRows('2000-01-01', '2199-12-31').days).toEqual([]);
    expect(s.getSettings().sitLimitMinutes).toBe(25);
    s.addBout({ start: t('2026-03-03T08:00:00Z'), end: t('2026-03-03T08:30:00Z'), durationMs: 30 * 60_000, zone: Z });
    expect(s.historySpan()).toEqual({ first: '2026-03-03', last: '2026-03-03' });
  });

  it('opens read-only without writing, and refuses a missing file then', () => {
    const path = freshPath();
    expect(() => openStore(path, { readonly: true })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(existsSync(path)).toBe(false);
    const w = open(path);
    fill(w);
    const r = open(path, { readonly: true });
    expect(r.listBouts()).toEqual(w.listBouts());
    expect(() => r.addBout({ start: 0, end: 60_000, durationMs: 60_000, zone: Z })).toThrow();
  });

  it('sees a concurrent writer\'s rows (WAL: reader and writer in separate connections)', () => {
    const path = freshPath();
    const w = open(path);
    const r = open(path);
    w.addBout({ start: t('2026-03-02T08:00:00Z'), end: t('2026-03-02T08:40:00Z'), durationMs: 40 * 60_000, zone: Z });
    expect(r.listBouts()).toHaveLength(1);
    expect(r.statsRows('2026-03-02', '2026-03-02').days[0]?.sittingMs).toBe(40 * 60_000);
  });
});
