import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, StoreError } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-refuse-');
afterAll(cleanup);

/** Every file in the directory with its bytes, so "untouched" covers -wal/-shm siblings appearing too. */
function snapshot(d: string): Record<string, string> {
  return Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f)).toString('base64')]));
}

function refusal(path: string): StoreError {
  try {
    openStore(path).close();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error(`${path} was opened`);
}

function newerDb(d: string, journal: 'delete' | 'wal'): string {
  const path = join(d, 'sitwell.db');
  const s = openStore(path);
  s.addBout({ start: Date.parse('2026-03-02T07:00:00Z'), end: Date.parse('2026-03-02T07:45:00Z'), durationMs: 45 * 60_000, zone: 'UTC' });
  s.close();
  const db = new Database(path);
  db.pragma(`journal_mode = ${journal}`);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
  if (journal === 'wal') {
    // Leave committed pages in the WAL (as a running newer app would): copy the files while open.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('INSERT INTO from_the_future VALUES (1)');
    const copy = join(d, 'copy');
    mkdirSync(copy);
    for (const f of readdirSync(d).filter((f) => f.startsWith('sitwell.db'))) copyFileSync(join(d, f), join(copy, f));
    db.close();
    return join(copy, 'sitwell.db');
  }
  db.close();
  return path;
}

describe('a database this version must not open', () => {
  for (const journal of ['delete', 'wal'] as const) {
    it(`refuses a newer schema (${journal} journal) and leaves every byte as it was`, () => {
      const { dir: d, cleanup: c } = tempDir('sitwell-newer-');
      try {
        const path = newerDb(d, journal);
        const folder = join(path, '..');
        const before = snapshot(folder);
        if (journal === 'wal') expect(Object.keys(before)).toContain('sitwell.db-wal');
        const err = refusal(path);
        expect(err.code).toBe('newer-schema');
        expect(err.message).toMatch(/newer Sitwell.*schema version \d+.*update Sitwell/);
        expect(() => openStore(path, { readonly: true })).toThrow(expect.objectContaining({ code: 'newer-schema' }));
        const after = snapshot(folder);
        // The -shm file is SQLite's shared-memory index, not data; everything else must be identical.
        delete before['sitwell.db-shm'];
        delete after['sitwell.db-shm'];
        expect(after).toEqual(before);
      } finally {
        c();
      }
    });
  }

  const notSqlite: [string, Buffer][] = [
    ['a text file', Buffer.from('this is my shopping list\nmilk\n')],
    ['a JSON export given by mistake', Buffer.from(JSON.stringify({ format: 'sitwell-export', version: 1 }))],
    ['random bytes', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256))],
    ['a truncated SQLite header', Buffer.from('SQLite format 3\0\x10\x00')],
    ['an SQLite header followed by garbage', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)])],
  ];
  for (const [what, bytes] of notSqlite) {
    it(`refuses ${what} and leaves it untouched`, () => {
      const d = join(dir, what.replace(/\W+/g, '-'));
      mkdirSync(d);
      const path = join(d, 'sitwell.db');
      writeFileSync(path, bytes);
      const before = snapshot(d);
      const err = refusal(path);
      expect(err.code).toBe('not-sqlite');
      expect(err.message).toMatch(/not (a Sitwell database|a readable SQLite database).*left untouched/);
      expect(snapshot(d)).toEqual(before);
    });
  }

  it('treats an empty file as a new database', () => {
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    const s = openStore(path);
    expect(s.listBouts()).toEqual([]);
    s.close();
  });
});
