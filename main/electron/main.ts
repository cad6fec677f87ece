import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { app, dialog, ipcMain, powerMonitor, session, shell, type Tray } from 'electron';
import { resolveLanguage } from '../../shared/i18n/languages.js';
import { notifyTranslator } from '../../shared/i18n/notifyCatalog.js';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';
import { createBridgeHandlers, type BridgeDispatcher } from '../app/bridge/handlers.js';
import { openTracker, TrackerStartError, type Tracker, type TrackerIdle } from '../app/tracker/openTracker.js';
import { startAtLoginOnFirstRun } from '../core/firstRunLogin.js';
import { autostartMechanisms } from '../platform/autostart.js';
import { resolveDbPath } from '../platform/dataDir.js';
import { runTool } from '../platform/runTool.js';
import { createFileIdleSource } from '../platform/idleScripted.js';
import { createNotifier } from '../platform/notifier.js';
import { sessionMechanisms } from '../platform/sessionEvents.js';
import { userZone } from '../platform/zone.js';
import { openStore, StoreError, type Store } from '../store/index.js';
import { browserWindowFactory, electronTray } from './electronShell.js';
import { hardenContents, hardenSession } from './harden.js';
import { forwardEvents, makeIpcHandler, makeTrustedSenderCheck, type AppOrigins } from './ipc.js';
import { applyXdgPlan, loginItemPlan } from './loginItem.js';
import { appPaths } from './paths.js';
import { powerIdleSource, powerIdleUsable } from './powerIdle.js';
import { POWER_SOURCE_NAME, powerSessionEvents } from './powerEvents.js';
import { windowPromptNotifier } from './promptNotifier.js';
import { isAllowedExternal } from './securityPolicy.js';
import { wireShell } from './shellEvents.js';
import { TrayController } from './tray.js';
import { runTrayAction } from './trayActions.js';
import { trayState } from '../app/trayModel.js';
import { WindowManager, type AppView } from './windows.js';

/**
 * The desktop app: lives in the tray, tracks all day, opens the break prompt and the other views
 * on demand. Composition only; every decision is in a small module next to this one.
 *
 * Testing hooks (ignored in a packaged app): SITWELL_TESTING_MINUTE_MS (a settings minute lasts
 * that many ms), SITWELL_TESTING_IDLE_FILE (idle time from a file, see platform/idleScripted.ts).
 * SITWELL_DB picks the database, as for the CLI, in a development build only: an installed app
 * always opens the user's own history, whatever the environment it was started from says.
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
  /** Null: history only (another process tracks). */
  tracker: Tracker | null;
  dispatcher: BridgeDispatcher;
  windows: WindowManager;
  tray: Tray | null;
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

/** powerMonitor where it works (macOS, Windows, X11), the platform's detection after it or, on Wayland, instead. */
function idleChoice(): TrackerIdle {
  const file = testing ? env.SITWELL_TESTING_IDLE_FILE : undefined;
  if (file) return { use: createFileIdleSource(file) };
  const usable = powerIdleUsable(process.platform, env);
  if (!usable.ok) log(`idle time: ${usable.why}; using the platform's sources`);
  return { first: usable.ok ? powerIdleSource(powerMonitor) : null };
}

