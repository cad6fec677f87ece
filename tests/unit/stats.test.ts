import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRows, researchMetrics, roundTo, summarize } from '../../main/core/boutMetrics.js';

// DESIGN.md §3/§4: alpha = 1 + n / Σ ln(x_i / 1), W50, Gini by the double sum, computed on unrounded lengths.

const M = 60_000;

/** The formulas exactly as DESIGN.md §3 writes them, with no algebra applied. */
function reference(x: number[]): { alpha: number | null; w50: number | null; gini: number | null } {
  const n = x.length;
  if (n === 0) return { alpha: null, w50: null, gini: null };
  const logSum = x.reduce((a, v) => a + Math.log(v / 1), 0);
  const total = x.reduce((a, v) => a + v, 0);
  const sorted = [...x].sort((a, b) => a - b);
  let cum = 0;
  let w50 = sorted[n - 1]!;
  for (const v of sorted) {
    cum += v;
    if (cum >= total / 2) {
      w50 = v;
      break;
    }
  }
  let dbl = 0;
  for (const a of x) for (const b of x) dbl += Math.abs(a - b);
  const mean = total / n;
  return { alpha: logSum === 0 ? null : 1 + n / logSum, w50, gini: dbl / (2 * n * n * mean) };
}

describe('stats: researchMetrics', () => {
  it('reproduces the example traces (lock-defers-prompt, workday, locks-and-sleep, london-spring-forward)', () => {
    expect(researchMetrics([35, 5])).toEqual({ alpha: 1.387, w50Minutes: 35, gini: 0.375 });
    expect(researchMetrics([47, 73, 25])).toEqual({ alpha: 1.264, w50Minutes: 73, gini: 0.221 });
    expect(researchMetrics([38, 14])).toEqual({ alpha: 1.319, w50Minutes: 38, gini: 0.231 });
    expect(researchMetrics([100, 10])).toEqual({ alpha: 1.29, w50Minutes: 100, gini: 0.409 });
  });

  it('no bouts: every metric is null', () => {
    expect(researchMetrics([])).toEqual({ alpha: null, w50Minutes: null, gini: null });
  });

  it('all bouts exactly 1 minute: Σ ln(x) = 0 so alpha is null; W50 1, Gini 0', () => {
    expect(researchMetrics([1, 1, 1, 1])).toEqual({ alpha: null, w50Minutes: 1, gini: 0 });
  });

  it('a single bout: Gini 0, W50 is that bout', () => {
    expect(researchMetrics([42.25])).toEqual({ alpha: roundTo(1 + 1 / Math.log(42.25), 3), w50Minutes: 42.3, gini: 0 });
  });

  it('uses unrounded lengths: three 1.04-minute bouts have a finite alpha although each prints as 1.0', () => {
    const m = researchMetrics([1.04, 1.04, 1.04]);
    expect(m.alpha).toBe(roundTo(1 + 3 / (3 * Math.log(1.04)), 3));
    expect(m.alpha).toBeGreaterThan(25);
  });

  it('W50 is the smallest x_k whose running sum reaches half the total', () => {
    expect(researchMetrics([4, 3, 2, 1]).w50Minutes).toBe(3); // 1+2+3 = 6 ≥ 5
    expect(researchMetrics([2, 1, 1]).w50Minutes).toBe(1); // 1+1 = 2 ≥ 2 exactly
    expect(researchMetrics([10, 10]).w50Minutes).toBe(10);
    expect(researchMetrics([1, 1, 1, 100]).w50Minutes).toBe(100);
  });

  it('sorts numerically, not as text (9 < 10 < 100)', () => {
    expect(researchMetrics([100, 9, 10]).w50Minutes).toBe(100);
    // 11 x 9 = 99, then 10 gives 109 >= 209/2; a text sort ('10' < '100' < '9') would answer 100.
    expect(researchMetrics([10, 9, 100, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]).w50Minutes).toBe(10);
  });

  it('Gini by the double-sum definition', () => {
    // Σ_i Σ_j |x_i − x_j| = 2·99 = 198; 2 n² mean = 2·4·50.5 = 404
    expect(researchMetrics([1, 100]).gini).toBe(roundTo(198 / 404, 3));
    expect(researchMetrics([5, 5, 5]).gini).toBe(0);
  });

  it('rounds alpha and Gini to 0.001 and W50 to 0.1', () => {
    const m = researchMetrics([12.34, 2, 3]);
    expect(m.w50Minutes).toBe(12.3);
    expect(researchMetrics([12.36, 2, 3]).w50Minutes).toBe(12.4);
    for (const v of [m.alpha!, m.gini!]) expect(Math.round(v * 1000) / 1000).toBe(v);
  });

  it('agrees with the literal formulas on random bout lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 600, noNaN: true }), { minLength: 1, maxLength: 40 }), (x) => {
        const got = researchMetrics(x);
        const ref = reference(x);
        if (ref.alpha === null) expect(got.alpha).toBeNull();
        // Bouts a hair over one minute make alpha enormous; there only its relative error means anything.
        else expect(Math.abs(got.alpha! - ref.alpha)).toBeLessThanOrEqual(0.0005 + 1e-9 * Math.abs(ref.alpha));
        expect(Math.abs(got.w50Minutes! - ref.w50!)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(got.gini! - ref.gini!)).toBeLessThanOrEqual(0.0005 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stats: summarize and dayRows rounding', () => {
  const bout = (startIso: string, minutes: number) => {
    const start = Date.parse(startIso);
    return { start, end: start + minutes * M, durationMs: minutes * M };
  };

  it('summary sitting minutes are the rounded sum of unrounded lengths', () => {
    const bouts = [0, 1, 2, 3, 4].map((i) => bout(`2026-06-10T0${i}:00:00Z`, 10.04));
    const s = summarize(bouts);
    expect(s.bouts).toBe(5);
    expect(s.sittingMinutes).toBe(50.2);
  });

  it('no bouts: zeros and nulls, no days', () => {
    expect(summarize([])).toEqual({ bouts: 0, sittingMinutes: 0, alpha: null, w50Minutes: null, gini: null, standingMinutes: 0 });
    expect(dayRows([], 'UTC')).toEqual([]);
  });

  it('day minutes are rounded to 0.1 from unrounded parts, without binary noise', () => {
    const rows = dayRows([bout('2026-06-10T08:00:00Z', 1.25), bout('2026-06-10T09:00:00Z', 1.05), bout('2026-06-10T10:00:00Z', 10 / 3)], 'UTC');
    expect(rows).toEqual([{ date: '2026-06-10', sittingMinutes: 5.6, bouts: 3, longestBoutMinutes: 3.3, breaks: 2, standingMinutes: 0 }]);
    expect(String(rows[0]!.sittingMinutes)).toBe('5.6');
  });

  it('roundTo gives clean decimals', () => {
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundTo(1.2999999, 1)).toBe(1.3);
    expect(roundTo(2 / 3, 3)).toBe(0.667);
  });
});
