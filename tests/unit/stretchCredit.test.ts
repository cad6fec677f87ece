import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { getStats } from '../../main/app/statsForDates.js';
import { stretchCountsAsBreak } from '../../main/core/stretchCredit.js';
import { openStore, type Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

/**
 * Issue #17: "a stretch counts as a break when it is finished, not when it starts". The bout still
 * ends when the session starts (DESIGN.md §2); the statistics' credit waits for the session's end.
 */
const { dir, cleanup } = tempDir('sitwell-credit-');
afterAll(cleanup);
let n = 0;
const ZONE = 'Europe/Berlin';
const MIN = 60_000;
const at = (hhmmss: string): number => DateTime.fromISO(`2026-03-02T${hhmmss}`, { zone: ZONE }).toMillis();

/** Sits 9:00–9:30, a break prompt at 9:30 answered by a stretch lasting `lastsMs`, sits again from 10 s after it. */
function day(lastsMs: number, completed: boolean): Store {
  const store = openStore(join(dir, `c${++n}.db`));
  const start = at('09:30:00');
  store.addBout({ start: at('09:00:00'), end: start, durationMs: 30 * MIN, zone: ZONE });
  const prompt = store.addPrompt({ at: start - 1000, kind: 'break', outcome: 'shown', sittingMs: 30 * MIN, reason: null, zone: ZONE });
  store.setPromptOutcome(prompt.id, 'stretched');
  const s = store.startStretch({ start, routineId: 'quick-2', stepsTotal: 4, zone: ZONE });
  store.finishStretch(s.id, { end: start + lastsMs, completed, stepsDone: completed ? 4 : 1 });
  store.addBout({ start: start + lastsMs + 10_000, end: start + lastsMs + 30 * MIN, durationMs: 30 * MIN - 10_000, zone: ZONE });
  return store;
}

const credit = (store: Store) => {
  const r = getStats(store, { from: '2026-03-02', to: '2026-03-02', zone: ZONE });
  return { breaks: r.totals.breaks, heeded: r.totals.breakPromptsHeeded, ledToBreak: r.prompts.ledToBreak, stretched: r.prompts.break.stretched };
};

describe('a stretch counts as a break when it is finished', () => {
  it('the rule: finished, or stopped after lasting the minimum break', () => {
    expect(stretchCountsAsBreak({ start: 0, end: 60_000, completed: true }, 2 * MIN)).toBe(true);
    expect(stretchCountsAsBreak({ start: 0, end: 2 * MIN, completed: false }, 2 * MIN)).toBe(true);
    expect(stretchCountsAsBreak({ start: 0, end: 20_000, completed: false }, 2 * MIN)).toBe(false);
    expect(stretchCountsAsBreak({ start: 0, end: null, completed: false }, 2 * MIN)).toBe(false);
  });

  it('a finished stretch is a break and the prompt it answered led to one', () => {
    const store = day(2 * MIN, true);
    expect(credit(store)).toEqual({ breaks: 1, heeded: 1, ledToBreak: 1, stretched: 1 });
    store.close();
  });

  it('a stretch stopped after 20 s is no break: the prompt stays "stretched" but did not lead to a break', () => {
    const store = day(20_000, false);
    expect(credit(store)).toEqual({ breaks: 0, heeded: 0, ledToBreak: 0, stretched: 1 });
    // The history itself is as the tracker wrote it (DESIGN.md §2): two bouts, the prompt recorded `stretched`.
    expect(store.listBouts()).toHaveLength(2);
    expect(store.listPrompts()[0]!.outcome).toBe('stretched');
    store.close();
  });

  it('a stopped stretch counts for the time it lasted: 3 minutes is a break (minimum break 2 minutes)', () => {
    const store = day(3 * MIN, false);
    expect(credit(store)).toEqual({ breaks: 1, heeded: 1, ledToBreak: 1, stretched: 1 });
    store.close();
  });
});
