import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { getStats } from '../../main/app/statsForDates.js';
import { busyHeld } from '../../main/core/busyHeld.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-busyheld-');
afterAll(cleanup);
const MIN = 60_000;
const Z = 'Europe/Berlin';
const at = (iso: string): number => DateTime.fromISO(iso, { zone: Z }).toMillis();

describe('prompts held back by busy, in the statistics (issue 12)', () => {
  it('counts each reason and the sitting that followed until the bout ended', () => {
    const s = openStore(join(dir, 'a.db'));
    // A bout 09:00–10:30 with a break prompt held by a call at 09:30 (kept sitting 60 min) and a posture one by dnd at 10:10 (20 min).
    s.addBout({ start: at('2026-03-02T09:00'), end: at('2026-03-02T10:30'), durationMs: 90 * MIN, zone: Z });
    s.addPrompt({ at: at('2026-03-02T09:30'), kind: 'break', outcome: 'suppressed', sittingMs: 30 * MIN, reason: 'busy:call', zone: Z });
    s.addPrompt({ at: at('2026-03-02T10:10'), kind: 'posture', outcome: 'suppressed', sittingMs: 70 * MIN, reason: 'busy:dnd', zone: Z });
    // A second call-held prompt in a bout 14:00–15:00, at 14:50 (10 min); a pause-suppressed one is not busy.
    s.addBout({ start: at('2026-03-02T14:00'), end: at('2026-03-02T15:00'), durationMs: 60 * MIN, zone: Z });
    s.addPrompt({ at: at('2026-03-02T14:50'), kind: 'break', outcome: 'suppressed', sittingMs: 50 * MIN, reason: 'busy:call', zone: Z });
    s.addPrompt({ at: at('2026-03-02T14:55'), kind: 'posture', outcome: 'suppressed', sittingMs: 55 * MIN, reason: 'paused', zone: Z });
    // The next day, outside the range.
    s.addPrompt({ at: at('2026-03-03T09:30'), kind: 'break', outcome: 'suppressed', sittingMs: 30 * MIN, reason: 'busy:call', zone: Z });

    const r = getStats(s, { from: '2026-03-02', to: '2026-03-02', zone: Z });
    expect(r.busyHeld).toEqual([
      { reason: 'dnd', prompts: 1, keptSittingMinutes: 20, meanKeptSittingMinutes: 20 },
      { reason: 'call', prompts: 2, keptSittingMinutes: 70, meanKeptSittingMinutes: 35 },
    ]);
    s.close();
  });

  it('a prompt held in a bout still open is counted, with no sitting made up', () => {
    const rows = [{ reason: 'busy:fullscreen' as const, at: at('2026-03-02T09:30'), zone: Z, boutEnd: null }];
    expect(busyHeld(rows, { from: '2026-03-02', to: '2026-03-02' })).toEqual([
      { reason: 'fullscreen', prompts: 1, keptSittingMinutes: 0, meanKeptSittingMinutes: null },
    ]);
    expect(busyHeld(rows, { from: '2026-03-03', to: '2026-03-03' })).toEqual([]);
  });
});
