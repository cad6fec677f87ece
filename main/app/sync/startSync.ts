import { hostname } from 'node:os';
import type { Settings } from '../../../shared/settingsRules.js';
import { openSyncFolder } from '../../platform/syncFolder.js';
import type { Store } from '../../store/index.js';
import { createSyncService, type SyncService } from './syncService.js';

/** After the tracker writes, its records reach the journal this soon (one write for a burst). */
const FLUSH_AFTER_MS = 1_000;

/** A tracker's sync, which follows the folder as the user sets, changes or clears it, without a restart. */
export interface SyncRunner {
  /** Starts syncing if a folder is set (the tracker's start). */
  start(): void;
  /**
   * Sets the folder (null: off) and follows it at once: this device's waiting records go to the old
   * folder first, then the watcher and the rescan move to the new one, or stop.
   */
  setFolder(folder: string | null): void;
  /** Renames this device; the other devices learn the name at the next write. */
  setName(name: string): void;
  /** Whether a folder is being watched now. */
  running(): boolean;
  close(): void;
}

export interface SyncRunnerOptions {
  store: Store;
  log: (line: string) => void;
  /** Tells of the tracker's writes (the Monitor's state events), so the journal is written after a write, never on a timer of its own. */
  onWrite: (listener: () => void) => () => void;
  /** Another device's newer settings were applied here. */
  onSettings?: (settings: Settings) => void;
  now?: () => number;
}

/**
 * Sync for a tracker: nothing runs while no folder is set (no watcher, no reads, no writes). With
 * one, a SyncService watches it; setting, changing or clearing the folder replaces the service.
 */
export function createSyncRunner(opts: SyncRunnerOptions): SyncRunner {
  const { store, log } = opts;
  let service: SyncService | null = null;
  let started = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const open = (): void => {
    const { folder } = store.sync.identity();
    if (folder === null) return;
    try {
      service = createSyncService({ store, folder: openSyncFolder(folder), log, now: opts.now ?? Date.now, hostName: hostname(), onSettings: opts.onSettings });
    } catch (e) {
      log(`sync: not started: ${(e as Error).message}`);
      return;
    }
    const me = store.sync.identity();
    log(`sync: this device is ${me.deviceId} ("${me.name}"), folder ${folder}`);
  };
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    service?.close();
    service = null;
  };

  let unsubscribe: (() => void) | null = null;
  return {
    start() {
      if (started || closed) return;
      started = true;
      unsubscribe = opts.onWrite(() => {
        if (!service) return;
        timer ??= setTimeout(() => {
          timer = null;
          service?.flush();
        }, FLUSH_AFTER_MS);
      });
      open();
    },
    setFolder(folder) {
      if (folder === store.sync.identity().folder) return;
      stop();
      store.sync.setFolder(folder);
      if (folder === null) log('sync: turned off; records already imported stay in the history');
      if (started && !closed) open();
    },
    setName(name) {
      store.sync.setName(name);
      service?.announceName();
    },
    running: () => service !== null,
    close() {
      if (closed) return;
      closed = true;
      unsubscribe?.();
      stop();
    },
  };
}
