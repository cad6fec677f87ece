import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from './errors.js';

export type TrackerOwner = 'daemon' | 'app';

export interface TrackerLock {
  readonly path: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  owner: TrackerOwner;
  token: string;
  since: number;
}

const OWNER_NAME: Record<TrackerOwner, string> = { daemon: 'Sitwell daemon', app: 'Sitwell app' };

export const trackerLockPath = (dbPath: string): string => `${dbPath}.tracker.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function readInfo(path: string): LockInfo | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    return Number.isInteger(info.pid) && info.pid > 0 ? info : null;
  } catch {
    return null; // half-written by a process that died mid-write: stale
  }
}

/**
 * Exactly one tracker (daemon or app) per database: two would record every bout twice.
 * The lock is a file next to the database holding the owner's pid; a lock whose process is
 * gone is stale and taken over. Released on release() and, as a fallback, on process exit.
 */
export function acquireTrackerLock(dbPath: string, owner: TrackerOwner): TrackerLock {
  const path = trackerLockPath(dbPath);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const mine: LockInfo = { pid: process.pid, owner, token: randomUUID(), since: Date.now() };
  const tmp = `${path}.${process.pid}.${mine.token}`;
  writeFileSync(tmp, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(tmp, path); // atomic: fails if a lock file exists, and the file is never seen half-written
        return held(path, mine);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const info = readInfo(path);
      if (info === 'missing') continue;
      if (info && isAlive(info.pid)) {
        throw new StoreError(
          'locked',
          `another ${OWNER_NAME[info.owner] ?? 'Sitwell tracker'} (pid ${info.pid}) is already tracking ${dbPath}; ` +
            `stop it first (if that process is not Sitwell, delete ${path})`,
        );
      }
      // Stale: move it aside under a unique name, then make sure we moved the stale one and not a fresh lock.
      const aside = `${path}.stale.${mine.token}`;
      try {
        renameSync(path, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const moved = readInfo(aside);
      if (moved !== 'missing' && moved && info && moved.token !== info.token) {
        try {
          linkSync(aside, path); // it was someone's fresh lock: put it back
        } catch {
          /* a third process holds the lock now; the next round reports it */
        }
      }
      unlinkSync(aside);
    }
    throw new StoreError('locked', `could not take the tracker lock ${path} (it keeps changing hands)`);
  } finally {
    unlinkSync(tmp);
  }
}

function held(path: string, mine: LockInfo): TrackerLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const info = readInfo(path);
    if (info !== 'missing' && info?.token === mine.token) unlinkSync(path);
  };
  process.on('exit', release);
  return { path, release };
}
