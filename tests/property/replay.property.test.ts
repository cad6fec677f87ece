import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../main/core/engine.js';
import { feedLine, replayOutput, runTrace, traceEngine } from '../../main/core/replay.js';
import { parseTrace, type Trace } from '../../main/core/trace.js';
import { BREAK_OUTCOMES } from '../../shared/domain.js';
import { FIXED_ZONES, localDayMinutes, MIN, shift, toText, traceArb } from './traceGen.js';

// Properties of the replay over random valid traces (DESIGN.md §2–§3).

/** The engine's effect stream for a trace, fed exactly as main/core/replay.ts feeds it. */
function effectsOf(trace: Trace): Effect[] {
  const engine = traceEngine(trace);
  return trace.events.flatMap((ev) => feedLine(engine, ev));
}

describe('replay properties over random traces', () => {
  it('bouts are ordered and ≥ 60 s; days add up and fit in their 23/24/25 hours; every break prompt ends once; prompts sit inside bouts', () => {
    fc.assert(
      fc.property(traceArb(), (g) => {
        const trace = parseTrace(toText(g));
        const { bouts, prompts } = runTrace(trace);
        const out = replayOutput(trace);
        const minBreak = trace.settings.minBreakMinutes * MIN;

        // Bouts never overlap, are in order, and each lasts at least 60 s.
        for (let i = 0; i < bouts.length; i++) {
          const b = bouts[i]!;
          expect(b.end - b.start).toBe(b.durationMs);
          expect(b.durationMs).toBeGreaterThanOrEqual(60_000);
          expect(out.bouts[i]!.minutes).toBeGreaterThanOrEqual(1);
          if (i > 0) expect(b.start).toBeGreaterThanOrEqual(bouts[i - 1]!.end);
        }

        // Day totals add up to the bout totals (each side rounded to 0.1 per row).
        const daySum = out.days.reduce((a, d) => a + d.sittingMinutes, 0);
        expect(Math.abs(daySum - out.summary.sittingMinutes)).toBeLessThanOrEqual(0.05 * (out.days.length + 1) + 1e-9);
        expect(out.days.reduce((a, d) => a + d.bouts, 0)).toBe(bouts.length);
        expect(out.summary.bouts).toBe(bouts.length);
        // No day has more sitting than it has minutes; days are in order, one for each date a bout touches
        // (a day with 2 s of a bout that started just before midnight is there, showing 0.0).
        for (const d of out.days) {
          expect(d.sittingMinutes).toBeLessThanOrEqual(localDayMinutes(d.date, trace.zone) + 0.05);
          expect(d.sittingMinutes).toBeGreaterThanOrEqual(0);
        }
        const touched = new Set<string>();
        for (const b of bouts) {
          const last = DateTime.fromMillis(b.end - 1, { zone: trace.zone }).toISODate()!;
          for (let d = DateTime.fromMillis(b.start, { zone: trace.zone }).startOf('day'); d.toISODate()! <= last; d = d.plus({ days: 1 })) {
            touched.add(d.toISODate()!);
          }
        }
        expect(out.days.map((d) => d.date)).toEqual([...touched].sort());

        // Every break prompt has exactly one final outcome; posture prompts are shown or suppressed.
        for (const p of prompts) {
          if (p.kind === 'break') expect(BREAK_OUTCOMES).toContain(p.outcome);
          else expect(['shown', 'suppressed']).toContain(p.outcome);
        }
        const closes = new Map<number, number>();
        const shownBreaks = new Set<number>();
        const effects = effectsOf(trace);
        for (const e of effects) {
          if (e.type === 'prompt' && e.kind === 'break' && e.shown) shownBreaks.add(e.id);
          if (e.type === 'prompt-closed') closes.set(e.id, (closes.get(e.id) ?? 0) + 1);
        }
        for (const id of shownBreaks) expect(closes.get(id), `break prompt ${id}`).toBe(1);
        for (const id of closes.keys()) expect(shownBreaks.has(id)).toBe(true);
        // The mirror above is faithful to the real replay.
        expect(effects.flatMap((e) => (e.type === 'bout-ended' && e.recorded ? [e.bout] : []))).toEqual(bouts);

        // Prompts are in time order. Each is emitted while a bout is open, at or after its start and at most
        // minBreak after its last input (the idle gap), and that bout is recorded. Posture prompts only
        // come before the first break prompt of their bout. (Attribution follows the effect stream: a bout
        // can end and the next begin at the same instant.)
        for (let i = 1; i < prompts.length; i++) expect(prompts[i]!.at).toBeGreaterThanOrEqual(prompts[i - 1]!.at);
        let open: { start: number; prompts: number[] } | null = null;
        let breakSeen = false;
        for (const e of effects) {
          if (e.type === 'bout-started') [open, breakSeen] = [{ start: e.start, prompts: [] }, false];
          else if (e.type === 'prompt') {
            expect(open, `prompt at ${new Date(e.at).toISOString()} outside a bout`).not.toBeNull();
            expect(e.at).toBeGreaterThanOrEqual(open!.start);
            open!.prompts.push(e.at);
            if (e.kind === 'break') breakSeen = true;
            else expect(breakSeen, 'posture prompt after a break prompt in the same bout').toBe(false);
          } else if (e.type === 'bout-ended') {
            if (open!.prompts.length) expect(e.recorded, 'a bout with prompts is recorded').toBe(true);
            for (const at of open!.prompts) expect(at).toBeLessThanOrEqual(e.bout.end + minBreak);
            open = null;
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('replay is deterministic: the same trace text gives identical output', () => {
    fc.assert(
      fc.property(traceArb({ maxSteps: 20 }), fc.boolean(), (g, utc) => {
        const text = toText(g, utc);
        const a = JSON.stringify(replayOutput(parseTrace(text)));
        const b = JSON.stringify(replayOutput(parseTrace(text)));
        expect(b).toBe(a);
        // Writing the same instants with Z instead of the zone's offset changes nothing either.
        expect(JSON.stringify(replayOutput(parseTrace(toText(g, !utc))))).toBe(a);
      }),
      { numRuns: 60 },
    );
  });

  it('shifting every instant by whole weeks shifts the output and changes nothing else', () => {
    fc.assert(
      fc.property(
        traceArb({ withHours: false, maxSteps: 20 }),
        fc.integer({ min: -60, max: 60 }).filter((w) => w !== 0),
        (g, weeks) => {
          const ms = weeks * 7 * 24 * 60 * MIN;
          const a = runTrace(parseTrace(toText(g)));
          const b = runTrace(parseTrace(toText(shift(g, ms))));
          expect(b.bouts.map((x) => ({ ...x, start: x.start - ms, end: x.end - ms }))).toEqual(a.bouts);
          expect(b.prompts.map((p) => ({ ...p, at: p.at - ms }))).toEqual(a.prompts);
          const oa = replayOutput(parseTrace(toText(g)));
          const ob = replayOutput(parseTrace(toText(shift(g, ms))));
          expect(ob.summary).toEqual(oa.summary);
          expect(ob.bouts.map((x) => x.minutes)).toEqual(oa.bouts.map((x) => x.minutes));
          if (FIXED_ZONES.includes(g.zone)) {
            // Without DST the local calendar just moves by 7·weeks days.
            const moved = oa.days.map((d) => ({ ...d, date: DateTime.fromISO(d.date).plus({ days: 7 * weeks }).toISODate() }));
            expect(ob.days).toEqual(moved);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with work/quiet hours in a fixed-offset zone, a whole-week shift keeps every suppression decision', () => {
    fc.assert(
      fc.property(traceArb({ zones: FIXED_ZONES, maxSteps: 15 }), fc.integer({ min: 1, max: 52 }), (g, weeks) => {
        const ms = weeks * 7 * 24 * 60 * MIN;
        const a = runTrace(parseTrace(toText(g)));
        const b = runTrace(parseTrace(toText(shift(g, ms))));
        expect(b.prompts.map((p) => `${p.at - ms}:${p.kind}:${p.outcome}`)).toEqual(a.prompts.map((p) => `${p.at}:${p.kind}:${p.outcome}`));
      }),
      { numRuns: 40 },
    );
  });
});
