import { BridgeError } from '../../shared/bridge.js';
import { i18n } from '../i18n.js';
import { knownProblemText } from './problemText.js';

/**
 * Any failure, in words a person can act on, in the window's language. The bridge's error code picks
 * the sentence; its message (English, from the app) is kept as the detail, so nothing is lost.
 */
export function errorText(e: unknown): string {
  if (e instanceof BridgeError) {
    switch (e.body.code) {
      case 'unavailable':
        return i18n.t('errors.unavailable', { detail: e.body.message });
      case 'forbidden':
        return i18n.t('errors.forbidden');
      case 'invalid-request':
        // A settings value's problem the window knows how to say; otherwise the message (which names the field) as it is.
        return (e.body.problem ? knownProblemText(e.body.problem) : null) ?? e.body.message;
      default:
        return i18n.t('errors.failed', { detail: e.body.message });
    }
  }
  if (e instanceof TypeError) return i18n.t('errors.unreachable');
  return e instanceof Error ? e.message : String(e);
}

/** What is wrong with the field a refused request names, without its name, to show beside it. */
export function errorProblem(e: unknown): string | null {
  return e instanceof BridgeError && e.body.code === 'invalid-request' ? (e.body.problem ?? null) : null;
}

/** The field a refused request names, for showing the message next to it. */
export function errorField(e: unknown): string | null {
  return e instanceof BridgeError && e.body.code === 'invalid-request' ? (e.body.field ?? null) : null;
}
