import type { Notifier } from '../platform/types.js';

/**
 * The desktop app's notifier: posture nudges go to the system's notifications, but the break
 * prompt is the app's own window (it offers Start stretch and stays until answered), so a second,
 * competing notification for it is not sent.
 */
export function windowPromptNotifier(system: Notifier): Notifier {
  return {
    get name() {
      return `${system.name} (posture); break prompt in the Sitwell window`;
    },
    supportsActions: system.supportsActions,
    posture: (text) => system.posture(text),
    breakPrompt: async () => {},
    closeBreak: async () => {},
    onAction: (listener) => system.onAction(listener),
    close: () => system.close(),
  };
}
