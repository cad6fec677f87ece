import type { MonitorEvent } from '../app/monitor.js';
import type { WindowManager } from './windows.js';

/**
 * What the desktop shell does when the monitor speaks: the break prompt opens its window (without
 * focus) and a repeat reuses it, an answered or ended prompt closes it, a notification click opens the right view, and
 * every change refreshes the tray.
 */
export function wireShell(
  monitor: { on(listener: (e: MonitorEvent) => void): () => void },
  windows: Pick<WindowManager, 'showPrompt' | 'closePrompt' | 'open'>,
  tray: { refresh(): void },
): () => void {
  // A repeat closes the old prompt and opens the next within one engine step (close first). The
  // close is deferred to the end of that step, so a repeat keeps the window instead of destroying
  // and rebuilding it; only the close of the prompt on screen may take the window away.
  let shown: number | null = null;
  let closing = false;
  return monitor.on((e) => {
    switch (e.type) {
      case 'break-prompt':
        closing = false;
        shown = e.prompt.id;
        windows.showPrompt();
        break;
      case 'prompt-closed':
        if (e.id === shown) {
          shown = null;
          closing = true;
          queueMicrotask(() => {
            if (!closing) return;
            closing = false;
            windows.closePrompt();
          });
        }
        break;
      case 'prompt-withdrawn':
        // Busy began (a call, a shared screen): the window goes now, the prompt stays open and repeats.
        if (e.id === shown) {
          shown = null;
          windows.closePrompt();
        }
        break;
      case 'open-prompt':
        // The user clicked the notification, so taking focus is what they asked for.
        windows.showPrompt('active');
        break;
      case 'start-stretch':
        windows.open('stretch');
        break;
      case 'posture':
      case 'state':
      case 'settings':
        break;
    }
    tray.refresh();
  });
}
