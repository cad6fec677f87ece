/**
 * Busy (DESIGN.md §6): the reasons a prompt is held back and how the UI says them. Shared by the
 * sources, the tracker, the tray and the window.
 */

import { BUSY_REASONS, type BusyReason } from './domain.js';

/** Completes "Holding your break prompt: …". */
export const BUSY_REASON_TEXT: Readonly<Record<BusyReason, string>> = {
  dnd: 'Do Not Disturb is on',
  fullscreen: 'a window is fullscreen',
  call: 'you are in a call',
  app: 'an app on your busy list is running',
  calendar: 'your calendar has an event under way',
};

/** The label of each source's switch in Settings. */
export const BUSY_SOURCE_LABEL: Readonly<Record<BusyReason, string>> = {
  dnd: 'Do Not Disturb is on',
  fullscreen: 'the focused window is fullscreen (a film, a game, a presentation)',
  call: 'the microphone or camera is in use (a call)',
  app: 'an app from my list is running or in front',
  calendar: 'an event of my calendar file is under way',
};

/** "Holding your break prompt: you are in a call" (several reasons are joined with "and"). */
export function heldPromptText(reasons: readonly BusyReason[]): string {
  const said = BUSY_REASONS.filter((r) => reasons.includes(r)).map((r) => BUSY_REASON_TEXT[r]);
  if (said.length === 0) return 'Holding your break prompt until you are free';
  const list = said.length === 1 ? said[0] : `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]}`;
  return `Holding your break prompt: ${list}`;
}
