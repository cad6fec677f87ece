/**
 * The one place that reads SQLite's (and the file system's) error codes. Everything else asks
 * `storageFailure(e)` what kind of failure it was and decides what to do with that.
 *
 * - `busy`: another connection holds the database (SQLITE_BUSY, SQLITE_LOCKED): try again later.
 * - `full`: no space (SQLITE_FULL, ENOSPC).
 * - `read-only`: the file or folder cannot be written (SQLITE_READONLY, SQLITE_PERM, EROFS, EACCES, EPERM).
 * - `damaged`: not a readable SQLite database (SQLITE_NOTADB, SQLITE_CORRUPT).
 * - `io`: anything else between us and the disk (SQLITE_IOERR, SQLITE_CANTOPEN, EIO, a folder in the way…).
 */
export type StorageFailure = 'busy' | 'full' | 'read-only' | 'damaged' | 'io';

const PREFIXES: readonly [string, StorageFailure][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_NOTADB', 'damaged'],
  ['SQLITE_CORRUPT', 'damaged'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CANTOPEN', 'io'],
  ['SQLITE_NOLFS', 'io'],
  ['SQLITE_PROTOCOL', 'io'],
];

const ERRNO: Readonly<Record<string, StorageFailure>> = {
  ENOSPC: 'full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EIO: 'io',
  ENOTDIR: 'io',
  EISDIR: 'io',
};

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** What kind of storage failure `e` is, or null when it is not one (a bug, a bad value). */
export function storageFailure(e: unknown): StorageFailure | null {
  const code = errorCode(e);
  if (code === '') return null;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …) share their primary code's prefix.
  for (const [prefix, kind] of PREFIXES) if (code === prefix || code.startsWith(`${prefix}_`)) return kind;
  return ERRNO[code] ?? null;
}

/** In words, for logs and notices: "the disk is full". */
export function storageFailureText(kind: StorageFailure): string {
  switch (kind) {
    case 'busy':
      return 'another program holds the database';
    case 'full':
      return 'the disk is full';
    case 'read-only':
      return 'the file is read-only';
    case 'damaged':
      return 'the file is not a readable SQLite database';
    case 'io':
      return 'the disk could not be read or written';
  }
}
