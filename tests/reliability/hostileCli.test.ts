import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seedHistory.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, runCli, type CliRunner } from './support/cliBundle.js';
import { fingerprint, listing, sha256File } from './support/daemonProcess.js';

/**
 * Hostile `import` files and hostile paths through the real CLI (a child process on a real SQLite
 * file). Every refusal is whole: the history's every table hashes the same afterwards, and no file
 * appears or changes that the user did not name. (tests/cli/exportImport.test.ts has the per-field
 * messages of the import validation; this file adds whole-database fingerprints and file listings.)
 */

const Z = 'Europe/Berlin';
const { dir, cleanup } = tempDir('sitwell-hostile-');
const db = join(dir, 'history.db');
let runner: CliRunner;
let exported: { bouts: Record<string, unknown>[]; prompts: Record<string, unknown>[]; [k: string]: unknown };
let exportText: string;

beforeAll(async () => {
  runner = await cliRunner('hostile');
  const s = openStore(db);
  seedHistory(s, { from: '2026-03-02', days: 14, zone: Z, seed: 11 });
  s.close();
  const r = await runCli(runner, ['--db', db, 'export', '--format', 'json']);
  expect(r.code).toBe(0);
  exportText = r.stdout;
  exported = JSON.parse(exportText);
  // A history of its own to import into: the source's bouts shifted by a year, so valid ones would be added.
  const shifted = structuredClone(exported);
  for (const b of shifted.bouts) {
    b.uid = `x-${String(b.uid)}`;
    for (const k of ['start', 'end'] as const) b[k] = new Date(Date.parse(String(b[k])) - 366 * 86_400_000).toISOString();
  }
  shifted.prompts = [];
  writeFileSync(join(dir, 'shifted.json'), JSON.stringify(shifted));
}, 60_000);
afterAll(cleanup);

