import { describe, expect, it } from 'vitest';
import { checkpointedBoutEnd, todaySitting } from '../../main/core/todaySitting.js';

const Z = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe("todaySitting: today's stored sitting plus the open bout's part of today (one rule for every view)", () => {
  it('adds an open bout of today to the stored day and counts it as a bout', () => {
    const now = at('2026-03-17T10:30:00+01:00');
    expect(todaySitting({ sittingMs: 30 * MIN, bouts: 2 }, { start: at('2026-03-17T10:00:00+01:00'), end: now }, now, Z)).toEqual({
      date: '2026-03-17',
      sittingMs: 60 * MIN,
      bouts: 3,
    });
  });

  it('a bout open across midnight adds only the minutes after midnight and is not a bout of today', () => {
    const now = at('2026-03-18T00:20:00+01:00');
    expect(todaySitting(undefined, { start: at('2026-03-17T23:50:00+01:00'), end: now }, now, Z)).toEqual({ date: '2026-03-18', sittingMs: 20 * MIN, bouts: 0 });
  });

  it('on the spring-forward night an hour that does not exist adds nothing', () => {
    const now = at('2026-03-29T03:30:00+02:00');
    const r = todaySitting(undefined, { start: at('2026-03-29T01:30:00+01:00'), end: now }, now, Z);
    expect(r).toEqual({ date: '2026-03-29', sittingMs: 60 * MIN, bouts: 1 });
  });

  it('no open bout: the stored day as is; no stored day: zero', () => {
    const now = at('2026-03-17T10:30:00+01:00');
    expect(todaySitting({ sittingMs: 5 * MIN, bouts: 1 }, null, now, Z)).toEqual({ date: '2026-03-17', sittingMs: 5 * MIN, bouts: 1 });
    expect(todaySitting(undefined, null, now, Z)).toEqual({ date: '2026-03-17', sittingMs: 0, bouts: 0 });
  });
});

describe('checkpointedBoutEnd: how far a reader of the checkpoint counts the open bout', () => {
  it('up to now while the checkpoint is fresh, at most a minute past a stale one, never before the last input', () => {
    expect(checkpointedBoutEnd({ lastInput: 1000, savedAt: 2000 }, 30_000)).toBe(30_000);
    expect(checkpointedBoutEnd({ lastInput: 1000, savedAt: 2000 }, 10 * MIN)).toBe(62_000);
    expect(checkpointedBoutEnd({ lastInput: 90_000, savedAt: 2000 }, 10 * MIN)).toBe(90_000);
  });
});
