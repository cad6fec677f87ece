import type { SyncStatusView } from '../../../shared/bridge.js';
import type { Store } from '../../store/index.js';

/** The sync folder, every device of this history and what the folder gave that was skipped, as the window shows them. */
export function syncStatus(store: Store, opts: { running: boolean; canPickFolder: boolean }): SyncStatusView {
  const { folder } = store.sync.identity();
  return {
    folder,
    running: opts.running,
    canPickFolder: opts.canPickFolder,
    devices: store.sync.devices(0, Number.MAX_SAFE_INTEGER).map((d) => ({ id: d.deviceId, name: d.name, thisDevice: d.local, bouts: d.bouts, lastImportAt: d.lastImportAt })),
    problems: store.sync.problems().map((p) => ({ path: p.path, line: p.line, reason: p.reason, message: p.message, at: p.at })),
  };
}
