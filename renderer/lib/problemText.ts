/**
 * A settings value's problem, as the shared rules word it in English ("must be at least 1 minutes"), said
 * in the window's language. The known shapes are recognised from the rules' own message makers, so they
 * cannot drift apart; anything else keeps its English words as a sentence (the detail, never lost).
 */
import { CLOCK_TIME_MESSAGE, minutesTooHigh, minutesTooLow, SPAN_MESSAGE } from '../../shared/settingsRules.js';
import { i18n } from '../i18n.js';

const countIn = (make: (n: number) => string) => new RegExp(`^${make(0).replace('0', '(\\d+)')}$`);
const TOO_LOW = countIn(minutesTooLow);
const TOO_HIGH = countIn(minutesTooHigh);

/** "must be at most 480 minutes" → "Must be at most 480 minutes." */
export function asSentence(message: string): string {
  const m = message.trim();
  const s = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** The problem in the window's language when the window knows its shape, else null. */
export function knownProblemText(message: string): string | null {
  const low = TOO_LOW.exec(message);
  if (low) return i18n.t('settings.problem.atLeast', { count: Number(low[1]) });
  const high = TOO_HIGH.exec(message);
  if (high) return i18n.t('settings.problem.atMost', { count: Number(high[1]) });
  if (message === CLOCK_TIME_MESSAGE) return i18n.t('settings.problem.clock');
  if (message === SPAN_MESSAGE) return i18n.t('settings.problem.span');
  if (message === 'must be a number of minutes') return i18n.t('settings.problem.number');
  return null;
}

/** The problem as a sentence next to its field: translated when known, else the rules' English as a sentence. */
export const problemText = (message: string): string => knownProblemText(message) ?? asSentence(message);
