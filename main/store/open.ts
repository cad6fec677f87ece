import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { errorCode, storageFailure } from './sqliteErrors.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Refuses files that are not SQLite by their 16-byte header, before SQLite gets to touch them. */
function checkHeader(path: string): void {
  const stat = statSync(path);
  if (!stat.isFile()) throw new StoreError('not-sqlite', 'not a database file (a directory or device)');
  const size = stat.size;
  if (size === 0) return; // SQLite treats an empty file as a new database
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !head.equals(SQLITE_MAGIC)) {
    throw new StoreError('not-sqlite', 'not a Sitwell database (not an SQLite file); the file was left untouched');
  }
}

/**
 * Reads the schema version through a read-only connection: a read-only connection never
 * writes the file, not even the WAL checkpoint a closing writer would do.
 */
function readVersion(path: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (storageFailure(e) === 'damaged') {
      throw new StoreError('not-sqlite', `not a readable SQLite database (${(e as Error).message}); the file was left untouched`);
    }
    throw e;
  } finally {
    db?.close();
  }
}

function checkVersion(version: number): void {
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'newer-schema',
      `written by a newer Sitwell (schema version ${version}; this version reads up to ${SCHEMA_VERSION}); ` +
        'update Sitwell to open it. The file was left untouched',
    );
  }
}

/**
 * The history is health data: a folder this creates is the user's alone (0700), the database is
 * created 0600 whatever the umask (SQLite gives its -wal and -shm files the database's mode),
 * and an existing history left readable by others is tightened when opened for writing.
 */
function createPrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600)); // an empty file is a new database to SQLite
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process was first: its file is checked as usual
  }
}

function tightenModes(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      const mode = statSync(file).mode & 0o777;
      if (mode & 0o077) chmodSync(file, mode & 0o700);
    } catch {
      /* absent, or not ours to change: SQLite's own checks decide */
    }
  }
}

/** Opens (creating if needed) and migrates the database, after checks that never write to a file they refuse. */
export function openDatabase(path: string, opts: { readonly?: boolean } = {}): Database.Database {
  try {
    return open(path, opts);
  } catch (e) {
    const kind = e instanceof StoreError ? null : storageFailure(e);
    // A damaged file is reported by the checks above; busy is SQLite waiting, then failing, as elsewhere.
    if (kind === 'full' || kind === 'read-only' || kind === 'io') throw new StoreError('io', `cannot open the database: ${errorCode(e)} (${(e as Error).message})`);
    throw e;
  }
}

function open(path: string, opts: { readonly?: boolean }): Database.Database {
  const exists = existsSync(path);
  if (exists) {
    checkHeader(path);
    if (statSync(path).size > 0) checkVersion(readVersion(path));
  } else if (opts.readonly) {
    throw new StoreError('not-found', 'no such database file');
  } else {
    createPrivate(path);
  }

  if (opts.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      db.close();
      throw new StoreError('outdated-schema', `schema version ${version} is older than this Sitwell's (${SCHEMA_VERSION}); open it once for writing to upgrade it`);
    }
    db.pragma('busy_timeout = 5000');
    return db;
  }

  if (exists) tightenModes(path);
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    // Another process may have replaced the file between the checks and this open.
    checkVersion(db.pragma('user_version', { simple: true }) as number);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
