import { stretchesForMode } from '../movementMode.js';
import type { StretchDef, StretchPosition } from './types.js';

/** One past suggestion and what the user did with it. */
export interface SuggestionHistoryEntry {
  stretchId: string;
  skipped: boolean;
}

/** A small, well-mixed 32-bit generator (mulberry32): same seed, same suggestion, on every platform. */
function random01(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * How much each stretch deserves to be suggested: the smoothed share of times it was *not* skipped,
 * (kept + 1) / (shown + 2). A never-shown stretch gets 0.5, so new ones still rotate in, and even an
 * always-skipped stretch keeps a small chance (people's moods change).
 */
export function suggestionWeights(
  catalog: readonly StretchDef[],
  history: readonly SuggestionHistoryEntry[],
): Map<string, number> {
  const shown = new Map<string, number>();
  const kept = new Map<string, number>();
  for (const h of history) {
    shown.set(h.stretchId, (shown.get(h.stretchId) ?? 0) + 1);
    if (!h.skipped) kept.set(h.stretchId, (kept.get(h.stretchId) ?? 0) + 1);
  }
  return new Map(catalog.map((s) => [s.id, ((kept.get(s.id) ?? 0) + 1) / ((shown.get(s.id) ?? 0) + 2)]));
}

/**
 * Picks the stretch a break prompt suggests, weighted towards those the user skips least.
 * Deterministic for a given seed (pass e.g. the prompt's timestamp); history entries for unknown ids are ignored.
 */
export function suggestStretch<S extends StretchDef>(
  catalog: readonly S[],
  history: readonly SuggestionHistoryEntry[],
  seed: number,
): S {
  const first = catalog[0];
  if (first === undefined) throw new Error('cannot suggest a stretch from an empty catalog');
  if (!Number.isFinite(seed)) throw new Error(`suggestion seed must be a finite number, got ${seed}`);
  const weights = suggestionWeights(catalog, history);
  const total = catalog.reduce((sum, s) => sum + (weights.get(s.id) ?? 0), 0);
  let target = random01(seed) * total;
  for (const s of catalog) {
    target -= weights.get(s.id) ?? 0;
    if (target < 0) return s;
  }
  return catalog[catalog.length - 1] ?? first;
}

/**
 * What a break prompt may suggest in a movement mode (Settings): in 'standing' mode, the default, only
 * standing moves (a walk among them), since getting up is what the studies found helps; in 'seated' mode
 * (a wheelchair, or standing is not an option) only seated ones. A mode never mixes in the other position.
 */
export function suggestableStretches<S extends StretchDef>(catalog: readonly S[], mode: StretchPosition): S[] {
  return stretchesForMode(catalog, mode).fit;
}

/** The break prompt's suggestion: `suggestStretch` over what the movement mode allows. */
export function suggestMove<S extends StretchDef>(
  catalog: readonly S[],
  history: readonly SuggestionHistoryEntry[],
  seed: number,
  mode: StretchPosition,
): S {
  return suggestStretch(suggestableStretches(catalog, mode), history, seed);
}
