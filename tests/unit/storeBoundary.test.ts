import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toErrorBody } from '../../main/app/bridge/errors.js';
import { readPausedUntil, readTrackerStatus, TRACKER_STATUS_KEY } from '../../main/app/trackerStatus.js';
import { StoreError } from '../../main/store/errors.js';
import { openStore, type Store } from '../../main/store/index.js';
import { storageFailure } from '../../main/store/sqliteErrors.js';

/** Issue #11, a typed store boundary: errors carry their field as data, one classifier of SQLite codes, state read through a schema. */

let dir = '';
let store: Store | null = null;
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'sitwell-boundary-'));
  store = openStore(join(dir, 'history.db'));
  return store;
};
afterEach(() => {
  store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('StoreError carries the field at fault as data', () => {
  it('a refused setting names its field and problem; the bridge passes them on without reading the message', () => {
    const s = fresh();
    const e = thrown(() => s.updateSettings({ sitLimitMinutes: 0 }));
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).message).toBe('settings.sitLimitMinutes: must be at least 1 minutes');
    expect((e as StoreError).detail).toEqual({ field: 'sitLimitMinutes', problem: 'must be at least 1 minutes' });
    expect(toErrorBody(e, () => {})).toEqual({
      code: 'invalid-request',
      field: 'sitLimitMinutes',
      problem: 'must be at least 1 minutes',
      message: 'sitLimitMinutes: must be at least 1 minutes',
    });
  });

  it('a nested setting names its full path', () => {
    const s = fresh();
    const e = thrown(() => s.updateSettings({ quietHours: { start: '25:00', end: '07:00' } })) as StoreError;
    expect(e.detail?.field).toBe('quietHours.start');
  });

  it('a message that merely looks like "field: problem" is not taken apart', () => {
    const body = toErrorBody(new StoreError('not-found', 'bouts: no such thing'), () => {});
    expect(body).toEqual({ code: 'invalid-request', message: 'bouts: no such thing' });
  });
});

describe('one classifier of SQLite and file-system error codes', () => {
  it.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_FULL', 'full'],
    ['ENOSPC', 'full'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['EROFS', 'read-only'],
    ['SQLITE_NOTADB', 'damaged'],
    ['SQLITE_CORRUPT_INDEX', 'damaged'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_CANTOPEN', 'io'],
    ['EIO', 'io'],
  ])('%s is %s', (code, kind) => {
    expect(storageFailure(Object.assign(new Error('x'), { code }))).toBe(kind);
  });

  it('a constraint failure, a bug or no code at all is not a storage failure', () => {
    expect(storageFailure(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' }))).toBeNull();
    expect(storageFailure(Object.assign(new Error('x'), { code: 'SQLITE_BUSYNESS' }))).toBeNull();
    expect(storageFailure(new TypeError('x'))).toBeNull();
    expect(storageFailure(null)).toBeNull();
  });
});

describe('what other processes read is validated, not cast', () => {
  it('the tracker status: a valid one is read, a malformed one (another version, a bug) reads as none', () => {
    const s = fresh();
    const ok = { pid: 42, updatedAt: 1, next: { kind: 'break', at: 2 }, pausedUntil: null, openPromptAt: null, idleSource: 'x11', notifier: 'dbus' };
    s.setState(TRACKER_STATUS_KEY, ok);
    expect(readTrackerStatus(s)).toEqual({ ...ok, held: null });
    s.setState(TRACKER_STATUS_KEY, { ...ok, next: { kind: 'nap', at: 2 } });
    expect(readTrackerStatus(s)).toBeNull();
    s.setState(TRACKER_STATUS_KEY, 'hello');
    expect(readTrackerStatus(s)).toBeNull();
  });

  it('the held prompt in the tracker status: read when well formed; an older tracker without it, or a bad one, is nothing held', () => {
    const s = fresh();
    const base = { pid: 42, updatedAt: 1, next: null, pausedUntil: null, openPromptAt: null, idleSource: 'x11', notifier: 'dbus' };
    s.setState(TRACKER_STATUS_KEY, { ...base, held: { at: 5, reasons: ['call', 'dnd'] } });
    expect(readTrackerStatus(s)?.held).toEqual({ at: 5, reasons: ['call', 'dnd'] });
    s.setState(TRACKER_STATUS_KEY, base);
    expect(readTrackerStatus(s)).toEqual({ ...base, held: null });
    s.setState(TRACKER_STATUS_KEY, { ...base, held: { at: 5, reasons: ['nap'] } });
    expect(readTrackerStatus(s)?.held).toBeNull();
  });

  it('the pause: only a number is a pause', () => {
    const s = fresh();
    s.setState('pausedUntil', 123);
    expect(readPausedUntil(s)).toBe(123);
    s.setState('pausedUntil', '123');
    expect(readPausedUntil(s)).toBeNull();
  });
});

describe('getStretch reads one session by id', () => {
  it('returns it, or null for an unknown id', () => {
    const s = fresh();
    const a = s.startStretch({ start: Date.parse('2026-03-17T10:00:00Z'), routineId: 'quick-2', stepsTotal: 4, zone: 'Europe/Berlin' });
    s.startStretch({ start: Date.parse('2026-03-17T11:00:00Z'), routineId: 'full-5', stepsTotal: 9, zone: 'Europe/Berlin' });
    expect(s.getStretch(a.id)).toEqual(a);
    expect(s.getStretch(9999)).toBeNull();
  });
});
