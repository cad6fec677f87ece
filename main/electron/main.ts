import { existsSync } from 'node:fs';
import { app, dialog, ipcMain, powerMonitor, session, shell, type Tray } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';
import { createBridgeHandlers, type BridgeDispatcher } from '../app/bridge/handlers.js';
import { openTrackerControl } from '../app/control/trackerControl.js';
import { Monitor } from '../app/monitor.js';
import { systemClock } from '../platform/clock.js';
import { resolveDbPath } from '../platform/dataDir.js';
import { detectIdleSource, NoIdleSourceError } from '../platform/detectIdle.js';
import { createFileIdleSource } from '../platform/idleScripted.js';
import { createNotifier } from '../platform/notifier.js';
import { openSessionEvents, sessionMechanisms } from '../platform/sessionEvents.js';
import type { IdleSource, Notifier, SessionEvents } from '../platform/types.js';
import { userZone } from '../platform/zone.js';
import { acquireTrackerLock, openStore, StoreError, type Store, type TrackerLock } from '../store/index.js';
import { openStoreForTracker } from '../store/recover.js';
import { browserWindowFactory, electronTray } from './electronShell.js';
import { hardenContents, hardenSession } from './harden.js';
import { forwardEvents, makeIpcHandler, makeTrustedSenderCheck, type AppOrigins } from './ipc.js';
import { applyXdgPlan, loginItemPlan } from './loginItem.js';
import { appPaths } from './paths.js';
import { chooseIdleSource } from './powerIdle.js';
import { POWER_SOURCE_NAME, powerSessionEvents } from './powerEvents.js';
import { windowPromptNotifier } from './promptNotifier.js';
import { isAllowedExternal } from './securityPolicy.js';
import { wireShell } from './shellEvents.js';
import { TrayController } from './tray.js';
import { runTrayAction } from './trayActions.js';
import { trayState } from './trayModel.js';
import { WindowManager, type AppView } from './windows.js';

/**
 * The desktop app: lives in the tray, tracks all day, opens the break prompt and the other views
 * on demand. Composition only; every decision is in a small module next to this one.
 *
 * Testing hooks (ignored in a packaged app): SITWELL_TESTING_MINUTE_MS (a settings minute lasts
 * that many ms), SITWELL_TESTING_IDLE_FILE (idle time from a file, see platform/idleScripted.ts).
 * SITWELL_DB picks the database, as for the CLI.
 */

const started = performance.now();
const stamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const log = (line: string): void => {
  process.stdout.write(`${stamp()} ${line}\n`);
};
const env = process.env;
const testing = !app.isPackaged;
const TRAY_TICK_MS = 20_000;

interface Running {
  store: Store;
  lock: TrackerLock | null;
  monitor: Monitor | null;
  dispatcher: BridgeDispatcher;
  windows: WindowManager;
  tray: Tray | null;
  idle: IdleSource | null;
  session: SessionEvents | null;
  notifier: Notifier | null;
  cleanups: (() => void)[];
}

let running: Running | null = null;
let quitting: 'no' | 'stopping' | 'done' = 'no';

function devServerUrl(): string | null {
  const url = env.SITWELL_DEV_SERVER;
  if (!url || app.isPackaged) return null;
  // Development only, and only a loopback server: a remote page must never get the bridge.
  return /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(url) ? url : null;
}

function testingMinuteMs(): number {
  const raw = testing ? env.SITWELL_TESTING_MINUTE_MS : undefined;
  if (raw === undefined) return 60_000;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 100 || ms > 60_000) throw new Error(`SITWELL_TESTING_MINUTE_MS must be 100..60000, got "${raw}"`);
  return ms;
}

async function openIdleSource(): Promise<{ source: IdleSource; noteSession: (type: 'lock' | 'unlock' | 'suspend' | 'resume' | 'shutdown') => void }> {
  const file = testing ? env.SITWELL_TESTING_IDLE_FILE : undefined;
  if (file) return { source: createFileIdleSource(file), noteSession: () => {} };
  const chosen = await chooseIdleSource({ platform: process.platform, env, pm: powerMonitor, detect: detectIdleSource, log });
  log(`idle time: ${chosen.why}`);
  return { source: chosen.source, noteSession: (type) => chosen.guard?.noteSessionEvent(type, performance.now()) };
}

function applyLoginItem(enabled: boolean): void {
  const command = app.isPackaged ? [env.APPIMAGE || process.execPath] : [process.execPath, app.getAppPath()];
  const plan = loginItemPlan(enabled, { platform: process.platform, env, command });
  try {
    if (plan.kind === 'electron') app.setLoginItemSettings(plan.settings);
    else {
      const r = applyXdgPlan(plan);
      if (r !== 'unchanged') log(`start at login: ${r} ${plan.path}`);
    }
  } catch (e) {
    log(`could not change start at login: ${(e as Error).message}`);
  }
}

