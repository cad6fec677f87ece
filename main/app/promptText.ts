/** The words of the nudges. Kept short: they are read at a glance, mid-task. Catalog: shared/i18n/locales/<lng>/notify.json. */
import type { TFunction } from 'i18next';
import { englishT } from '../../shared/i18n/notifyCatalog.js';
import type { MovementMode } from '../../shared/settingsRules.js';

const mins = (ms: number): number => Math.max(1, Math.round(ms / 60_000));
/** "25 minutes" in the language's own plural rule (CLDR via Intl.PluralRules). */
const minutes = (t: TFunction, ms: number): string => t('minutes', { count: mins(ms) });

export function posturePromptText(sittingMs: number, t: TFunction = englishT()): { title: string; body: string } {
  return { title: t('posture.title'), body: t('posture.body', { minutes: minutes(t, sittingMs) }) };
}

export function movePromptText(standingMs: number, t: TFunction = englishT()): { title: string; body: string } {
  return { title: t('move.title'), body: t('move.body', { minutes: minutes(t, standingMs) }) };
}

/**
 * `offerStretch: false` after a check-in with a warning sign: walking or rest, never a stretch. In seated
 * mode (Settings: a wheelchair, or standing is not an option) the title does not ask to stand up.
 */
export function breakPromptText(
  sittingMs: number,
  offerStretch = true,
  t: TFunction = englishT(),
  mode: MovementMode = 'standing',
): { title: string; body: string } {
  return {
    title: t(mode === 'seated' ? 'break.titleSeated' : 'break.title'),
    body: t(offerStretch ? 'break.body' : 'break.bodyOnHold', { minutes: minutes(t, sittingMs) }),
  };
}

/** The break notification's buttons in the same language (keys as BREAK_ACTIONS in notifyDbus.ts). */
export function breakActionLabels(t: TFunction = englishT()): Record<string, string> {
  return { default: t('action.open'), 'start-stretch': t('action.startStretch'), stand: t('action.stand'), snooze: t('action.snooze'), skip: t('action.skip') };
}
