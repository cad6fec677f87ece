import type { Store } from '../../store/types.js';
import { userZone } from '../../platform/zone.js';
import { createBridgeHandlers, type BridgeDispatcher } from '../bridge/handlers.js';
import type { SyncRunner } from '../sync/startSync.js';
import type { Monitor } from '../monitor.js';
import { appVersion } from '../version.js';
import { openInBrowser } from './openBrowser.js';
import { DEFAULT_STATIC_DIR, ensureRendererBuilt } from './rendererBuild.js';
import { startWebServer } from './server.js';

export interface StartUiOptions {
  store: Store;
  /** The running monitor (daemon --ui), or null: history only. */
  monitor: Monitor | null;
  /** The running tracker's sync (daemon --ui): a folder set in Settings takes effect at once. */
  sync?: SyncRunner;
  /** The database file. */
  dataPath: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Default: dist/renderer of this checkout. */
  staticDir?: string;
  /** Default: the zone in settings, else the system's. */
  zone?: () => string;
  /** Build the renderer with Vite if it is missing (default true). */
  build?: boolean;
  /** Where the one "Sitwell UI: <url>" line goes (default: stdout). */
  print?: (line: string) => void;
  /** Progress and problems (default: stderr). */
  log?: (line: string) => void;
  /** Opens a page of this UI in the user's browser (default: the system's opener). */
  openBrowser?: (url: string) => void;
}

export interface RunningUi {
  url: string;
  token: string;
  port: number;
  /** True when this UI can act (pause, answer prompts): it runs beside the monitor. */
  tracking: boolean;
  dispatcher: BridgeDispatcher;
  /** Stops serving; the store stays open (the caller owns it). */
  close(): Promise<void>;
}

/** The printed line starts with this, then the URL, then (history only) a note after two spaces. */
export const UI_LINE_PREFIX = 'Sitwell UI: ';

/**
 * The local web mode, used by both `sitwell ui` (monitor null) and `sitwell daemon --ui`:
 * handlers over the store (and monitor), the loopback server, and the one printed line.
 */
export async function startUi(opts: StartUiOptions): Promise<RunningUi> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`sitwell: ${line}\n`));
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  if (opts.build !== false) await ensureRendererBuilt(staticDir, log);

  const dispatcher = createBridgeHandlers({
    store: opts.store,
    monitor: opts.monitor,
    sync: opts.sync,
    mode: 'web',
    dataPath: opts.dataPath,
    version: appVersion(),
    zone: opts.zone ?? (() => userZone(opts.store.getSettings())),
    log,
  });
  const server = await startWebServer({ dispatcher, staticDir, port: opts.port ?? 0, host: '127.0.0.1', log });
  const tracking = opts.monitor !== null;
  const openBrowser = opts.openBrowser ?? ((url: string) => openInBrowser(url, log));
  // A click on a notification ("Open Sitwell", "Start stretch") is heard by the open tabs; with none open,
  // it opens the window itself, or the click would do nothing.
  const stopOpening = opts.monitor?.on((e) => {
    if ((e.type !== 'open-prompt' && e.type !== 'start-stretch') || server.openPages > 0) return;
    void pageFor(e.type, dispatcher).then((hash) => openBrowser(`${server.url}${hash}`));
  });
  print(
    `${UI_LINE_PREFIX}${server.url}` +
      (tracking ? '' : '  (history only: this does not track your sitting; run `sitwell daemon --ui` for prompts)'),
  );
  const close = () => {
    stopOpening?.();
    return server.close();
  };
  return { url: server.url, token: server.token, port: server.port, tracking, dispatcher, close };
}

/** The page a notification click asks for: the prompt, or the suggested stretch (the prompt while stretches are on hold). */
async function pageFor(action: 'open-prompt' | 'start-stretch', dispatcher: BridgeDispatcher): Promise<string> {
  if (action === 'open-prompt') return '#/prompt';
  const suggestion = await dispatcher.call('suggestStretch', {});
  if (!suggestion.ok) return '#/stretch';
  const { stretchId, hold } = suggestion.value as { stretchId: string; hold: unknown };
  return hold ? '#/prompt' : `#/stretch/play/${stretchId}`;
}
