import { describe, expect, it } from 'vitest';
import { STRETCHES, suggestStretch, suggestionWeights, type SuggestionHistoryEntry } from '../../shared/stretches/index.js';

const SEEDS = Array.from({ length: 4000 }, (_, i) => i);

function counts(history: SuggestionHistoryEntry[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const seed of SEEDS) {
    const id = suggestStretch(STRETCHES, history, seed).id;
    c.set(id, (c.get(id) ?? 0) + 1);
  }
  return c;
}

const repeat = (stretchId: string, skipped: boolean, n: number): SuggestionHistoryEntry[] =>
  Array.from({ length: n }, () => ({ stretchId, skipped }));

describe('suggestStretch', () => {
  it('is deterministic for a given seed', () => {
    const history = [...repeat('calf-raises', true, 3), ...repeat('hip-circles', false, 2)];
    for (const seed of [0, 1, 42, 1_735_689_600_000, -7]) {
      expect(suggestStretch(STRETCHES, history, seed).id).toBe(suggestStretch(STRETCHES, history, seed).id);
    }
  });

  it('rotates: with no history every stretch comes up, roughly evenly', () => {
    const c = counts([]);
    expect(c.size).toBe(STRETCHES.length);
    const expected = SEEDS.length / STRETCHES.length;
    for (const [id, n] of c) expect(n, id).toBeGreaterThan(expected * 0.6);
  });

  it('favours the stretches the user skips least', () => {
    const history = [...repeat('seated-piriformis', false, 10), ...repeat('calf-raises', true, 10), ...repeat('hip-circles', true, 2)];
    const c = counts(history);
    const kept = c.get('seated-piriformis') ?? 0;
    const skipped = c.get('calf-raises') ?? 0;
    const neutral = c.get('shoulder-rolls') ?? 0;
    expect(kept).toBeGreaterThan(5 * skipped);
    expect(kept).toBeGreaterThan(neutral);
    expect(neutral).toBeGreaterThan(c.get('hip-circles') ?? 0);
    // An always-skipped stretch still turns up now and then.
    expect(skipped).toBeGreaterThan(0);
  });

  it('weights are the smoothed share of times not skipped', () => {
    const w = suggestionWeights(STRETCHES, [...repeat('calf-raises', true, 2), { stretchId: 'calf-raises', skipped: false }, { stretchId: 'gone', skipped: true }]);
    expect(w.get('calf-raises')).toBeCloseTo(2 / 5);
    expect(w.get('hip-circles')).toBe(0.5);
    expect(w.has('gone')).toBe(false);
  });

  it('refuses an empty catalog or a non-finite seed', () => {
    expect(() => suggestStretch([], [], 1)).toThrow('empty catalog');
    expect(() => suggestStretch(STRETCHES, [], Number.NaN)).toThrow('finite number');
  });
});
