import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor } from '../helpers/desktop.js';
import { startTyping } from '../helpers/idleTyping.js';
import { registerTestBrowser, type TestBrowser } from '../helpers/testBrowser.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { openPage } from './support/page.js';
import { startDaemonUiWithNotifications, tempDir, type RunningSitwell } from './support/server.js';

/**
 * Issue #17: in web mode, "Open Sitwell" on the break notification did nothing when no tab was open.
 * Real Xvfb, D-Bus session bus and dunst; the click is dunst's own (`dunstctl action`); the browser is
 * started by the real xdg-open, whose html handler here is a tiny "browser" that notes what it was given
 * (XDG_CONFIG_HOME/XDG_DATA_HOME of the test): a private hand-off file (its path on the command line, never
 * the tokened address, which `ps` would show to every local user); the test opens where it leads in Chromium.
 */

const missing = missingTools(['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'dunstctl', 'xdg-open']);
if (missing.length) console.log(`skipped: opening Sitwell from a notification needs ${missing.join(', ')}`);
if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const MINUTE_MS = 1000;

describe.skipIf(missing.length > 0 || !hasChromium)('"Open Sitwell" on a notification in web mode (real dunst, xdg-open, Chromium)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  const idle = join(tmp.dir, 'idle');
  let desktop: Desktop;
  let notes: NotificationMonitor;
  let daemon: RunningSitwell;
  let browser: Browser;
  let typing: { stop: () => Promise<void> } | null = null;
  let testBrowser: TestBrowser;

  beforeAll(async () => {
    testBrowser = registerTestBrowser(tmp.dir);
    const store = openStore(db);
    // A break prompt after 3 s of sitting, repeated every 3 s while unanswered.
    store.updateSettings({ sitLimitMinutes: 3, snoozeMinutes: 3, minBreakMinutes: 2, postureEnabled: false });
    store.close();
    desktop = await startDesktop();
    notes = await desktop.monitorNotifications();
    const env = testBrowser.env(desktop.env);
    typing = startTyping(idle, 250);
    [daemon, browser] = await Promise.all([startDaemonUiWithNotifications(db, idle, MINUTE_MS, env), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await typing?.stop();
    await browser?.close();
    await daemon?.stop();
    await notes?.stop();
    await desktop?.stop();
    tmp.cleanup();
  });

  it('with no tab open, clicking the notification opens the prompt page in the browser; with one open, it opens nothing more', { timeout: 60_000 }, async () => {
    await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Time to stand up', 20_000);
    expect(testBrowser.urls()).toEqual([]);
    await desktop.clickNotification();
    await expect.poll(testBrowser.urls, { timeout: 10_000 }).toHaveLength(1);
    const url = testBrowser.urls()[0]!;
    expect(url.startsWith(daemon.origin)).toBe(true);
    expect(testBrowser.args()[0]).not.toContain('token');
    expect(testBrowser.modes()[0]).toBe('600');
    expect(new URL(url).hash).toBe('#/prompt');

    const { page, context, problems } = await openPage(browser);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Time for a break' }).waitFor({ timeout: 10_000 });

    // Now a tab listens: the next click goes to it and no second browser window opens.
    await page.goto(daemon.view('#/now'));
    await page.getByTestId('now-next').waitFor();
    const count = notes.events.filter((e) => e.kind === 'notify').length;
    await notes.waitFor((e) => e.kind === 'notify' && notes.events.filter((x) => x.kind === 'notify').length > count, 20_000);
    await desktop.clickNotification();
    await page.waitForURL(/#\/prompt$/, { timeout: 10_000 });
    await page.waitForTimeout(1000);
    expect(testBrowser.urls()).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
