import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seedHistory.js';
import { getStats } from '../../main/app/statsForDates.js';
import { openStore, type Store } from '../../main/store/index.js';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-cli-exchange-');
afterAll(cleanup);
const source = join(dir, 'source.db');
const exportFile = join(dir, 'export.json');
interface ExportDoc {
  format: string;
  version: number;
  exportedAt: string;
  settings: Record<string, unknown>;
  bouts: Record<string, unknown>[];
  prompts: Record<string, unknown>[];
  stretches: Record<string, unknown>[];
  checkIns?: Record<string, unknown>[];
  standing?: Record<string, unknown>[];
}
let exported: ExportDoc;
const Z = 'Europe/Berlin';

beforeAll(async () => {
  const s = openStore(source);
  seedHistory(s, { from: '2026-03-16', days: 21, zone: Z, seed: 7 });
  const st = s.startStretch({ start: Date.parse('2026-03-17T10:00:00Z'), routineId: 'hips-and-glutes', stepsTotal: 5, zone: Z });
  s.finishStretch(st.id, { end: Date.parse('2026-03-17T10:04:00Z'), completed: false, stepsDone: 3 });
  const st2 = s.startStretch({ start: Date.parse('2026-03-18T10:00:00Z'), routineId: 'quick-2', stepsTotal: 4, zone: Z });
  s.finishStretch(st2.id, { end: Date.parse('2026-03-18T10:02:00Z'), completed: true, stepsDone: 4 });
  // A session still under way is left out of the export: an open one could never be imported.
  s.startStretch({ start: Date.parse('2026-04-20T10:00:00Z'), routineId: 'quick-2', stepsTotal: 4, zone: Z });
  // Standing at a sit-stand desk, with its stood prompt and a move prompt (DESIGN.md §7).
  s.addStanding({ start: Date.parse('2026-03-19T10:00:00Z'), end: Date.parse('2026-03-19T10:45:00Z'), durationMs: 45 * 60_000, zone: Z });
  s.addPrompt({ at: Date.parse('2026-03-19T10:40:00Z'), kind: 'move', outcome: 'shown', sittingMs: 40 * 60_000, reason: null, zone: Z });
  s.addPrompt({ at: Date.parse('2026-03-19T09:59:00Z'), kind: 'break', outcome: 'stood', sittingMs: 30 * 60_000, reason: null, zone: Z });
  // Prompts a busy source held back keep their reason (DESIGN.md §6).
  s.addPrompt({ at: Date.parse('2026-03-19T09:30:00Z'), kind: 'break', outcome: 'suppressed', sittingMs: 30 * 60_000, reason: 'busy:call', zone: Z });
  s.addPrompt({ at: Date.parse('2026-03-19T09:15:00Z'), kind: 'posture', outcome: 'suppressed', sittingMs: 15 * 60_000, reason: 'busy:dnd', zone: Z });
  s.addCheckIn({ at: Date.parse('2026-03-19T16:00:00Z'), soreness: 7, areas: ['left-buttock', 'lower-back'], redFlags: ['fever'], note: 'a "quoted", note', zone: Z });
  // A bout across midnight in another zone, to travel through the file too.
  s.addBout({ start: Date.parse('2026-04-10T03:30:00Z'), end: Date.parse('2026-04-10T04:45:00Z'), durationMs: 75 * 60_000, zone: 'America/New_York' });
  s.updateSettings({ sitLimitMinutes: 40, workHours: { mon: { start: '09:00', end: '17:00' }, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null } });
  s.close();
  const r = await runSitwell(['--db', source, 'export', '--format', 'json', '--out', exportFile]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  exported = JSON.parse(readFileSync(exportFile, 'utf8'));
});

const strip = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);
function everything(s: Store) {
  const span = s.historySpan();
  return {
    bouts: strip(s.listBouts()),
    standing: strip(s.listStanding()),
    prompts: strip(s.listPrompts()),
    stretches: strip(s.listStretches()),
    checkIns: strip(s.listCheckIns()),
    settings: s.getSettings(),
    stats: span ? getStats(s, { from: span.first, to: span.last, zone: Z }) : null,
  };
}
function contentsOf(path: string) {
  const s = openStore(path);
  try {
    return everything(s);
  } finally {
    s.close();
  }
}