describe('hostile `import` files: refused whole, with a message, the history unchanged', () => {
  const bout = (d: typeof exported, i: number) => d.bouts[i]!;
  const mutated = (f: (d: typeof exported) => void) => {
    const d = structuredClone(exported);
    // Valid new records come first (uids not stored yet), so a half-done import would show.
    d.bouts.unshift({ ...bout(d, 0), uid: 'fresh-1', start: '2025-01-06T08:00:00+01:00', end: '2025-01-06T08:20:00+01:00', durationMs: 1_200_000 });
    f(d);
    return JSON.stringify(d);
  };
  const cases: [string, () => string | ((file: string) => void), RegExp][] = [
    ['huge: a 101 MB sparse file', () => (file) => (writeFileSync(file, ''), truncateSync(file, 101 * 1024 * 1024)), /larger than 100 MB/],
    [
      'huge: 40 MB of valid-looking bouts with one bad record at the very end',
      () => {
        const d = structuredClone(exported);
        const t = Date.parse('2024-01-01T00:00:00Z');
        const many = Array.from({ length: 170_000 }, (_, i) => ({
          uid: `bulk-${i}`,
          start: new Date(t + i * 120_000).toISOString(),
          end: new Date(t + i * 120_000 + 60_000).toISOString(),
          durationMs: 60_000,
          zone: Z,
        }));
        many.at(-1)!.durationMs = 1; // the one problem, last of all
        d.bouts = [...many, ...d.bouts];
        return JSON.stringify(d);
      },
      /bouts\[169999\]\.durationMs: .*does not match/,
    ],
    ['truncated JSON (a real export cut in half)', () => exportText.slice(0, Math.floor(exportText.length / 2)), /not JSON/],
    ['duplicated uids', () => mutated((d) => (bout(d, 5).uid = bout(d, 2).uid)), /bouts\[5\]\.uid: .* is also the uid of bouts\[2\]/],
    ['overlapping bouts', () => mutated((d) => d.bouts.push({ ...bout(d, 3), uid: 'overlap-copy' })), /overlaps bouts\[3\]/],
    ['a bout that ends before it starts', () => mutated((d) => ([bout(d, 1).start, bout(d, 1).end] = [bout(d, 1).end, bout(d, 1).start])), /bouts\[1\]\.end: ends before the bout starts/],
    ['dates in the year 9999', () => mutated((d) => (bout(d, 4).start = '9999-12-31T23:59:59+00:00')), /bouts\[4\]\.start: .*outside the years 2000–2199/],
    ['a prototype-polluting key', () => mutated((d) => Object.defineProperty(bout(d, 0), '__proto__', { value: { polluted: true }, enumerable: true })), /bouts\[0\]: .*__proto__/],
    ['not an object at all', () => '[1, 2, 3]', /not a Sitwell export|expected object/],
  ];

  for (const [name, make, message] of cases) {
    it(name, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      const content = make();
      if (typeof content === 'string') writeFileSync(file, content);
      else content(file);
      const before = fingerprint(db);
      const files = listing(dir);
      const bytes = sha256File(readFileSync(db));
      const r = await runCli(runner, ['--db', db, 'import', file], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/nothing was imported|not a Sitwell export/);
      expect(r.stdout).toBe('');
      expect(listing(dir)).toEqual(files); // first: reading the database (below) touches its -shm
      expect(fingerprint(db)).toEqual(before);
      expect(sha256File(readFileSync(db))).toBe(bytes);
      if (name.startsWith('huge')) console.log(`import of ${name}: refused in ${r.ms} ms`);
    }, 120_000);
  }

  it('a bout overlapping one already stored (a valid file, the wrong history): refused, unchanged', async () => {
    const other = join(dir, 'other.db');
    const first = await runCli(runner, ['--db', other, 'import', join(dir, 'shifted.json')]);
    expect(first.code, first.stderr).toBe(0);
    const d = structuredClone(exported);
    const b0 = JSON.parse(readFileSync(join(dir, 'shifted.json'), 'utf8')).bouts[0];
    d.bouts = [{ ...b0, uid: 'clash' }];
    const file = join(dir, 'clash.json');
    writeFileSync(file, JSON.stringify(d));
    const before = fingerprint(other);
    const r = await runCli(runner, ['--db', other, 'import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bouts\[0\]: overlaps the stored bout .*; nothing was imported/);
    expect(fingerprint(other)).toEqual(before);
  });
});

describe('CLI paths: nothing written but what the user named', () => {
  it('export --out refuses to overwrite without --force, and replaces only with it', async () => {
    const out = join(dir, 'paths-1', 'backup.json');
    mkdirSync(join(dir, 'paths-1'));
    writeFileSync(out, 'precious');
    const before = listing(join(dir, 'paths-1'));
    const r = await runCli(runner, ['--db', db, 'export', '--format', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sitwell: ${out} already exists; pass --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(listing(join(dir, 'paths-1'))).toEqual(before); // no temporary file left beside it
    const forced = await runCli(runner, ['--db', db, 'export', '--format', 'json', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('sitwell-export');
    expect(Object.keys(listing(join(dir, 'paths-1')))).toEqual(['backup.json']);
  });

  it('export --out into a missing folder, or onto a folder: a clear error, nothing created', async () => {
    const base = join(dir, 'paths-2');
    mkdirSync(join(base, 'a-folder'), { recursive: true });
    const before = listing(base);
    const missing = join(base, 'no', 'such', 'backup.json');
    const r = await runCli(runner, ['--db', db, 'export', '--format', 'csv', '--out', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sitwell: cannot write ${missing}: the folder ${join(base, 'no', 'such')} does not exist\n`);
    const onto = await runCli(runner, ['--db', db, 'export', '--format', 'csv', '--out', join(base, 'a-folder'), '--force']);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toMatch(/cannot write .*a-folder: it is a folder; name a file/);
    expect(listing(base)).toEqual(before);
  });

  it('export --out --force onto a symlink replaces the link, never the file it points to', async () => {
    const base = join(dir, 'paths-3');
    mkdirSync(join(base, 'elsewhere'), { recursive: true });
    const target = join(base, 'elsewhere', 'important.txt');
    writeFileSync(target, 'not yours');
    const link = join(base, 'out.json');
    symlinkSync(target, link);
    const r = await runCli(runner, ['--db', db, 'export', '--format', 'json', '--out', link, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('not yours');
    expect(JSON.parse(readFileSync(link, 'utf8')).format).toBe('sitwell-export');
  });

  it('--db pointing at a folder: every command says so (exit 2) and writes nothing anywhere', async () => {
    const base = join(dir, 'paths-4');
    const folder = join(base, 'histories');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(base, 'idle'), '0');
    writeFileSync(join(base, 'good.json'), exportText);
    const before = listing(base);
    for (const args of [
      ['stats'],
      ['status'],
      ['export', '--format', 'json'],
      ['import', join(base, 'good.json')],
      ['daemon', '--idle-source', `file:${join(base, 'idle')}`, '--no-notifications'],
    ]) {
      const r = await runCli(runner, ['--db', folder, ...args]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toBe(`sitwell: ${folder}: not a database file (a directory or device)\n`);
      expect(listing(base), `${args[0]} wrote something`).toEqual(before);
    }
  });

  it('read-only commands on a --db that does not exist create nothing (no file, no folder)', async () => {
    const base = join(dir, 'paths-5');
    mkdirSync(base);
    const nowhere = join(base, 'not', 'yet', 'history.db');
    for (const args of [['stats'], ['status'], ['export', '--format', 'csv']]) {
      const r = await runCli(runner, ['--db', nowhere, ...args]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(listing(base), `${args[0]} created something`).toEqual({});
    }
  });
});
