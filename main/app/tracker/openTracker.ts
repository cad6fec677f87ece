import type { Settings } from '../../../shared/settings.js';
import { envLocales, resolveLanguage } from '../../../shared/i18n/languages.js';
import type { Clock } from '../../core/ports.js';
import { systemClock } from '../../platform/clock.js';
import { detectIdleSource } from '../../platform/detectIdle.js';
import { createNotifier } from '../../platform/notifier.js';
import { resilientIdleSource, type ResilientIdleSource } from '../../platform/resilientIdle.js';
import { openSessionEvents, sessionMechanisms, type SessionMechanism } from '../../platform/sessionEvents.js';
import type { IdleSource, Notifier, Probe, SessionEvents } from '../../platform/types.js';
import { userZone } from '../../platform/zone.js';
import { acquireTrackerLock, type Store, type TrackerLock } from '../../store/index.js';
import type { TrackerOwner } from '../../store/trackerLock.js';
import { openStoreForTracker } from '../../store/recover.js';
import type { BridgeDispatcher } from '../bridge/dispatcher.js';
import { openTrackerControl } from '../control/trackerControl.js';
import { createBusyWatcher, type BusyPort } from '../busyWatcher.js';
import { Monitor, type MonitorOptions } from '../monitor.js';
import { createSyncRunner, type SyncRunner } from '../sync/startSync.js';

/**
 * The one start-up of a tracker, for `sitwell daemon` and the desktop app alike: tracker lock →
 * history (a damaged file moved aside) → idle source behind the stuck-source switcher → lock/sleep
 * events (which also feed that switcher, stamped on the monitor's clock) → notifier → Monitor; and
 * one stop() that undoes it in reverse. What differs between the shells comes in as deps: Electron
 * passes powerMonitor as a first idle source and a session mechanism, and wraps the notifier.
 */

export type TrackerIdle =
  /** Testing (`--idle-source file:`, SITWELL_TESTING_IDLE_FILE): this source as it is, no guard, no switching. */
  | { use: IdleSource }
  /**
   * The platform's detection, after `first` when the shell has a source of its own that works here
   * (Electron's powerMonitor). `detect` replaces detectIdleSource (tests).
   */
  | { first?: IdleSource | null; detect?: (exclude: string[]) => Promise<{ source: IdleSource; tried: Probe[] }> };

export interface TrackerDeps {
  dbPath: string;
  owner: TrackerOwner;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Log every observation and the lock/sleep mechanisms that are missing, not only state changes. */
  verbose?: boolean;
  idle: TrackerIdle;
  /** Lock/sleep mechanisms (default: the platform's; Electron adds powerMonitor's). */
  sessions?: SessionMechanism[];
  /** Default: the platform's notifications (D-Bus, node-notifier), warnings to the log. */
  notifier?: () => Promise<Notifier>;
  /** The zone the tracker judges local time in (default: the user's, from settings). */
  zone?: (settings: Settings) => string;
  /** The OS's preferred locales, most wanted first (Electron: app.getLocale()); default LC_ALL/LC_MESSAGES/LANG of `env`. */
  locales?: () => readonly string[];
  /** Default: systemClock(). The stuck-source guard is stamped on this clock too. */
  clock?: Clock;
  minuteMs?: number;
  timers?: MonitorOptions['timers'];
  /**
   * Opens the control channel once tracking, so `sitwell stand` / `sitwell sit` reach this tracker.
   * `dispatcher`: the shell's own (the app's also refreshes its tray); default: one made at the first call.
   */
  control?: { mode: 'electron' | 'web'; dispatcher?: () => BridgeDispatcher };
  /** Busy sources (default: the platform's, as Settings choose them); null: none (tests). */
  busy?: BusyPort | null;
  /** The history was damaged: it was moved to `movedTo` and a fresh one started. Told at once, so the user learns it even if a later stage fails. */
  onMovedAside?: (movedTo: string) => void;
}

export interface Tracker {
  readonly monitor: Monitor;
  readonly store: Store;
  /** The sync folder (issue 15): it starts with the tracker and follows the folder as it is set or cleared. */
  readonly sync: SyncRunner;
  readonly zone: () => string;
  /** Continues or closes a checkpointed bout, then starts reading idle time. Subscribe to the monitor before. */
  start(): Promise<void>;
  /**
   * Runs `close` when the tracker stops: after the monitor's last write, before the sources and the
   * history close (a UI server, an IPC handler, windows). Last registered, first closed.
   */
  onStop(close: () => unknown): void;
  /** Closes the open bout (if started), then everything in reverse order, and releases the lock. Idempotent. */
  stop(): Promise<void>;
}

export type TrackerStage = 'lock' | 'store' | 'sources';

/** Start-up failed at `stage`; everything opened before it is closed again. `cause` is the original error. */
export class TrackerStartError extends Error {
  constructor(
    readonly stage: TrackerStage,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'TrackerStartError';
  }
}

