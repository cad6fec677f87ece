import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedLine, replayOutput, traceEngine, ACTIVE_STEP_MS } from '../../main/core/replay.js';
import { parseTrace } from '../../main/core/trace.js';
import type { BusyReason } from '../../shared/domain.js';
import { busyInsertsArb, toText, traceArb, withLines } from './traceGen.js';

// DESIGN.md §6 over random traces: busy changes prompts only, and never lets one through.

describe('busy properties over random traces', () => {
  it('adding busy/free lines anywhere gives the same bouts, days and summary', () => {
    fc.assert(
      fc.property(traceArb(), busyInsertsArb, (g, inserts) => {
        const plain = replayOutput(parseTrace(toText(g)));
        const busy = replayOutput(parseTrace(toText(withLines(g, inserts, ACTIVE_STEP_MS))));
        expect(busy.bouts).toEqual(plain.bouts);
        expect(busy.days).toEqual(plain.days);
        expect(busy.summary).toEqual(plain.summary);
      }),
      { numRuns: 60 },
    );
  });

  it('no prompt is shown while busy; a prompt released by a free is shown at the free; a break is recorded at most once per busy spell', () => {
    fc.assert(
      fc.property(traceArb(), busyInsertsArb, (g, inserts) => {
        const trace = parseTrace(toText(withLines(g, inserts, ACTIVE_STEP_MS)));
        const engine = traceEngine(trace);
        const on = new Set<BusyReason>();
        let running = true;
        let breaksThisSpell = 0;
        for (const ev of trace.events) {
          const before = on.size > 0;
          const effects = feedLine(engine, ev);
          // The engine's own view of busy, mirrored from the lines: nothing is observed while not running.
          if (ev.type === 'quit' && running) [running, breaksThisSpell] = [false, 0];
          if (ev.type === 'quit') on.clear();
          if (ev.type === 'start') running = true;
          if (running && ev.type === 'busy') on.add(ev.reason);
          if (running && ev.type === 'free') on.delete(ev.reason);
          const after = on.size > 0;
          expect(engine.snapshot().busy.sort()).toEqual([...on].sort());
          for (const e of effects) {
            if (e.type === 'bout-started' || e.type === 'bout-ended') breaksThisSpell = 0;
            if (e.type !== 'prompt') continue;
            if (e.shown) {
              const releasedByFree = ev.type === 'free' && before && !after;
              expect(!before || releasedByFree, `prompt shown while busy at line ${ev.line}`).toBe(true);
              if (releasedByFree) expect(e.at).toBe(ev.t);
            } else if (before && e.kind === 'break') {
              breaksThisSpell += 1;
              expect(breaksThisSpell, `break prompt recorded twice in one busy spell (line ${ev.line})`).toBeLessThanOrEqual(1);
            }
          }
          if (!after) breaksThisSpell = 0;
          // While a prompt is held for busy, the snapshot says so.
          const held = engine.snapshot().held;
          if (held?.reason.startsWith('busy:')) expect(after).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
