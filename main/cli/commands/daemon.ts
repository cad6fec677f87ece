import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { RunningUi } from '../../app/web/startUi.js';
import { startTracker, TrackerStartError, type Tracker, type TrackerIdle } from '../../app/tracker/openTracker.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { NoIdleSourceError } from '../../platform/detectIdle.js';
import { createFileIdleSource } from '../../platform/idleScripted.js';
import { NullNotifier } from '../../platform/notifyNull.js';
import { adoptProcessZone, userZone } from '../../platform/zone.js';
import { StoreError } from '../../store/index.js';
import { CliError } from '../errors.js';

interface DaemonOptions {
  ui?: boolean;
  tray?: boolean;
  port?: string;
  verbose?: boolean;
  idleSource?: string;
  testingMinuteMs?: string;
  notifications?: boolean;
}

const stamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function idleChoice(spec: string | undefined): TrackerIdle {
  const file = /^(file|scripted):(.+)$/.exec(spec ?? '');
  if (file) return { use: createFileIdleSource(file[2]!) };
  if (spec && spec !== 'auto') throw new CliError(`unknown --idle-source "${spec}" (use auto, or file:PATH for testing)`);
  return {};
}

/** Exit 1 for a tracker already running (runtime), 2 for a history or machine that cannot be used as it is. */
function cliErrorOf(e: TrackerStartError, dbPath: string): Error {
  if (e.stage === 'lock' && e.cause instanceof StoreError) return new CliError(e.message, 1);
  if (e.stage === 'store' && e.cause instanceof StoreError) return new CliError(`${dbPath}: ${e.message}`, 2);
  if (e.cause instanceof NoIdleSourceError) return new CliError(e.message, 2);
  return e.cause instanceof Error ? e.cause : e;
}

export function registerDaemon(program: Command): void {
  program
    .command('daemon')
    .description('track sitting in the background: real idle time, screen lock and sleep, desktop notifications')
    .option('--ui', 'also serve the Sitwell UI on 127.0.0.1 (prints its URL)')
    .option('--tray', 'show a tray icon with a menu (Linux: StatusNotifierItem over D-Bus); serves the UI once the tray opens its window')
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

      const idle = idleChoice(opts.idleSource);
      // Handled from here on: a SIGTERM that came before the handlers below would kill the process outright.
      let stopRequested: ((signal: string) => void) | null = null;
      const onSignal = (signal: string) => {
        if (stopRequested) return stopRequested(signal);
        // Still starting: an earlier run's checkpoint stays for the next start; the lock goes with the process.
        log(`${signal} while starting: exiting`);
        process.exit(0);
      };
      process.once('SIGINT', () => onSignal('SIGINT'));
      process.once('SIGTERM', () => onSignal('SIGTERM'));
      // A small young generation for a process that runs for days and allocates little: V8 doubles the
      // new space after a busy moment (start-up, a panel reading the tray) and keeps it, ~15 MB of RSS.
      // Read at each growth decision, so it takes effect set here (bench: daemon with the tray).
      setFlagsFromString('--semi-space-growth-factor=1');
      let tracker: Tracker;
      try {
        tracker = await startTracker({
          dbPath,
          owner: 'daemon',
          env: process.env,
          log,
          verbose: opts.verbose,
          idle,
          notifier: opts.notifications === false ? async () => new NullNotifier('turned off with --no-notifications', () => {}) : undefined,
          // The daemon runs its process clock in the user's zone: local time without Intl's ~8 MB.
          zone: (settings) => adoptProcessZone(userZone(settings)),
          minuteMs,
          // `sitwell stand` / `sitwell sit` from another process reach this tracker here.
          control: { mode: 'web' },
          onMovedAside: (movedTo) => process.stderr.write(`sitwell: warning: ${dbPath} was damaged; it is now ${movedTo} and a new history was started\n`),
        });
      } catch (e) {
        throw e instanceof TrackerStartError ? cliErrorOf(e, dbPath) : e;
      }
      const { store, monitor } = tracker;
      let stopped!: () => void;
      const done = new Promise<void>((resolve) => (stopped = resolve));
      let stopping = false;
      stopRequested = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: closing the open bout and stopping`);
        void (async () => {
          await tracker.stop();
          stopped();
        })();
      };
      if (minuteMs !== 60_000) log(`testing mode: a settings minute lasts ${minuteMs} ms`);
      // The web UI starts with --ui, or for --tray when the tray first needs it (its window, a pause): the
      // server and the bridge's validation cost ~7 MB a tray that is only looked at does not need.
      let uiStarting: Promise<RunningUi> | null = null;
      const ui = (): Promise<RunningUi> =>
        (uiStarting ??= (async () => {
          const { startUi } = await import('../../app/web/startUi.js');
          const running = await startUi({ store, monitor, sync: tracker.sync, dataPath: dbPath, port });
          if (stopping) await running.close(); // stopped while the server was starting
          else tracker.onStop(() => running.close());
          return running;
        })());
      if (opts.ui) await ui();
      if (opts.tray && !stopping) {
        const { startDaemonTray } = await import('../../app/daemonTray.js');
        const tray = await startDaemonTray({ monitor, store, ui, zone: () => userZone(store.getSettings()), log, quit: () => stopRequested?.('tray: Quit') });
        if (tray) tracker.onStop(() => tray.close());
      }
      await done;
      process.exitCode = 0;
    });
}