async function openIdle(deps: TrackerDeps, now: () => number): Promise<IdleSource | ResilientIdleSource> {
  const choice = deps.idle;
  if ('use' in choice) return choice.use;
  const detectWith = choice.detect ?? ((exclude: string[]) => detectIdleSource(deps.env, { exclude }));
  const detect = async (exclude: string[]) => {
    const { source, tried } = await detectWith(exclude);
    for (const t of tried) if (!t.ok) deps.log(`idle source ${t.name} not used: ${t.why}`);
    return source;
  };
  // A source that reads a frozen value (Wayland's everlasting 0) must not make every break look missed.
  return resilientIdleSource(choice.first ?? (await detect([])), { detect, now, log: deps.log });
}

/** Lock, history, sources and Monitor, not yet started. Rejects with TrackerStartError, leaving nothing open. */
export async function openTracker(deps: TrackerDeps): Promise<Tracker> {
  const { log } = deps;
  const clock = deps.clock ?? systemClock();
  // Closed in reverse on stop() or on a failed start.
  const closers: (() => unknown)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (e) {
        log(`while stopping: ${(e as Error).message}`);
      }
    }
  };
  const stage = async <T>(name: TrackerStage, open: () => T | Promise<T>): Promise<T> => {
    try {
      return await open();
    } catch (e) {
      await closeAll();
      throw new TrackerStartError(name, e);
    }
  };

  const lock: TrackerLock = await stage('lock', () => acquireTrackerLock(deps.dbPath, deps.owner));
  closers.push(() => lock.release());
  // With the lock held no other tracker writes the file, so a damaged one can be moved aside safely.
  const opened = await stage('store', () => openStoreForTracker(deps.dbPath, log));
  const { store } = opened;
  closers.push(() => store.close());
  if (opened.movedAside) deps.onMovedAside?.(opened.movedAside);

  const { idle, session, notifier } = await stage('sources', async () => {
    const idle = await openIdle(deps, () => clock.now().mono);
    closers.push(() => idle.close?.());
    const sessions = await openSessionEvents(deps.env, { mechanisms: deps.sessions ?? sessionMechanisms(process.platform) });
    const session: SessionEvents = sessions.events;
    closers.push(() => session.close());
    for (const t of sessions.tried) if (deps.verbose || t.ok) log(`lock/sleep: ${t.name}: ${t.ok ? 'yes' : 'no'} (${t.why})`);
    if ('noteSessionEvent' in idle) {
      const guarded = idle;
      closers.push(session.on((e) => guarded.noteSessionEvent(e.type)));
    }
    const notifier = await (deps.notifier ?? (() => createNotifier(deps.env, { warn: (m) => log(`warning: ${m}`) })))();
    closers.push(() => notifier.close());
    return { idle, session, notifier };
  });

  const zoneOf = deps.zone ?? userZone;
  const zone = () => zoneOf(store.getSettings());
  const locales = deps.locales ?? (() => envLocales(deps.env));
  // Read at each notification: a language chosen in Settings applies to the next one, no restart.
  const language = () => resolveLanguage(store.getSettings().language, locales());
  // Busy sources (DESIGN.md §6) as the user's settings choose them, read only when a prompt is due.
  const busy = deps.busy === undefined ? createBusyWatcher({ env: deps.env, settings: () => store.getSettings(), zone, log }) : deps.busy;
  if (busy) closers.push(() => busy.close());
  const monitor = new Monitor({ store, clock, idle, session, notifier, zone, log, verbose: deps.verbose, minuteMs: deps.minuteMs, timers: deps.timers, language, busy });
  // Another device's newer settings: the monitor takes them up and tells every view.
  const sync = createSyncRunner({ store, log, onWrite: (listener) => monitor.on((e) => (e.type === 'state' ? listener() : undefined)), onSettings: () => monitor.reloadSettings() });
  let started = false;
  let stopping: Promise<void> | null = null;
  return {
    monitor,
    store,
    sync,
    zone,
    async start() {
      if (started || stopping) return;
      started = true;
      await monitor.start();
      // The sync folder (issue 15), when the user set one: after the monitor's start, so a bout it closed reaches the journal.
      sync.start();
      closers.push(() => sync.close());
      if (deps.control) {
        const channel = await openTrackerControl({ store, monitor, sync, dbPath: deps.dbPath, zone, log, env: deps.env, ...deps.control });
        if (channel) closers.push(() => channel.close());
      }
    },
    onStop(close) {
      closers.push(close);
    },
    stop() {
      stopping ??= (async () => {
        // Not started: an earlier run's checkpoint stays for the next start.
        if (started) await monitor.stop();
        await closeAll();
      })();
      return stopping;
    },
  };
}

/** openTracker, then start: the daemon's way. */
export async function startTracker(deps: TrackerDeps): Promise<Tracker> {
  const tracker = await openTracker(deps);
  try {
    await tracker.start();
  } catch (e) {
    await tracker.stop();
    throw e;
  }
  return tracker;
}
