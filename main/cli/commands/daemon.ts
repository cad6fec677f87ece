import type { Command } from 'commander';
import { openTrackerControl } from '../../app/control/trackerControl.js';
import { Monitor } from '../../app/monitor.js';
import { systemClock } from '../../platform/clock.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { detectIdleSource, NoIdleSourceError } from '../../platform/detectIdle.js';
import { createFileIdleSource } from '../../platform/idleScripted.js';
import { createNotifier } from '../../platform/notifier.js';
import { resilientIdleSource } from '../../platform/resilientIdle.js';
import { NullNotifier } from '../../platform/notifyNull.js';
import { openSessionEvents } from '../../platform/sessionEvents.js';
import type { IdleSource, Notifier, SessionEvents, SessionEventType } from '../../platform/types.js';
import { adoptProcessZone, userZone } from '../../platform/zone.js';
import { acquireTrackerLock, StoreError, type Store, type TrackerLock } from '../../store/index.js';
import { openStoreForTracker } from '../../store/recover.js';
import { CliError } from '../errors.js';

interface DaemonOptions {
  ui?: boolean;
  port?: string;
  verbose?: boolean;
  idleSource?: string;
  testingMinuteMs?: string;
  notifications?: boolean;
}

const stamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

type DaemonIdleSource = IdleSource & { noteSessionEvent?(type: SessionEventType): void };

async function chooseIdleSource(spec: string | undefined, log: (l: string) => void): Promise<DaemonIdleSource> {
  const file = /^(file|scripted):(.+)$/.exec(spec ?? '');
  if (file) return createFileIdleSource(file[2]!);
  if (spec && spec !== 'auto') throw new CliError(`unknown --idle-source "${spec}" (use auto, or file:PATH for testing)`);
  try {
    const { source, tried } = await detectIdleSource(process.env);
    for (const t of tried) if (!t.ok) log(`idle source ${t.name} not used: ${t.why}`);
    // A source that reads a frozen value (Wayland's everlasting 0) must not make every break look missed.
    return resilientIdleSource(source, process.env, log);
  } catch (e) {
    if (e instanceof NoIdleSourceError) throw new CliError(e.message, 2);
    throw e;
  }
}

export function registerDaemon(program: Command): void {
  program
    .command('daemon')
    .description('track sitting in the background: real idle time, screen lock and sleep, desktop notifications')
    .option('--ui', 'also serve the Sitwell UI on 127.0.0.1 (prints its URL)')
    .option('--port <n>', 'port for --ui (default: a free one)')
    .option('--verbose', 'log every observation, not only state changes')
    .option('--idle-source <spec>', 'auto (default), or file:PATH — testing only: PATH holds the idle ms at its last write')
    .option('--testing-minute-ms <ms>', 'testing only: how many milliseconds a settings "minute" lasts (default 60000)')
    .option('--no-notifications', 'do not send desktop notifications')
    .action(async (opts: DaemonOptions, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const minuteMs = opts.testingMinuteMs === undefined ? 60_000 : Number(opts.testingMinuteMs);
      if (!Number.isFinite(minuteMs) || minuteMs < 100 || minuteMs > 60_000) {
        throw new CliError(`--testing-minute-ms must be a number of milliseconds from 100 to 60000, got "${opts.testingMinuteMs}"`);
      }
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, got "${opts.port}"`);
      const log = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);

      let lock: TrackerLock;
      try {
        lock = acquireTrackerLock(dbPath, 'daemon');
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(e.message, 1);
        throw e;
      }
      // Handled from here on: a SIGTERM that came before the handlers below would kill the process outright.
      let stopRequested: ((signal: string) => void) | null = null;
      const onSignal = (signal: string) => {
        if (stopRequested) return stopRequested(signal);
        // Still starting: nothing of this run is open yet, and an earlier run's checkpoint stays for the next start.
        log(`${signal} while starting: exiting`);
        lock.release();
        process.exit(0);
      };
      process.once('SIGINT', () => onSignal('SIGINT'));
      process.once('SIGTERM', () => onSignal('SIGTERM'));
      // With the lock held no other tracker writes the file, so a damaged one can be moved aside safely.
      let store: Store;
      try {
        const opened = openStoreForTracker(dbPath, log);
        store = opened.store;
        if (opened.movedAside) process.stderr.write(`sitwell: warning: ${dbPath} was damaged; it is now ${opened.movedAside} and a new history was started\n`);
      } catch (e) {
        lock.release();
        if (e instanceof StoreError) throw new CliError(`${dbPath}: ${e.message}`, 2);
        throw e;
      }
      let idle: DaemonIdleSource | null = null;
      let session: SessionEvents | null = null;
      let notifier: Notifier | null = null;
      try {
        idle = await chooseIdleSource(opts.idleSource, log);
        const sessions = await openSessionEvents(process.env);
        session = sessions.events;
        const guarded = idle;
        if (guarded.noteSessionEvent) session.on((e) => guarded.noteSessionEvent!(e.type));
        for (const t of sessions.tried) if (opts.verbose || t.ok) log(`lock/sleep: ${t.name}: ${t.ok ? 'yes' : 'no'} (${t.why})`);
        notifier = opts.notifications === false ? null : await createNotifier(process.env, { warn: (m) => log(`warning: ${m}`) });
      } catch (e) {
        session?.close();
        idle?.close?.();
        lock.release();
        store.close();
        throw e;
      }
      const monitor = new Monitor({
        store,
        clock: systemClock(),
        idle,
        session,
        notifier: notifier ?? new NullNotifier('turned off with --no-notifications', () => {}),
        // The daemon runs its process clock in the user's zone: local time without Intl's ~8 MB.
        zone: () => adoptProcessZone(userZone(store.getSettings())),
        log,
        verbose: opts.verbose,
        minuteMs,
      });
      let ui: { close(): Promise<void> } | null = null;
      let control: { close(): Promise<void> } | null = null;
      let stopped!: () => void;
      const done = new Promise<void>((resolve) => (stopped = resolve));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: closing the open bout and stopping`);
        void (async () => {
          await control?.close();
          await monitor.stop();
          await ui?.close();
          await notifier?.close();
          await session?.close();
          idle?.close?.();
          store.close();
          lock.release();
          stopped();
        })();
      };
      await monitor.start();
      // `sitwell stand` / `sitwell sit` from another process reach this tracker here.
      control = await openTrackerControl({ store, monitor, dbPath, mode: 'web', zone: () => userZone(store.getSettings()), log });
      stopRequested = stop;
      if (minuteMs !== 60_000) log(`testing mode: a settings minute lasts ${minuteMs} ms`);
      if (opts.ui) {
        const { startUi } = await import('../../app/web/startUi.js');
        ui = await startUi({ store, monitor, dataPath: dbPath, port });
        if (stopping) await ui.close(); // stopped while the server was starting
      }
      await done;
      process.exitCode = 0;
    });
}
