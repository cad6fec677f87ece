import { useSyncExternalStore } from 'react';
import type { Settings } from '../../shared/settingsRules.js';
import { toDraft, type Draft } from './draft.js';

/**
 * The Settings form's draft, kept outside the view for as long as the page lives: going to another
 * view and coming back finds the edits where they were, and every view can tell that some are
 * unsaved (issue 17). It is not kept across a reload or a closed window; leaving the page with
 * unsaved edits asks first (UnsavedSettings.tsx).
 */

export interface KeptDraft {
  /** What the form shows. */
  draft: Draft;
  /** The stored settings as a draft: the draft is unsaved while it differs from this. */
  saved: Draft;
}

/** Applied the moment they are picked (no Save), so a new stored value always reaches the draft. */
const APPLIED_AT_ONCE = ['language'] as const satisfies readonly (keyof Draft)[];

let kept: KeptDraft | null = null;
const listeners = new Set<() => void>();

function keep(next: KeptDraft | null): void {
  kept = next;
  for (const l of [...listeners]) l();
}

/** Plain data (strings, booleans, nested records) compared by value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const isUnsaved = (k: KeptDraft | null): boolean => k !== null && !sameValue(k.draft, k.saved);

/**
 * The stored settings, as loaded or pushed (changed here, in another tab or from the tray): an
 * unedited draft follows them; edits stay, now measured against the new stored values.
 */
export function settingsArrived(s: Settings): void {
  const saved = toDraft(s);
  if (kept && sameValue(kept.saved, saved)) return;
  if (!kept || !isUnsaved(kept)) return keep({ draft: saved, saved });
  const draft = { ...kept.draft };
  // Fields not edited here take the new stored value (another device's change through the sync folder, another
  // tab): saving the edits then keeps that change instead of writing the old value back.
  for (const k of Object.keys(saved) as (keyof Draft)[]) if (sameValue(kept.draft[k], kept.saved[k])) (draft as Record<string, unknown>)[k] = saved[k];
  for (const k of APPLIED_AT_ONCE) draft[k] = saved[k];
  keep({ draft, saved });
}

/** The form saved these settings: nothing is unsaved any more. */
export function draftSaved(s: Settings): void {
  const saved = toDraft(s);
  keep({ draft: saved, saved });
}

export function editDraft(draft: Draft): void {
  if (kept) keep({ ...kept, draft });
}

/** Back to the stored settings. */
export function discardDraft(): void {
  if (kept) keep({ draft: kept.saved, saved: kept.saved });
}

/** For tests: forget the page's draft. */
export function forgetDraft(): void {
  keep(null);
}

/** The draft now (null before the settings first arrive), and its subscription (returns the unsubscribe). */
export const readKept = (): KeptDraft | null => kept;
export function subscribeKept(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useKeptDraft(): KeptDraft | null {
  return useSyncExternalStore(subscribeKept, readKept);
}

/** True while the Settings form holds edits that are not saved. */
export function useUnsavedSettings(): boolean {
  return isUnsaved(useKeptDraft());
}
