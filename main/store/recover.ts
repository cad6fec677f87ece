import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { openStore } from './index.js';
import type { Store } from './types.js';
import { storageFailure } from './sqliteErrors.js';

/**
 * How a tracker (the daemon, the app) opens the history: a file that is damaged (truncated, random
 * bytes, a wrong header) must not stop the user's tracking for good, so it is moved aside under a
 * timestamped name, with its -wal and -shm, and a fresh history is started; the caller tells the
 * user where the old file went. Nothing is deleted. A history from a newer Sitwell is refused
 * (StoreError 'newer-schema') and left exactly as it was: it is fine, this version is too old.
 * Read-only commands do not use this: they refuse a damaged file and leave it alone.
 */

/** 20261125T101500Z: sorts by time and is a valid file name everywhere. */
function stampOf(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const SIDECARS = ['-wal', '-shm'];

/** Why the file cannot be used, or null when it looks fine (or does not exist, or is not a regular file). */
function damage(path: string): string | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isFile() || stat.size === 0) return null;
  // Even a read-only connection creates the -wal and -shm of a file whose header says WAL.
  const hadSidecars = SIDECARS.map((s) => existsSync(path + s));
  let db: Database.Database | undefined;
  let why: string | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    // quick_check reads every page once (milliseconds for a Sitwell history): it finds a truncated
    // file that still has a good header, which would otherwise fail at the first write hours later.
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length) {
      // One log line: quick_check's report spans lines and can run to hundreds of entries.
      const text = problems.slice(0, 3).join('; ').replace(/\s+/g, ' ').replace(/\*\*\* in database main \*\*\* /g, '');
      why = `damaged: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
    }
  } catch (e) {
    if (storageFailure(e) === 'damaged') why = `not a readable SQLite database (${(e as Error).message})`;
    // Otherwise permissions or I/O: not the file's fault, so nothing is moved (openStore reports it).
  } finally {
    db?.close();
  }
  // A damaged file is about to be moved aside as it was found: without the empty sidecars this check made.
  if (why) SIDECARS.forEach((s, i) => !hadSidecars[i] && rmSync(path + s, { force: true }));
  return why;
}

/** Renames the file and its -wal/-shm to `<path>.corrupt-<UTC stamp>[-n]`; returns the new name of the main file. */
function moveAside(path: string, now: Date): string {
  const base = `${path}.corrupt-${stampOf(now)}`;
  let aside = base;
  for (let n = 2; [aside, `${aside}-wal`, `${aside}-shm`].some((p) => existsSync(p)); n++) aside = `${base}-${n}`;
  // The WAL and shared-memory files keep their pairing with the main file (SQLite finds them by name).
  for (const suffix of SIDECARS) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  renameSync(path, aside);
  return aside;
}

export interface TrackerStoreResult {
  store: Store;
  /** Where the damaged file was moved, or null when the history opened as it was. */
  movedAside: string | null;
}

/**
 * Opens the history for a tracker, moving a damaged file aside (see above). Call it while holding
 * the tracker lock, so no other tracker is writing the file being moved. Throws StoreError
 * 'newer-schema' (file untouched), 'not-sqlite' for a directory or device, 'io' and others as openStore does.
 */
export function openStoreForTracker(path: string, log: (line: string) => void, now: () => Date = () => new Date()): TrackerStoreResult {
  let why = damage(path);
  if (!why) {
    try {
      return { store: openStore(path), movedAside: null };
    } catch (e) {
      const isRegularFile = existsSync(path) && statSync(path).isFile();
      if (e instanceof StoreError && e.code === 'not-sqlite' && isRegularFile) why = e.message.replace(/; the file was left untouched$/, '');
      else if (!(e instanceof StoreError) && storageFailure(e) === 'damaged') why = (e as Error).message;
      else throw e;
    }
  }
  const aside = moveAside(path, now());
  log(`the history ${path} cannot be read (${why}); it was moved to ${aside} and a new, empty history was started`);
  return { store: openStore(path), movedAside: aside };
}
