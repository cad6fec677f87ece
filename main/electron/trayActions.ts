import type { DispatcherLike } from './ipc.js';
import { TRAY_CALLS, type TrayAction } from '../app/trayModel.js';
import type { AppView } from './windows.js';

export interface TrayActionDeps {
  /** The same dispatcher the renderer's IPC uses, so a tray click is validated and logged like a button. */
  dispatcher: Pick<DispatcherLike, 'call'>;
  open(view: AppView): void;
  quit(): void;
  log?(line: string): void;
}

const VIEWS: Partial<Record<TrayAction, AppView>> = {
  now: 'now',
  // The stretch view picks the routine and calls startStretch itself, as from the prompt.
  'start-stretch': 'stretch',
  stats: 'stats',
  settings: 'settings',
};

/** Carries out one tray menu click. Resolves once done; a refused call is logged, never thrown into Electron's menu code. */
export async function runTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  if (action === 'quit') return deps.quit();
  const view = VIEWS[action];
  if (view) return deps.open(view);
  const call = TRAY_CALLS[action];
  if (!call) {
    deps.log?.(`unknown tray action ${String(action)}`);
    return;
  }
  const res = await deps.dispatcher.call(call[0], call[1]);
  if (!res.ok) deps.log?.(`tray ${action} failed: ${res.error.message}`);
}
