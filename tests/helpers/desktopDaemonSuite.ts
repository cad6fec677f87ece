/**
 * Inside a describe: a real desktop (Xvfb, a private session bus, dunst; openbox when asked) with
 * dbus-monitor on the notifications, and for each test a fresh history with a `sitwell daemon` on it.
 * Each attempt (CI retries once) gets its own history and daemon, so a retry never meets the last
 * attempt's prompts; input is xdotool mouse moves.
 */
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
  let typing: ReturnType<typeof setInterval> | null = null;
  const stopMoving = () => {
    if (typing) clearInterval(typing);
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
      let x = 10;
      typing ??= setInterval(() => {
        x = x === 10 ? 20 : 10;
        void desktop.xdotool('mousemove', String(x), String(x)).catch(() => {});
      }, 300);
    },
    stopMoving,
    forget() {
      daemon = null;
    },
  };
}
