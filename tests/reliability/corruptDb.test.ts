import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION } from '../../main/store/index.js';
import { openStoreForTracker } from '../../main/store/recover.js';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, type CliRunner } from './support/cliBundle.js';
import { integrity, listing, query, sha256File, sleep, startDaemon, stopDaemon, stopLiveDaemons, work } from './support/daemonProcess.js';

/**
 * A damaged history under the daemon: it is moved aside with a timestamped name (with its -wal and
 * -shm), a fresh one is started, and the user is told where the old file went. A history from a newer
 * Sitwell is refused and left exactly as it was.
 */

const MINUTE_MS = 200;
const { dir: root, cleanup } = tempDir('sitwell-corrupt-');
let runner: CliRunner;
let n = 0;

beforeAll(async () => {
  runner = await cliRunner('corrupt');
}, 60_000);
afterAll(cleanup);
// A failed test's daemon is stopped here, not left holding the history lock for the retry or the next test.
afterEach(stopLiveDaemons);

/** A real history with a few bouts, in its own directory; `keepWal` leaves a -wal and -shm beside it (as a crash would). */
function history(keepWal = false): { dir: string; db: string; hold?: Database.Database } {
  const dir = join(root, `case-${++n}`);
  const db = join(dir, 'sitwell.db');
  const s = openStore(db);
  const t = Date.UTC(2026, 2, 2, 9);
  for (let i = 0; i < 30; i++) s.addBout({ start: t + i * 3_600_000, end: t + i * 3_600_000 + 900_000, durationMs: 900_000, zone: 'Europe/Berlin' });
  if (!keepWal) {
    s.close();
    return { dir, db };
  }
  // Copy the three files while the writer still has them open: the copy is a database with a live WAL.
  const copyDir = join(root, `case-${++n}`);
  const copy = join(copyDir, 'sitwell.db');
  openStore(copy).close();
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(db + suffix, copy + suffix);
  s.close();
  return { dir: copyDir, db: copy };
}

const CORRUPTIONS: { name: string; wal?: boolean; damage(db: string): void }[] = [
  { name: 'truncated to 50 bytes', damage: (db) => truncateSync(db, 50) },
  { name: 'truncated to half (header intact)', damage: (db) => truncateSync(db, Math.floor(readFileSync(db).length / 2 / 4096) * 4096 || 4096) },
  { name: 'random bytes', damage: (db) => writeFileSync(db, randomBytes(readFileSync(db).length)) },
  {
    name: 'wrong magic, with a -wal and -shm beside it',
    wal: true,
    damage: (db) => {
      const b = readFileSync(db);
      b.write('NotSQLite v3\0\0\0\0', 0, 'latin1');
      writeFileSync(db, b);
    },
  },
  {
    name: 'pages overwritten in the middle',
    damage: (db) => {
      const b = readFileSync(db);
      randomBytes(8192).copy(b, 4096 * 2);
      writeFileSync(db, b);
    },
  },
];

