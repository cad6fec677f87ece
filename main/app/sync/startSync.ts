import { hostname } from 'node:os';
import { openSyncFolder } from '../../platform/syncFolder.js';
import type { Store } from '../../store/index.js';
import { createSyncService, type SyncService } from './syncService.js';

/** After the tracker writes, its records reach the journal this soon (one write for a burst). */
const FLUSH_AFTER_MS = 1_000;

/**
 * Starts sync for a tracker when the user set a folder (`sitwell sync --folder`); null otherwise,
 * and then nothing about sync runs at all. `onWrite` tells of the tracker's writes (the Monitor's
 * state events), so the journal is written after a write, never on a timer of its own.
 */
export function startSync(opts: { store: Store; log: (line: string) => void; onWrite: (listener: () => void) => () => void; now?: () => number }): { close(): void } | null {
  const { folder } = opts.store.sync.identity();
  if (folder === null) return null;
  let service: SyncService;
  try {
    service = createSyncService({ store: opts.store, folder: openSyncFolder(folder), log: opts.log, now: opts.now ?? Date.now, hostName: hostname() });
  } catch (e) {
    opts.log(`sync: not started: ${(e as Error).message}`);
    return null;
  }
  opts.log(`sync: this device is ${opts.store.sync.identity().deviceId} ("${opts.store.sync.identity().name}"), folder ${folder}`);
  let timer: NodeJS.Timeout | null = null;
  const unsubscribe = opts.onWrite(() => {
    timer ??= setTimeout(() => {
      timer = null;
      service.flush();
    }, FLUSH_AFTER_MS);
  });
  return {
    close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      service.close();
    },
  };
}
