import type { DispatcherLike } from './ipc.js';
import type { MovementMode } from '../../shared/settingsRules.js';
import { TRAY_CALLS, trayPage, type TrayAction } from '../app/trayModel.js';
import type { AppPage } from './windows.js';

export interface TrayActionDeps {
  /** The same dispatcher the renderer's IPC uses, so a tray click is validated and logged like a button. */
  dispatcher: Pick<DispatcherLike, 'call'>;
  open(page: AppPage): void;
  /** The user's movement mode now (Settings), which picks the routine "Start stretch" plays. */
  movementMode(): MovementMode;
  quit(): void;
  log?(line: string): void;
}

/** Carries out one tray menu click. Resolves once done; a refused call is logged, never thrown into Electron's menu code. */
export async function runTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  if (action === 'quit') return deps.quit();
  // The player records the session itself (startStretch), as when started from the prompt.
  const page = trayPage(action, deps.movementMode());
  if (page) return deps.open(page);
  const call = TRAY_CALLS[action];
  if (!call) {
    deps.log?.(`unknown tray action ${String(action)}`);
    return;
  }
  const res = await deps.dispatcher.call(call[0], call[1]);
  if (!res.ok) deps.log?.(`tray ${action} failed: ${res.error.message}`);
}
