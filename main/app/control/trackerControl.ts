import { controlAddress } from '../../platform/controlPath.js';
import type { Store } from '../../store/types.js';
import type { BridgeDispatcher } from '../bridge/dispatcher.js';
import type { Monitor } from '../monitor.js';
import type { SyncRunner } from '../sync/startSync.js';
import { appVersion } from '../version.js';
import { startControlServer, type ControlServer } from './controlServer.js';

export interface TrackerControlOptions {
  store: Store;
  monitor: Monitor;
  sync?: SyncRunner;
  dbPath: string;
  mode: 'electron' | 'web';
  zone: () => string;
  log: (line: string) => void;
  /** The shell's own dispatcher (the Electron app's, which also refreshes the tray); default: one made on first use. */
  dispatcher?: () => BridgeDispatcher;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the running tracker's control channel for `sitwell stand`, `sitwell sit` and the like.
 * Tracking goes on without it: a channel that cannot open is a logged warning and a null.
 */
export async function openTrackerControl(opts: TrackerControlOptions): Promise<ControlServer | null> {
  const address = controlAddress(opts.dbPath, { env: opts.env ?? process.env });
  const dispatcher = async (): Promise<BridgeDispatcher> => {
    if (opts.dispatcher) return opts.dispatcher();
    // Loaded on the first call only: the handlers bring the bridge schemas (zod), which the idle daemon does without.
    const { createBridgeHandlers } = await import('../bridge/handlers.js');
    return createBridgeHandlers({ store: opts.store, monitor: opts.monitor, sync: opts.sync, mode: opts.mode, dataPath: opts.dbPath, version: appVersion(), zone: opts.zone, log: opts.log });
  };
  try {
    const server = await startControlServer({ address, dispatcher, log: opts.log });
    opts.log(`control channel: ${server.path}`);
    return server;
  } catch (e) {
    opts.log(`warning: no control channel (\`sitwell stand\` and \`sitwell sit\` will not reach this tracker): ${(e as Error).message}`);
    return null;
  }
}
