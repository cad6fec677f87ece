import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireTrackerLock, StoreError } from '../../main/store/index.js';
import { trackerLockPath } from '../../main/store/trackerLock.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-lock-');
afterAll(cleanup);
let n = 0;
const dbPath = () => join(dir, `t${++n}`, 'sitwell.db');

function holdInChild(db: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/lockHolder.ts', db], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('one tracker per database (lock file next to it)', () => {
  it('writes pid and owner, and removes the file on release', () => {
    const db = dbPath();
    const lock = acquireTrackerLock(db, 'app');
    const info = JSON.parse(readFileSync(trackerLockPath(db), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, owner: 'app' });
    lock.release();
    lock.release(); // twice is harmless
    expect(existsSync(trackerLockPath(db))).toBe(false);
    acquireTrackerLock(db, 'daemon').release();
  });

  it('refuses while another live process holds it, and takes it over once that process died (SIGKILL)', async () => {
    const db = dbPath();
    const child = await holdInChild(db);
    let err: unknown;
    try {
      acquireTrackerLock(db, 'app');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('locked');
    expect((err as Error).message).toContain(`another Sitwell daemon (pid ${child.pid}) is already tracking ${db}`);
    await killed(child);
    // The dead holder left its file behind: stale, so taken over.
    expect(existsSync(trackerLockPath(db))).toBe(true);
    const lock = acquireTrackerLock(db, 'app');
    expect(JSON.parse(readFileSync(trackerLockPath(db), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a second tracker in the same process too', () => {
    const db = dbPath();
    const lock = acquireTrackerLock(db, 'daemon');
    expect(() => acquireTrackerLock(db, 'app')).toThrow(/another Sitwell daemon \(pid \d+\)/);
    lock.release();
  });

  it('takes over a half-written lock file, and never removes a lock it does not own', () => {
    const db = dbPath();
    const a = acquireTrackerLock(db, 'app');
    a.release();
    writeFileSync(trackerLockPath(db), '{"pid":');
    const b = acquireTrackerLock(db, 'app');
    // Someone replaced the file (e.g. a user deleted it and another tracker started): release leaves theirs.
    writeFileSync(trackerLockPath(db), JSON.stringify({ pid: 1, owner: 'daemon', token: 'other', since: 0 }));
    b.release();
    expect(existsSync(trackerLockPath(db))).toBe(true);
  });
});