describe('sitwell export / import (real child processes)', { timeout: 120_000 }, () => {
  it('writes the documented JSON: format, version, uids and ISO instants with offsets', () => {
    expect(exported).toMatchObject({ format: 'sitwell-export', version: 2 });
    expect(exported.standing).toEqual([
      { uid: expect.any(String), start: '2026-03-19T11:00:00+01:00', end: '2026-03-19T11:45:00+01:00', durationMs: 45 * 60_000, zone: Z },
    ]);
    expect(exported.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/);
    const b = exported.bouts[0] as Record<string, unknown>;
    expect(Object.keys(b).sort()).toEqual(['durationMs', 'end', 'start', 'uid', 'zone']);
    expect(b.start).toMatch(/^2026-03-16T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect((exported.settings as { sitLimitMinutes: number }).sitLimitMinutes).toBe(40);
    expect(exported.stretches).toHaveLength(2);
    expect(exported.prompts.filter((p) => String(p.reason).startsWith('busy:')).map((p) => p.reason)).toEqual(['busy:dnd', 'busy:call']);
  });

  it('round-trips into a fresh database with identical statistics, and a second import adds nothing', async () => {
    const target = join(dir, 'roundtrip.db');
    const first = await runSitwell(['--db', target, 'import', exportFile]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const n = exported.bouts.length;
    expect(first.stdout).toContain(`added: ${n} bouts, ${exported.prompts.length} prompts, 2 stretch sessions, 1 check-in`);
    expect(first.stdout).toContain('settings: taken from the file');
    const sourceWithoutOpen = { ...contentsOf(source) };
    sourceWithoutOpen.stretches = sourceWithoutOpen.stretches.filter((st) => st.end !== null);
    expect(contentsOf(target)).toEqual(sourceWithoutOpen);

    const again = await runSitwell(['--db', target, 'import', exportFile]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('added: 0 bouts, 0 prompts, 0 stretch sessions, 0 check-ins');
    expect(again.stdout).toContain(`already present, skipped: ${n} bouts`);
    expect(again.stdout).toContain('settings: kept');
    expect(contentsOf(target)).toEqual(sourceWithoutOpen);
  });

  it('still imports a file of export version 1 (before standing periods)', async () => {
    const { standing: _s, ...v1 } = { ...exported, version: 1 };
    v1.prompts = v1.prompts.filter((p) => p.kind !== 'move' && p.outcome !== 'stood');
    const file = join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify(v1));
    const r = await runSitwell(['--db', join(dir, 'v1.db'), 'import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`added: ${exported.bouts.length} bouts, ${v1.prompts.length} prompts, 2 stretch sessions, 1 check-in, 0 standing periods`);
  });

  it('merges a file into a history that has other, non-overlapping bouts', async () => {
    const target = join(dir, 'merge.db');
    const s = openStore(target);
    s.addBout({ start: Date.parse('2025-12-01T08:00:00Z'), end: Date.parse('2025-12-01T08:30:00Z'), durationMs: 30 * 60_000, zone: Z });
    s.updateSettings({ snoozeMinutes: 3 });
    s.close();
    const r = await runSitwell(['--db', target, 'import', exportFile]);
    expect(r.code).toBe(0);
    const after = contentsOf(target);
    expect(after.bouts).toHaveLength(exported.bouts.length + 1);
    expect(after.settings.snoozeMinutes).toBe(3); // its own settings win
  });

  it('exports CSV of the bouts with a header, to stdout', async () => {
    const r = await runSitwell(['--db', source, 'export', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('start,end,minutes,date,zone');
    expect(lines).toHaveLength(exported.bouts.length + 1);
    expect(lines[1]).toMatch(/^2026-03-16T\d\d:\d\d:\d\d(\.\d{3})?\+01:00,2026-03-16T\d\d:\d\d:\d\d(\.\d{3})?\+01:00,\d+\.\d,2026-03-16,Europe\/Berlin$/);
    expect(lines.at(-1)).toBe('2026-04-09T23:30:00-04:00,2026-04-10T00:45:00-04:00,75.0,2026-04-09,America/New_York');
  });

  it('never overwrites --out without --force', async () => {
    const out = join(dir, 'existing.json');
    writeFileSync(out, 'precious');
    const r = await runSitwell(['--db', source, 'export', '--format', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${out} already exists; pass --force to overwrite it`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = await runSitwell(['--db', source, 'export', '--format', 'csv', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^start,end,minutes,date,zone\n/);
  });

  describe('refuses a hostile import whole: exit 2, the first problem named, nothing written', () => {
    type Doc = typeof exported;
    const bout = (d: Doc, i: number) => d.bouts[i]!;
    const cases: [string, (d: Doc) => void, RegExp][] = [
      ['a wrong type', (d) => (bout(d, 1).start = 12345), /bouts\[1\]\.start: /],
      ['a bout ending before it starts', (d) => (bout(d, 2).end = '2026-03-16T00:00:00+01:00'), /bouts\[2\]\.end: ends before the bout starts/],
      ['a duration that does not match', (d) => (bout(d, 0).durationMs = (bout(d, 0).durationMs as number) + 1000), /bouts\[0\]\.durationMs: .*does not match/],
      ['bouts overlapping each other', (d) => d.bouts.push({ ...bout(d, 3), uid: 'new-overlap' }), /bouts\[\d+\]: overlaps bouts\[3\]/],
      ['a year beyond 2200', (d) => d.prompts[0]!.at = '2201-01-01T00:00:00+00:00', /prompts\[0\]\.at: .*outside the years 2000–2199/],
      ['an unknown suppress reason', (d) => (d.prompts[0]!.reason = 'busy:lunch'), /prompts\[0\]\.reason: /],
      ['a year before 2000', (d) => (bout(d, 0).start = '1999-12-31T23:00:00+00:00'), /bouts\[0\]\.start: .*outside the years/],
      ['a duplicate uid', (d) => (bout(d, 4).uid = bout(d, 1).uid), /bouts\[4\]\.uid: .* is also the uid of bouts\[1\]/],
      ['an instant without offset', (d) => (bout(d, 0).end = '2026-03-16T10:00:00'), /bouts\[0\]\.end: .*with an offset/],
      ['an unknown key', (d) => (bout(d, 0).mood = 'happy'), /bouts\[0\]: .*mood/],
      ['an unknown zone', (d) => (bout(d, 0).zone = 'Mars/Olympus'), /bouts\[0\]\.zone: is not an IANA time zone/],
      ['a bad setting', (d) => (d.settings.sitLimitMinutes = 0), /settings\.sitLimitMinutes: must be at least 1/],
      ['an unknown prompt outcome', (d) => (d.prompts[3]!.outcome = 'ignored'), /prompts\[3\]\.outcome/],
      ['soreness out of range', (d) => (d.checkIns![0]!.soreness = 11), /checkIns\[0\]\.soreness/],
      ['a wrong format marker', (d) => (d.format = 'other-app'), /format: not a Sitwell export/],
      ['a newer file version', (d) => (d.version = 3), /version: this Sitwell reads export files of versions 1 and 2/],
      ['a missing list', (d) => delete d.checkIns, /checkIns: /],
      // The bridge's rules hold for imports too (issue #11's review: import took what the bridge refuses).
      ['an unknown routine', (d) => d.stretches.push({ ...d.stretches[0]!, uid: 'new-routine', routineId: 'moonwalk' }), /stretches\[\d+\]\.routineId: is not a routine or stretch Sitwell knows/],
      ['an offset beyond ±18:00', (d) => (bout(d, 0).start = '2026-03-16T08:00:00+99:99'), /bouts\[0\]\.start: .*offset beyond ±18:00/],
      ['a stretch session that never ended', (d) => d.stretches.push({ ...d.stretches[0]!, uid: 'new-open', end: null }), /stretches\[\d+\]\.end: the session never ended/],
    ];

    let base: string;
    let baseline: ReturnType<typeof contentsOf>;
    beforeAll(() => {
      // A history with its own bouts, which valid new bouts in the file would be added to.
      base = join(dir, 'hostile-base.db');
      const s = openStore(base);
      s.addBout({ start: Date.parse('2025-12-01T08:00:00Z'), end: Date.parse('2025-12-01T08:30:00Z'), durationMs: 30 * 60_000, zone: Z });
      s.close();
      baseline = contentsOf(base);
    });

    const attempt = async (name: string, fileText: string | null, prepare?: (file: string) => void) => {
      const db = join(dir, `hostile-${name.replace(/\W+/g, '-')}.db`);
      copyFileSync(base, db);
      const file = join(dir, `hostile-${name.replace(/\W+/g, '-')}.json`);
      if (fileText !== null) writeFileSync(file, fileText);
      prepare?.(file);
      const r = await runSitwell(['--db', db, 'import', file]);
      expect(contentsOf(db)).toEqual(baseline);
      return r;
    };

    it.concurrent.each(cases)('%s', async (name, mutate, message) => {
      const doc = structuredClone(exported);
      // Valid new records come first, so a half-done import would show.
      mutate(doc);
      const r = await attempt(name, JSON.stringify(doc));
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/nothing was imported/);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    });

    it.concurrent('a bout overlapping a stored bout with another uid', async () => {
      const doc = structuredClone(exported);
      doc.bouts.push({ uid: 'clash', start: '2025-12-01T09:10:00+01:00', end: '2025-12-01T09:40:00+01:00', durationMs: 30 * 60_000, zone: Z });
      const r = await attempt('stored-overlap', JSON.stringify(doc));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`bouts\\[${doc.bouts.length - 1}\\]: overlaps the stored bout 2025-12-01T09:00:00\\+01:00 – 2025-12-01T09:30:00\\+01:00`));
    });

    it.concurrent('a file nested deeper than any export, refused before it is parsed (10 MB of brackets)', async () => {
      const started = Date.now();
      const r = await attempt('deep', '{"format":"sitwell-export","bouts":' + '['.repeat(10 * 1024 * 1024));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nested more than 32 levels deep/);
      expect(Date.now() - started).toBeLessThan(20_000); // parsing it would take seconds and gigabytes
    });

    it.concurrent('a file that is not JSON', async () => {
      const r = await attempt('not-json', '{"format": "sitwell-export", "bouts": [');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not JSON/);
    });

    it.concurrent('a file over 100 MB (sparse, so the test stays quick)', async () => {
      const r = await attempt('huge', null, (file) => {
        writeFileSync(file, '');
        truncateSync(file, 101 * 1024 * 1024);
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/larger than 100 MB/);
    });

    it.concurrent('a file that does not exist', async () => {
      const r = await runSitwell(['--db', join(dir, 'never.db'), 'import', join(dir, 'no-such-file.json')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot read .*no-such-file\.json: ENOENT/);
      expect(existsSync(join(dir, 'never.db'))).toBe(false);
    });

    it.concurrent('a bad file does not even create the database', async () => {
      const file = join(dir, 'bad-for-new.json');
      writeFileSync(file, JSON.stringify({ ...exported, bouts: 'none' }));
      const db = join(dir, 'new-from-bad.db');
      const r = await runSitwell(['--db', db, 'import', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/bouts: /);
      expect(existsSync(db)).toBe(false);
    });
  });
});
