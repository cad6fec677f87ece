import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridgeHandlers, type BridgeDispatcher } from '../../../main/app/bridge/handlers.js';
import type { Monitor, NowState } from '../../../main/app/monitor.js';
import { startTracker } from '../../../main/app/tracker/openTracker.js';
import { createScriptedIdleSource } from '../../../main/platform/idleScripted.js';
import { NullNotifier } from '../../../main/platform/notifyNull.js';
import { openStore, type Store } from '../../../main/store/index.js';
import type { SettingsPatch } from '../../../shared/settings.js';

export const ZONE = 'Europe/Berlin';

export interface AppCore {
  dir: string;
  dbPath: string;
  store: Store;
  monitor: Monitor;
  dispatcher: BridgeDispatcher;
  /** What the idle source reports next (ms since the last input). */
  setIdle(ms: number): void;
  close(): Promise<void>;
}

/**
 * What the Electron main process composes, minus Electron: the shared tracker start-up
 * (main/app/tracker/openTracker.ts: lock, a real SQLite history in a temp dir, the real Monitor on
 * the system clock) and the real bridge handlers. Idle time comes from the project's scripted
 * source (the user types steadily unless a test says otherwise), no lock/sleep mechanism, no
 * notifications; settings minutes last `minuteMs`.
 */
export async function startAppCore(opts: { minuteMs?: number; settings?: SettingsPatch } = {}): Promise<AppCore> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-electron-'));
  const dbPath = join(dir, 'history.db');
  if (opts.settings) {
    const before = openStore(dbPath);
    before.updateSettings(opts.settings);
    before.close();
  }
  let idle = 0;
  const tracker = await startTracker({
    dbPath,
    owner: 'app',
    env: {},
    log: () => {},
    idle: { use: createScriptedIdleSource(() => idle) },
    sessions: [],
    notifier: async () => new NullNotifier('tests', () => {}),
    zone: () => ZONE,
    minuteMs: opts.minuteMs ?? 60_000,
    // No busy sources: they would read this machine's desktop (tests/unit/monitorBusy.test.ts covers busy).
    busy: null,
  });
  const { store, monitor } = tracker;
  const dispatcher = createBridgeHandlers({ store, monitor, mode: 'electron', dataPath: dbPath, version: '0.0.0-test', zone: () => ZONE });
  return {
    dir,
    dbPath,
    store,
    monitor,
    dispatcher,
    setIdle: (ms) => {
      idle = ms;
    },
    async close() {
      await tracker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A NowState for pure tests, with the fields the tray reads. */
export function nowState(over: Partial<NowState> = {}): NowState {
  return {
    tracking: true,
    bout: null,
    todaySittingMs: 0,
    todayBouts: 0,
    next: null,
    pausedUntil: null,
    openPrompt: null,
    locked: false,
    standing: null,
    held: null,
    stretching: null,
    idleSource: 'scripted (testing)',
    notifier: 'none',
    at: Date.parse('2026-03-10T10:00:00+01:00'),
    ...over,
  };
}

export async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
