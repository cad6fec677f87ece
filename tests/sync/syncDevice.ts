import { join } from 'node:path';
import { createSyncService, type SyncDeps, type SyncService } from '../../main/app/sync/syncService.js';
import { openSyncFolder } from '../../main/platform/syncFolder.js';
import { openStore, type Store } from '../../main/store/index.js';

let n = 0;

/** A device: its own history and a service on the shared folder. */
export function syncDevice(dir: string, folder: string, name: string, now: () => number, opts: Partial<SyncDeps> = {}) {
  const store = openStore(join(dir, `${name}-${n++}.db`));
  store.sync.setFolder(folder);
  const log: string[] = [];
  const listeners = new Set<(l: string) => void>();
  const service = createSyncService({
    store,
    folder: openSyncFolder(folder),
    log: (l) => {
      log.push(l);
      for (const f of listeners) f(l);
    },
    now,
    hostName: name,
    settleMs: 50,
    ...opts,
  });
  /** The next log line matching `re` (from now on). */
  const waitFor = (re: RegExp) =>
    new Promise<void>((resolve) => {
      listeners.add((l) => re.test(l) && resolve());
    });
  return { store, service, log, waitFor, id: store.sync.identity().deviceId };
}
export const close = (...ds: { store: Store; service: SyncService }[]) => {
  for (const d of ds) {
    d.service.close();
    d.store.close();
  }
};
