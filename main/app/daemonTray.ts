import type { BridgeDispatcher } from './bridge/dispatcher.js';
import { envLocales } from '../../shared/i18n/languages.js';
import type { Monitor } from './monitor.js';
import { TRAY_CALLS, trayPage, trayState, type TrayAction } from './trayModel.js';
import { openInBrowser } from './web/openBrowser.js';
import type { Store } from '../store/index.js';

/**
 * `sitwell daemon --tray`: the tray model (the Electron tray's rules) shown through the D-Bus
 * StatusNotifierItem, its clicks carried out through the same bridge dispatcher as the web window
 * (so they are validated and logged like a button), and the window opened in the browser.
 */
export interface DaemonTrayDeps {
  monitor: Monitor;
  store: Store;
  /** The web UI (its bridge and address), started on the first action that needs it. */
  ui(): Promise<{ dispatcher: BridgeDispatcher; url: string }>;
  zone(): string;
  log(line: string): void;
  quit(): void;
  /** Opens a page of the web UI (default: the system's opener). */
  open?(url: string): void;
}

/** The minutes in the menu change once a minute without a monitor event. */
const REFRESH_MS = 30_000;

export async function startDaemonTray(deps: DaemonTrayDeps): Promise<{ close(): void } | null> {
  if (process.platform !== 'linux') {
    deps.log('tray: the daemon shows a tray on Linux only (elsewhere the desktop app has one)');
    return null;
  }
  const open = deps.open ?? ((url: string) => openInBrowser(url, deps.log));
  let refresh = () => {};
  const onAction = (action: TrayAction) => {
    deps.log(`tray: ${action}`);
    if (action === 'quit') return deps.quit();
    const page = trayPage(action, deps.store.getSettings().movementMode);
    const call = TRAY_CALLS[action];
    if (page === null && !call) return;
    void deps.ui().then(
      async ({ url, dispatcher }) => {
        if (page !== null) return open(`${url}#/${page}`);
        const r = await dispatcher.call(call![0], call![1]);
        if (!r.ok) deps.log(`tray ${action} failed: ${r.error.message}`);
        refresh(); // a pause emits no monitor event when the engine has nothing to say
      },
      (e: Error) => deps.log(`tray ${action} failed: the window could not be served (${e.message})`),
    );
  };
  const { openDbusTray } = await import('../platform/trayStatusNotifier.js');
  let tray: Awaited<ReturnType<typeof openDbusTray>>;
  try {
    tray = await openDbusTray<TrayAction>(process.env, onAction, deps.log, 'now');
  } catch (e) {
    deps.log(`tray: not shown: ${(e as Error).message}`);
    return null;
  }
  refresh = () => tray.show(trayState(deps.monitor.now(), deps.store.getSettings(), { zone: deps.zone(), locales: envLocales(process.env) }));
  refresh();
  const unsubscribe = deps.monitor.on(() => refresh());
  const timer = setInterval(() => refresh(), REFRESH_MS);
  timer.unref();
  return {
    close() {
      clearInterval(timer);
      unsubscribe();
      tray.close();
    },
  };
}