describe('a damaged history under `sitwell daemon` (real process, real files)', () => {
  const idleFile = join(root, 'idle');
  const recoveries: number[] = [];

  for (const c of CORRUPTIONS) {
    it(`${c.name}: moved aside with its name printed, a fresh history is started and tracked`, async () => {
      writeFileSync(idleFile, '999999');
      const { dir, db } = history(c.wal);
      c.damage(db);
      const damaged = { main: sha256File(readFileSync(db)), wal: existsSync(`${db}-wal`) ? sha256File(readFileSync(`${db}-wal`)) : null };
      const t0 = Date.now();
      const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
      const trackingAt = await d.waitFor(/tracking with idle source/);
      recoveries.push(trackingAt - t0);
      const m = /sitwell: warning: .* was damaged; it is now (\S+) and a new history was started/.exec(d.out());
      expect(m, d.out()).not.toBeNull();
      const aside = m![1]!;
      expect(aside).toMatch(/sitwell\.db\.corrupt-\d{8}T\d{6}Z(-\d+)?$/);
      expect(d.out()).toMatch(new RegExp(`cannot be read \\(.+\\); it was moved to ${aside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      // The damaged bytes are kept as they were, with their WAL.
      expect(sha256File(readFileSync(aside))).toBe(damaged.main);
      if (damaged.wal) expect(sha256File(readFileSync(`${aside}-wal`))).toBe(damaged.wal);
      expect(existsSync(`${db}-wal`) && damaged.wal !== null && sha256File(readFileSync(`${db}-wal`)) === damaged.wal).toBe(false);
      // The fresh history records a bout.
      await work(idleFile, 500);
      await sleep(600);
      expect((await stopDaemon(d)).code).toBe(0);
      expect(integrity(db)).toBe('ok');
      expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM bouts')[0]!.n).toBe(1);
      expect(Object.keys(listing(dir)).filter((f) => f.includes('corrupt-')).sort()).toEqual(
        [aside, ...(damaged.wal ? [`${aside}-wal`, `${aside}-shm`] : [])].map((p) => p.slice(dir.length + 1)).sort(),
      );
    }, 30_000);
  }

  it('a history from a newer Sitwell: refused with a clear message (exit 2), every file left as it was', async () => {
    const { dir, db } = history();
    const w = new Database(db);
    w.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    w.close();
    const before = listing(dir);
    const bytes = sha256File(readFileSync(db));
    const d = startDaemon(runner, { db, idleFile, minuteMs: MINUTE_MS });
    const { code } = await d.exited;
    expect(code).toBe(2);
    expect(d.out()).toMatch(new RegExp(`written by a newer Sitwell \\(schema version ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}\\)`));
    expect(d.out()).not.toMatch(/\.corrupt-|moved to/);
    expect(sha256File(readFileSync(db))).toBe(bytes);
    // No aside copy, no lock file left behind. (The store's own version check opens the file read-only,
    // which makes SQLite create an empty -wal and a -shm beside it; the database file itself is unchanged.)
    const after = listing(dir);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added.filter((f) => !/^sitwell\.db-(wal|shm)$/.test(f))).toEqual([]);
    expect(after['sitwell.db']).toBe(before['sitwell.db']);
    if (added.length) console.log(`newer-schema refusal: the file is unchanged; SQLite sidecars created by the read-only version check: ${added.join(', ')}`);
  }, 30_000);

  it('read-only commands refuse a damaged history and leave it byte for byte (stats, export, status)', async () => {
    const { dir, db } = history();
    writeFileSync(db, randomBytes(readFileSync(db).length));
    const before = listing(dir);
    const bytes = sha256File(readFileSync(db));
    for (const args of [['stats'], ['export', '--format', 'json'], ['status']]) {
      const r = await runSitwell(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/not a (Sitwell|readable SQLite) database/);
    }
    expect(sha256File(readFileSync(db))).toBe(bytes);
    expect(listing(dir)).toEqual(before);
  }, 60_000);

  it('two damaged files within one second get distinct names (in-process openStoreForTracker)', () => {
    const at = new Date(Date.UTC(2026, 10, 25, 10, 15, 0));
    const asides: string[] = [];
    const { db } = history();
    for (let k = 0; k < 2; k++) {
      writeFileSync(db, randomBytes(8192));
      const lines: string[] = [];
      const r = openStoreForTracker(db, (l) => lines.push(l), () => at);
      r.store.close();
      asides.push(r.movedAside!);
      expect(lines).toHaveLength(1);
    }
    expect(asides.map((a) => a.slice(a.lastIndexOf('/') + 1))).toEqual(['sitwell.db.corrupt-20261125T101500Z', 'sitwell.db.corrupt-20261125T101500Z-2']);
  });

  afterAll(() => {
    if (recoveries.length) console.log(`corrupt database: ${recoveries.length} variants moved aside; daemon tracking again ${Math.min(...recoveries)}–${Math.max(...recoveries)} ms after start`);
  });
});
