import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { acquireTrackerLock, openStore } from '../../main/store/index.js';
import { appEnv, electronSkipReason, keepTyping, launchApp, stageApp, type AppEnv, type Hooks, type RunningApp } from './support/electronHarness.js';

/**
 * The real desktop app under Playwright's Electron driver: a real Electron, a real X display (the
 * session's or a throw-away Xvfb + D-Bus + dunst), a real SQLite history. Only the idle time is
 * scripted (a file the test rewrites as it "types"), and a settings minute lasts one second.
 */

const reason = electronSkipReason();
if (reason) console.log(`Electron end-to-end tests skipped: ${reason}`);

type G = { __sitwell: Hooks };

describe.skipIf(reason !== null)('the Electron app (Playwright _electron, real Electron)', () => {
  let stage = '';
  let env: AppEnv | null = null;
  let run: RunningApp | null = null;
  let stopTyping: () => Promise<void> = async () => {};

  beforeAll(() => {
    stage = stageApp();
  }, 300_000);
  afterAll(() => {
    if (stage) rmSync(stage, { recursive: true, force: true });
  });
  afterEach(async () => {
    await stopTyping();
    await run?.app.close().catch(() => {});
    run = null;
    await env?.stop();
    env = null;
  });

  async function start(settings: Parameters<ReturnType<typeof openStore>['updateSettings']>[0] = {}): Promise<RunningApp> {
    env = await appEnv(stage, { minuteMs: 1000 });
    const store = openStore(env.dbPath);
    store.updateSettings({ postureEnabled: false, ...settings });
    store.close();
    stopTyping = keepTyping(env.idleFile);
    run = await launchApp(env);
    await run.waitForOutput(/tray ready after \d+ ms/);
    return run;
  }

  it('starts hidden in the tray: no window, a tray with its menu', async () => {
    const r = await start();
    expect(r.app.windows()).toHaveLength(0);
    const tray = await r.app.evaluate(() => (globalThis as unknown as G).__sitwell.tray());
    expect(tray).not.toBeNull();
    expect(['ok', 'rising', 'due']).toContain(tray!.view.icon);
    expect(tray!.view.tooltip).toMatch(/^Sitwell: /);
    const actions = JSON.stringify(tray!.view.items);
    for (const a of ['now', 'start-stretch', 'pause-30', 'pause-60', 'pause-tomorrow', 'stats', 'settings', 'quit']) expect(actions).toContain(`"${a}"`);
    const w = await r.app.evaluate(() => (globalThis as unknown as G).__sitwell.windows());
    expect(w).toEqual({ main: false, prompt: false, created: { main: 0, prompt: 0 } });
  });

  it('shows the break prompt after the configured limit, without focus, and records the answer', async () => {
    const r = await start({ sitLimitMinutes: 1, snoozeMinutes: 1 });
    const page = await r.app.waitForEvent('window', { timeout: 20_000 });
    expect(page.url()).toMatch(/index\.html#\/prompt$/);
    const shown = await r.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ top: w.isAlwaysOnTop(), visible: w.isVisible() })));
    expect(shown).toEqual([{ top: true, visible: true }]);

    await page.getByRole('button', { name: /snooze/i }).click({ timeout: 10_000 });
    await page.waitForEvent('close', { timeout: 10_000 });
    const store = openStore(env!.dbPath, { readonly: true });
    const breaks = store.listPrompts().filter((p) => p.kind === 'break');
    store.close();
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    expect(breaks.at(-1)!.outcome).toBe('snoozed');
  });

  it('refuses a second instance, which brings the first one forward instead', async () => {
    const r = await start();
    const bin = electronBinary();
    if (!bin.ok) throw new Error(bin.why);
    const second = spawn(bin.path, env!.args, { env: env!.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    second.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const windowOpened = r.app.waitForEvent('window', { timeout: 20_000 });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('Sitwell is already running');
    const page = await windowOpened;
    expect(page.url()).toMatch(/#\/now$/);
  });

  it('quits cleanly: the open bout is recorded, no checkpoint left, the tracker lock released', async () => {
    const r = await start();
    await new Promise((res) => setTimeout(res, 2500)); // a bout of a few "minutes"
    // The evaluation may lose its connection as the process exits; the close event is what counts.
    await Promise.all([r.app.waitForEvent('close', { timeout: 20_000 }), r.app.evaluate(({ app }) => app.quit()).catch(() => {})]);
    expect(r.output()).toContain('stopped');
    const store = openStore(env!.dbPath);
    expect(store.readCheckpoint()).toBeNull();
    expect(store.listBouts().length).toBeGreaterThanOrEqual(1);
    store.close();
    acquireTrackerLock(env!.dbPath, 'daemon').release();
    run = null;
  });

  it('says so when the daemon already tracks the same history', async () => {
    env = await appEnv(stage);
    openStore(env.dbPath).close();
    const lock = acquireTrackerLock(env.dbPath, 'daemon'); // this test process stands in as the running daemon
    try {
      run = await launchApp(env);
      await run.waitForOutput(/another Sitwell daemon \(pid \d+\) is already tracking/);
    } finally {
      lock.release();
    }
  });

  describe('page security (issue 6)', () => {
    it('CSP blocks inline script and remote loads; navigation and new windows are denied', async () => {
      const r = await start();
      const opened = r.app.waitForEvent('window');
      await r.app.evaluate(() => (globalThis as unknown as G).__sitwell.open('settings'));
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      const inline = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.head.appendChild(s);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
      });
      expect(inline).toBe(false);
      const remote = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'loaded',
          () => 'blocked',
        ),
      );
      expect(remote).toBe('blocked');
      const popup = await page.evaluate(() => window.open('https://example.com/') === null);
      expect(popup).toBe(true);
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(1000);
      expect(page.url()).toBe(before);
      expect(r.app.windows()).toHaveLength(1);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    });

    it('refuses IPC from a page that is not one of Sitwell’s windows', async () => {
      const r = await start();
      const message = await r.app.evaluate(async ({ BrowserWindow }) => {
        // Same preload and settings as our windows, but a foreign page: the sender check must refuse it.
        const preload = (globalThis as unknown as G).__sitwell.preload;
        const w = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } });
        await w.loadURL('data:text/html,<title>foreign</title>');
        const result = (await w.webContents.executeJavaScript(
          'window.sitwell ? window.sitwellIpc.call("getNow", {}) : { ok: false, error: { code: "no-bridge" } }',
        )) as { ok: boolean; error?: { code: string } };
        w.destroy();
        return result;
      });
      expect(message).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });
});
