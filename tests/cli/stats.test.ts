import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seedHistory.js';
import { getStats } from '../../main/app/statsForDates.js';
import { openStore, SCHEMA_VERSION } from '../../main/store/index.js';
import Database from 'better-sqlite3';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-cli-stats-');
afterAll(cleanup);
const db = join(dir, 'sitwell.db');
const ZONE = 'Pacific/Auckland';

beforeAll(() => {
  const s = openStore(db);
  seedHistory(s, { from: '2026-02-20', days: 60, zone: ZONE });
  s.addCheckIn({ at: Date.parse('2026-03-03T01:00:00Z'), soreness: 6, areas: ['right-hip'], redFlags: [], note: '', zone: ZONE });
  const now = Date.now();
  s.addBout({ start: now - 61 * 60_000, end: now - 60_000, durationMs: 60 * 60_000, zone: ZONE });
  s.updateSettings({ timeZone: ZONE });
  s.close();
});

describe('sitwell stats (real child process)', { timeout: 120_000 }, () => {
  it('prints the report as JSON, equal to the in-process statistics', async () => {
    const r = await runSitwell(['--db', db, 'stats', '--from', '2026-03-02', '--to', '2026-03-15', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = openStore(db, { readonly: true });
    expect(JSON.parse(r.stdout)).toEqual(getStats(s, { from: '2026-03-02', to: '2026-03-15', zone: ZONE }));
    s.close();
  });

  it('prints a readable table of days, weeks, totals and the research measures', async () => {
    const r = await runSitwell(['--db', db, 'stats', '--from', '2026-03-02', '--to', '2026-03-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Sitwell statistics, 2026-03-02 to 2026-03-15 (${ZONE})`);
    expect(r.stdout).toMatch(/^2026-03-02 Mon\s+\d+:\d\d\s+\d+/m);
    expect(r.stdout).toMatch(/^week 2026-W10 \(03-02–03-08\)/m);
    expect(r.stdout).toMatch(/^total\s+\d+:\d\d/m);
    expect(r.stdout).toMatch(/alpha \d\.\d{3}, W50 \d+\.\d min, Gini 0\.\d{3}/);
    expect(r.stdout).toMatch(/Break prompts: \d+ shown, \d+ led to a break \(\d+%\)/);
    expect(r.stdout).toContain('soreness 6/10 (right-hip)');
  });

  it('compares the period with the one before it (issue 17), and says so when that one has no records', async () => {
    const json = JSON.parse((await runSitwell(['--db', db, 'stats', '--from', '2026-03-09', '--to', '2026-03-15', '--json'])).stdout);
    expect(json.comparison).toMatchObject({ previousFrom: '2026-03-02', previousTo: '2026-03-08', trackedDays: 5, previousTrackedDays: 5 });
    expect(json.comparison.measures.map((m: { measure: string }) => m.measure)).toEqual(['dailySitting', 'longBoutsPerDay', 'breaksPerSittingHour']);
    const r = await runSitwell(['--db', db, 'stats', '--from', '2026-03-09', '--to', '2026-03-15']);
    expect(r.stdout).toMatch(/^Compared with 2026-03-02 to 2026-03-08 \(averages over days with records: 5 now, 5 then\):$/m);
    expect(r.stdout).toMatch(/^ {2}Sitting a day: \d+:\d\d, (about the same as|\d+:\d\d (more|less) than) before \(\d+:\d\d\)$/m);
    const first = await runSitwell(['--db', db, 'stats', '--from', '2026-02-20', '--to', '2026-02-26']);
    expect(first.stdout).toContain('Compared with 2026-02-13 to 2026-02-19: nothing recorded then, so nothing to compare with.');
  });

  it('covers the last seven days ending today (in the settings zone) by default', async () => {
    const r = await runSitwell(['--db', db, 'stats', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    expect(report.to).toBe(today);
    expect(report.days).toHaveLength(7);
    expect(report.totals.sittingMinutes).toBeGreaterThan(0);
  });

  it('reports an empty history for a database that does not exist, without creating it', async () => {
    const missing = join(dir, 'nothing-here', 'sitwell.db');
    const r = await runSitwell(['--db', missing, 'stats', '--from', '2026-03-01', '--to', '2026-03-02']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^total\s+0:00\s+0/m);
    expect(existsSync(missing)).toBe(false);
  });

  it.each([
    [['--from', '2026-02-30'], /--from: "2026-02-30" is not a date/],
    [['--to', 'yesterday'], /--to: "yesterday" is not a date/],
    [['--from', '2026-03-10', '--to', '2026-03-01'], /--from 2026-03-10 is after --to 2026-03-01/],
    [['--from', '1900-01-01', '--to', '2026-01-01'], /longer than 100 years/],
  ])('refuses %j with exit 2 and nothing on stdout', async (args, message) => {
    const r = await runSitwell(['--db', db, 'stats', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('refuses a file that is not SQLite, and one from a newer version, leaving both untouched', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    const newer = join(dir, 'newer.db');
    openStore(newer).close();
    const raw = new Database(newer);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = [readFileSync(text), readFileSync(newer)];
    const [a, b] = await Promise.all([runSitwell(['--db', text, 'stats']), runSitwell(['--db', newer, 'stats', '--json'])]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${text}: not a Sitwell database`);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/newer Sitwell/);
    expect(a.stdout + b.stdout).toBe('');
    expect([readFileSync(text), readFileSync(newer)]).toEqual(before);
  });
});
