import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridgeHandlers, type BridgeDispatcher } from '../../../main/app/bridge/handlers.js';
import { Monitor, type NowState } from '../../../main/app/monitor.js';
import { systemClock } from '../../../main/platform/clock.js';
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
 * What the Electron main process composes, minus Electron: a real SQLite history in a temp dir,
 * the real Monitor and the real bridge handlers. Idle time comes from the project's scripted
 * source (the user types steadily unless a test says otherwise); settings minutes last `minuteMs`.
 */
export async function startAppCore(opts: { minuteMs?: number; settings?: SettingsPatch } = {}): Promise<AppCore> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-electron-'));
  const dbPath = join(dir, 'history.db');
  const store = openStore(dbPath);
  if (opts.settings) store.updateSettings(opts.settings);
  let idle = 0;
  const monitor = new Monitor({
    store,
    clock: systemClock(),
    idle: createScriptedIdleSource(() => idle),
    notifier: new NullNotifier('tests', () => {}),
    zone: () => ZONE,
    minuteMs: opts.minuteMs ?? 60_000,
  });
  await monitor.start();
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
      await monitor.stop();
      store.close();
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
