import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { openDatabase } from './open.js';
import { SqliteStore } from './sqliteStore.js';
import type { Store } from './types.js';

export { StoreError } from './errors.js';
export { SCHEMA_VERSION } from './migrations.js';
export { acquireTrackerLock, type TrackerLock } from './trackerLock.js';
export type * from './types.js';
export type { DeviceSummary } from './syncStore.js';

/**
 * Opens the history at `path` (creating the file and its directory, and migrating an older
 * schema). Throws StoreError 'not-sqlite' or 'newer-schema' without touching such a file.
 */
export function openStore(path: string, opts: { readonly?: boolean } = {}): Store {
  return new SqliteStore(openDatabase(path, opts), path);
}

/** A history in memory, gone when closed: for statistics of part of the history (one device's, issue 15). */
export function openMemoryStore(): Store {
  const db = new Database(':memory:');
  migrate(db);
  return new SqliteStore(db, ':memory:');
}