/** The tracker, or null when another process tracks this history and the user wants to see it anyway. */
async function openAppTracker(dbPath: string): Promise<Tracker | null | { exit: number }> {
  const power = { name: POWER_SOURCE_NAME, open: async () => ({ ok: true as const, events: powerSessionEvents(powerMonitor), detail: 'lock, sleep and shutdown from Electron' }) };
  try {
    return await openTracker({
      dbPath,
      owner: 'app',
      env,
      log,
      idle: idleChoice(),
      // logind/screensaver on Linux plus powerMonitor everywhere; repeats of one lock are merged.
      sessions: [...sessionMechanisms(process.platform), power],
      notifier: async () => windowPromptNotifier(await createNotifier(env, { warn: (m) => log(`warning: ${m}`) })),
      minuteMs: testingMinuteMs(),
      // Electron knows the OS's UI language on every platform (LANG is only Linux's).
      locales: () => [app.getLocale()],
      // `sitwell stand` / `sitwell sit` reach the app through the same dispatcher as the window and the tray (which it refreshes).
      control: {
        mode: 'electron',
        dispatcher: () => {
          if (!running) throw new Error('Sitwell is stopping');
          return running.dispatcher;
        },
      },
      onMovedAside: (movedTo) =>
        void dialog.showMessageBox({
          type: 'warning',
          message: 'Sitwell found its history damaged and started a fresh one',
          detail: `The old file was moved to ${movedTo}. Nothing was deleted.`,
        }),
    });
  } catch (e) {
    if (!(e instanceof TrackerStartError)) throw e;
    if (e.stage === 'lock' && e.cause instanceof StoreError && e.cause.code === 'locked') {
      log(e.message);
      return (await askHistoryOnly(e.message)) ? null : { exit: 0 };
    }
    if (e.stage === 'sources') dialog.showErrorBox('Sitwell cannot tell when you are at the computer', e.message);
    else dialog.showErrorBox('Sitwell cannot open its history', e.message);
    return { exit: 1 };
  }
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

/** Whether `sitwell autostart enable` left an entry that starts the daemon at login (any mechanism of this platform). */
async function daemonStartsAtLogin(): Promise<boolean> {
  const ctx = { platform: process.platform, env, home: homedir(), run: (file: string, args: string[]) => runTool(file, args, { env, timeoutMs: 15_000 }) };
  for (const m of await autostartMechanisms(process.platform)) {
    try {
      if ((await m.current(ctx)) !== null) return true;
    } catch {
      return true; // unreadable: the cautious answer, since two trackers at login is the worse mistake
    }
  }
  return false;
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

  const dbPath = resolveDbPath(undefined, testing ? env : { ...env, SITWELL_DB: undefined });
  // A newcomer would see nothing but a tray icon (and on GNOME without the AppIndicator extension, not even that).
  const firstRun = !existsSync(dbPath);
  // The tracker first: only the tracker may move a damaged history aside and start a fresh one.
  const tracker = await openAppTracker(dbPath);
  if (tracker && 'exit' in tracker) {
    app.exit(tracker.exit);
    return;
  }
  let store: Store;
  if (tracker) store = tracker.store;
  else {
    try {
      store = openStore(dbPath);
    } catch (e) {
      dialog.showErrorBox('Sitwell cannot open its history', e instanceof StoreError ? e.message : String(e));
      app.exit(1);
      return;
    }
  }

  const windows = new WindowManager(
    browserWindowFactory(paths, dev, () => {
      const t = notifyTranslator(resolveLanguage(store.getSettings().language, [app.getLocale()]));
      return { title: t('leaveUnsaved.title'), message: t('leaveUnsaved.message'), leave: t('leaveUnsaved.leave'), stay: t('leaveUnsaved.stay') };
    }),
  );
  const zone = tracker?.zone ?? (() => userZone(store.getSettings()));
  const cleanups: (() => void)[] = [];
  const monitor = tracker?.monitor ?? null;

  // The sync folder through the system's folder picker (the web mode has the text field only).
  const pickFolder = async (): Promise<string | null> => {
    const r = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  const handlers = createBridgeHandlers({ store, monitor, sync: tracker?.sync, pickFolder, mode: 'electron', dataPath: dbPath, version: app.getVersion(), zone, log });
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

  running = { store, tracker, dispatcher, windows, tray: null, cleanups };

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
    () => trayState(m.now(), store.getSettings(), { zone: zone(), locales: [app.getLocale()] }),
    (action) => void runTrayAction(action, { dispatcher, open: (v) => windows.open(v), movementMode: () => store.getSettings().movementMode, quit: () => app.quit(), log }),
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

  // Reading the daemon's entries costs a `reg query` on Windows: only when the answer could matter.
  const daemonAtLogin = firstRun && app.isPackaged ? await daemonStartsAtLogin() : false;
  if (startAtLoginOnFirstRun({ firstRun, packaged: app.isPackaged, daemonStartsAtLogin: daemonAtLogin })) {
    store.updateSettings({ startAtLogin: true });
    log('start at login: on (first run of the installed app; turn it off in Settings)');
  }
  applyLoginItem(store.getSettings().startAtLogin);
  await tracker!.start();
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
      if (!r?.tracker || tray.isDestroyed()) return null;
      const settings = r.store.getSettings();
      return { view: trayState(r.tracker.monitor.now(), settings, { zone: userZone(settings), locales: [app.getLocale()] }), menuUpdates: trayCtl.updates };
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
  const closeShell = () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    r.windows.destroyAll();
    r.tray?.destroy();
  };
  if (r.tracker) {
    // After the open bout is closed at its last input, before the sources and the history close.
    r.tracker.onStop(closeShell);
    await r.tracker.stop();
  } else {
    closeShell();
    r.store.close();
  }
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
