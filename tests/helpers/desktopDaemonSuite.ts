/**
 * Inside a describe: a real desktop (Xvfb, a private session bus, dunst; openbox when asked) with
 * dbus-monitor on the notifications, and for each test a fresh history with a `sitwell daemon` on it.
 * Each attempt (CI retries once) gets its own history and daemon, so a retry never meets the last
 * attempt's prompts; input is xdotool mouse moves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openStore } from '../../main/store/index.js';
import type { SettingsPatch } from '../../shared/settingsRules.js';
import { startOpenbox } from './busyComponents.js';
import { startDaemon, waitFor, type DaemonChild } from './daemonChild.js';
import { startDesktop, type Desktop, type NotificationMonitor, type NotificationTraffic } from './desktop.js';

export interface DesktopDaemonSuite {
  readonly desktop: Desktop;
  readonly notes: NotificationMonitor;
  /** A new history with `settings` and a daemon tracking it; `ours()` is the bus traffic since it started. */
  start(settings: SettingsPatch): Promise<{ db: string; daemon: DaemonChild; ours(): NotificationTraffic[] }>;
  /** The user works: the mouse moves every 300 ms until stopMoving() or the end of the test. */
  keepMoving(): void;
  stopMoving(): void;
  /** The daemon ended by the test itself: nothing left to kill. */
  forget(): void;
}

export function useDesktopDaemonSuite(opts: { openbox?: boolean } = {}): DesktopDaemonSuite {
  let desktop: Desktop;
  let notes: NotificationMonitor;
  let openbox: { stop(): Promise<void> } | null = null;
  let dir = '';
  let daemon: DaemonChild | null = null;
  // The mouse is moved by a shell loop of its own: a timer in this test process stalls whenever the process is
  // busy under load, and a stall longer than the minimum break reads to the daemon as walking away.
  let typing: ChildProcess | null = null;
  const stopMoving = () => {
    // The whole group, so that no xdotool outlives the loop and moves the mouse after the test stopped.
    if (typing?.exitCode === null) process.kill(-typing.pid!, 'SIGKILL');
    typing = null;
  };

  beforeAll(async () => {
    desktop = await startDesktop();
    if (opts.openbox) openbox = await startOpenbox(desktop.env);
    notes = await desktop.monitorNotifications();
    dir = mkdtempSync(join(tmpdir(), 'sitwell-desktop-daemon-'));
  }, 60_000);

  afterEach(async () => {
    stopMoving();
    daemon?.child.kill('SIGKILL');
    if (daemon) await daemon.exited;
    daemon = null;
  });

  afterAll(async () => {
    await notes?.stop();
    await openbox?.stop();
    await desktop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    get desktop() {
      return desktop;
    },
    get notes() {
      return notes;
    },
    async start(settings) {
      const db = join(dir, `sitwell-${Date.now()}.db`);
      const store = openStore(db);
      store.updateSettings(settings);
      store.close();
      const since = notes.events.length;
      const d = startDaemon(db, desktop.env);
      daemon = d;
      await waitFor('the daemon to start tracking', () => d.out().includes('tracking with idle source'));
      return { db, daemon: d, ours: () => notes.events.slice(since) };
    },
    keepMoving() {
      const script = 'x=10; while :; do xdotool mousemove "$x" "$x" >/dev/null 2>&1; x=$((30 - x)); sleep 0.3; done';
      typing ??= spawn('sh', ['-c', script], { env: desktop.env, stdio: 'ignore', detached: true });
    },
    stopMoving,
    forget() {
      daemon = null;
    },
  };
}