/** A tracker already runs on this database (usually `sitwell daemon`): say so, and offer the history. */
async function askHistoryOnly(message: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'info',
    title: 'Sitwell is already tracking',
    message: 'Sitwell is already tracking your sitting in another process.',
    detail: `${message}.\n\nOnly one Sitwell may track a history at a time, or every minute would count twice. You can look at your history here without tracking, or quit.`,
    buttons: ['Show history', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0;
}

async function start(): Promise<void> {
  const paths = appPaths(__dirname);
  const dev = devServerUrl();
  const origins: AppOrigins = { indexUrl: paths.indexUrl, devServerUrl: dev };
  hardenSession(session.defaultSession, { ...origins, rendererDirUrl: paths.rendererDirUrl }, log);
  const openExternal = (url: string) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
  };
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, origins, openExternal, log));

  const dbPath = resolveDbPath(undefined, env);
  // A newcomer would see nothing but a tray icon (and on GNOME without the AppIndicator extension, not even that).
  const firstRun = !existsSync(dbPath);
  // The lock first: only the tracker may move a damaged history aside and start a fresh one.
  let lock: TrackerLock | null = null;
  try {
    lock = acquireTrackerLock(dbPath, 'app');
  } catch (e) {
    if (!(e instanceof StoreError) || e.code !== 'locked') throw e;
    log(e.message);
    if (!(await askHistoryOnly(e.message))) {
      app.exit(0);
      return;
    }
  }

  let store: Store;
  try {
    if (lock) {
      const opened = openStoreForTracker(dbPath, log);
      store = opened.store;
      if (opened.movedAside) {
        void dialog.showMessageBox({
          type: 'warning',
          message: 'Sitwell found its history damaged and started a fresh one',
          detail: `The old file was moved to ${opened.movedAside}. Nothing was deleted.`,
        });
      }
    } else store = openStore(dbPath);
  } catch (e) {
    lock?.release();
    dialog.showErrorBox('Sitwell cannot open its history', e instanceof StoreError ? e.message : String(e));
    app.exit(1);
    return;
  }

  const windows = new WindowManager(browserWindowFactory(paths, dev));
  const zone = () => userZone(store.getSettings());
  const cleanups: (() => void)[] = [];
  let monitor: Monitor | null = null;
  let idle: IdleSource | null = null;
  let sessions: SessionEvents | null = null;
  let notifier: Notifier | null = null;

  if (lock) {
    try {
      const chosen = await openIdleSource();
      idle = chosen.source;
      const power = { name: POWER_SOURCE_NAME, open: async () => ({ ok: true as const, events: powerSessionEvents(powerMonitor), detail: 'lock, sleep and shutdown from Electron' }) };
      // logind/screensaver on Linux plus powerMonitor everywhere; repeats of one lock are merged.
      const opened = await openSessionEvents(env, { mechanisms: [...sessionMechanisms(process.platform), power] });
      sessions = opened.events;
      for (const t of opened.tried) log(`lock/sleep: ${t.name}: ${t.ok ? 'yes' : 'no'} (${t.why})`);
      cleanups.push(sessions.on((e) => chosen.noteSession(e.type)));
      notifier = windowPromptNotifier(await createNotifier(env, { warn: (m) => log(`warning: ${m}`) }));
    } catch (e) {
      const why = e instanceof NoIdleSourceError ? e.message : (e as Error).stack ?? String(e);
      dialog.showErrorBox('Sitwell cannot tell when you are at the computer', why);
      await sessions?.close();
      idle?.close?.();
      lock.release();
      store.close();
      app.exit(1);
      return;
    }
    monitor = new Monitor({ store, clock: systemClock(), idle, session: sessions, notifier, zone, log, minuteMs: testingMinuteMs() });
  }

  const handlers = createBridgeHandlers({ store, monitor, mode: 'electron', dataPath: dbPath, version: app.getVersion(), zone, log });
  let refreshTray = () => {};
  // Every call may change what the tray shows (a pause emits no monitor event when the engine has nothing to say).
  const dispatcher: BridgeDispatcher = {
    call: async (method, input) => {
      const r = await handlers.call(method, input);
      refreshTray();
      return r;
    },
    subscribe: (listener) => handlers.subscribe(listener),
  };
  const isTrusted = makeTrustedSenderCheck(origins, () => windows.contentsIds());
  ipcMain.handle(IPC_CHANNELS.call, makeIpcHandler(dispatcher, isTrusted, log));
  cleanups.push(forwardEvents(dispatcher, () => windows.windows()));
  cleanups.push(
    dispatcher.subscribe((event, payload) => {
      if (event === 'settings') applyLoginItem(Boolean((payload as { startAtLogin?: boolean }).startAtLogin));
    }),
  );

  running = { store, lock, monitor, dispatcher, windows, tray: null, idle, session: sessions, notifier, cleanups };

  if (!monitor) {
    // History only: an ordinary window app, no tray, gone when its window closes.
    app.on('window-all-closed', () => app.quit());
    windows.open('stats');
    return;
  }

  const { tray, port } = electronTray(paths, process.platform);
  running.tray = tray;
  const m = monitor;
  const trayCtl = new TrayController(
    port,
    () => trayState(m.now(), store.getSettings(), { zone: zone() }),
    (action) => void runTrayAction(action, { dispatcher, open: (v) => windows.open(v), quit: () => app.quit(), log }),
  );
  refreshTray = () => trayCtl.refresh();
  if (process.platform === 'win32') tray.on('click', () => windows.open('now'));
  cleanups.push(wireShell(monitor, windows, trayCtl));
  const tick = setInterval(() => trayCtl.refresh(), TRAY_TICK_MS);
  cleanups.push(() => clearInterval(tick));
  // Stay alive in the tray with no window open.
  app.on('window-all-closed', () => {});
  // powerMonitor exists only once the app is ready; the monitor closes its bout on the same event.
  powerMonitor.on('shutdown', () => app.quit());

  applyLoginItem(store.getSettings().startAtLogin);
  await monitor.start();
  // `sitwell stand` / `sitwell sit` reach the app here, through the same dispatcher as the window and the tray.
  const control = await openTrackerControl({ store, monitor, dbPath, mode: 'electron', zone, log, dispatcher });
  if (control) cleanups.push(() => void control.close());
  trayCtl.refresh();
  if (testing && env.SITWELL_TESTING_HOOKS === '1') exposeTestingHooks(trayCtl, windows, tray, paths.preload);
  log(`tray ready after ${Math.round(performance.now() - started)} ms; tracking ${dbPath}`);
  if (firstRun) windows.open('now');
}

