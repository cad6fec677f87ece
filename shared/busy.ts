/**
 * Busy (DESIGN.md §6): the reasons a prompt is held back and how the UI says them. Shared by the
 * tracker, the tray, `sitwell status` and the window.
 */

import type { TFunction } from 'i18next';
import { BUSY_REASONS, type BusyReason, type SuppressReason } from './domain.js';

/** A break prompt held back because the user is busy: since when, and why. */
export interface HeldPrompt {
  at: number;
  reasons: BusyReason[];
}

/**
 * The held prompt worth telling the user about: one held for busy (a pause or quiet hours say so
 * themselves). Its reasons are those on now, or the one it was held for once they have all ended
 * and it is about to be shown.
 */
export function heldForBusy(held: { at: number; reason: SuppressReason } | null, busyNow: readonly BusyReason[]): HeldPrompt | null {
  if (!held || !held.reason.startsWith('busy:')) return null;
  const reasons = busyNow.length > 0 ? BUSY_REASONS.filter((r) => busyNow.includes(r)) : [held.reason.slice('busy:'.length) as BusyReason];
  return { at: held.at, reasons };
}

/**
 * "Holding your break prompt: you are in a call". Several reasons are joined as the language joins
 * a list. `t` is a translator of either catalog (notify for the tray and the CLI, app for the
 * window): both carry the same `busy` keys.
 */
export function heldPromptText(t: TFunction, reasons: readonly BusyReason[]): string {
  const said = BUSY_REASONS.filter((r) => reasons.includes(r)).map((r) => t(`busy.reason.${r}`));
  if (said.length === 0) return t('busy.heldUntilFree');
  const list = said.length === 1 ? said[0]! : t('busy.listLast', { list: said.slice(0, -1).join(t('busy.listSeparator')), last: said[said.length - 1] });
  return t('busy.held', { reasons: list });
}
