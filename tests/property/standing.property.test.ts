import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_STEP_MS, replayOutput, runTrace } from '../../main/core/replay.js';
import { parseTrace } from '../../main/core/trace.js';
import { localDayMinutes, standInsertsArb, toText, traceArb, withLines } from './traceGen.js';

// DESIGN.md §7 over random traces with `stand` / `sit` lines added.

describe('standing properties over random traces', () => {
  it('sitting and standing never overlap: on each day together they fit in the day; periods are ≥ 60 s and ordered', () => {
    fc.assert(
      fc.property(traceArb(), standInsertsArb, (g, inserts) => {
        const trace = parseTrace(toText(withLines(g, inserts, ACTIVE_STEP_MS)));
        const { bouts, standing } = runTrace(trace);
        const spans = [...bouts.map((b) => ({ ...b, what: 'bout' })), ...standing.map((s) => ({ ...s, what: 'standing' }))].sort((a, b) => a.start - b.start);
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.start, `${spans[i]!.what} overlaps the ${spans[i - 1]!.what} before it`).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        for (const s of standing) expect(s.durationMs).toBeGreaterThanOrEqual(60_000);
        const out = replayOutput(trace);
        for (const d of out.days) {
          expect(d.sittingMinutes + d.standingMinutes).toBeLessThanOrEqual(localDayMinutes(d.date, trace.zone) + 0.1);
          expect(d.sittingMinutes > 0 || d.standingMinutes > 0).toBe(true);
        }
        const daySum = out.days.reduce((a, d) => a + d.standingMinutes, 0);
        expect(Math.abs(daySum - out.summary.standingMinutes)).toBeLessThanOrEqual(0.05 * (out.days.length + 1) + 1e-9);
      }),
      { numRuns: 80 },
    );
  });

  it('removing every stand/sit line never gives less sitting (a forgotten sit never hides sitting)', () => {
    fc.assert(
      fc.property(traceArb(), standInsertsArb, (g, inserts) => {
        const sitting = (text: string) => runTrace(parseTrace(text)).bouts.reduce((a, b) => a + b.durationMs, 0);
        const withStanding = sitting(toText(withLines(g, inserts, ACTIVE_STEP_MS, true)));
        expect(sitting(toText(g))).toBeGreaterThanOrEqual(withStanding);
      }),
      { numRuns: 80 },
    );
  });
});