/** For the Playwright tests and the benchmark, which read them with electronApp.evaluate; unpackaged runs only. */
function exposeTestingHooks(trayCtl: TrayController, windows: WindowManager, tray: Tray, preload: string): void {
  (globalThis as Record<string, unknown>).__sitwell = {
    tray: () => {
      const r = running;
      if (!r?.monitor || tray.isDestroyed()) return null;
      const settings = r.store.getSettings();
      return { view: trayState(r.monitor.now(), settings, { zone: userZone(settings) }), menuUpdates: trayCtl.updates };
    },
    windows: () => ({ main: windows.isOpen('main'), prompt: windows.isOpen('prompt'), created: { ...windows.created } }),
    rssMb: () => process.memoryUsage().rss / 2 ** 20,
    open: (view: AppView) => windows.open(view),
    preload,
  };
}

async function shutdown(): Promise<void> {
  const r = running;
  running = null;
  if (!r) return;
  for (const c of r.cleanups.splice(0)) c();
  await r.monitor?.stop(); // closes the open bout at its last input
  ipcMain.removeHandler(IPC_CHANNELS.call);
  r.windows.destroyAll();
  r.tray?.destroy();
  await r.notifier?.close().catch(() => {});
  await r.session?.close().catch(() => {});
  r.idle?.close?.();
  r.store.close();
  r.lock?.release();
  log('stopped');
}

if (!app.requestSingleInstanceLock()) {
  log('Sitwell is already running; showing its window instead of starting a second copy');
  app.exit(0);
} else {
  app.on('second-instance', () => running?.windows.focus('now'));
  app.on('before-quit', (e) => {
    if (quitting === 'done') return;
    e.preventDefault();
    if (quitting === 'stopping') return;
    quitting = 'stopping';
    void shutdown()
      .catch((err: Error) => log(`error while stopping: ${err.stack ?? err.message}`))
      .finally(() => {
        quitting = 'done';
        app.quit();
      });
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => app.quit());
  if (process.platform === 'darwin') app.dock?.hide(); // a tray app: no Dock icon
  app
    .whenReady()
    .then(start)
    .catch((e: Error) => {
      log(`could not start: ${e.stack ?? e.message}`);
      dialog.showErrorBox('Sitwell could not start', e.message);
      app.exit(1);
    });
}
