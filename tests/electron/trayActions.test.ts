import { afterEach, describe, expect, it } from 'vitest';
import { menuTemplate, TrayController, type MenuTemplateItem, type TrayPort } from '../../main/electron/tray.js';
import { runTrayAction } from '../../main/electron/trayActions.js';
import { trayState, type TrayAction, type TrayMenuItem } from '../../main/app/trayModel.js';
import type { AppPage } from '../../main/electron/windows.js';
import { startAppCore, ZONE, type AppCore } from './support/appCore.js';

/** Records what the shell would do to Electron's Tray. */
function standInTray() {
  const calls: string[] = [];
  let menu: TrayMenuItem[] = [];
  let onAction: (a: TrayAction) => void = () => {};
  const port: TrayPort = {
    setIcon: (i) => calls.push(`icon ${i}`),
    setToolTip: (t) => calls.push(`tooltip ${t}`),
    setTitle: (t) => calls.push(`title ${t}`),
    setMenu: (items, cb) => {
      calls.push('menu');
      menu = items;
      onAction = cb;
    },
  };
  return { port, calls, menu: () => menu, click: (a: TrayAction) => onAction(a) };
}

let core: AppCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('tray menu actions (stand-in Electron Tray; real monitor, handlers and SQLite)', () => {
  it('pauses for 30 min, 1 h and until tomorrow, and resumes, through the bridge dispatcher', async () => {
    core = await startAppCore();
    const c = core;
    const opened: AppPage[] = [];
    const deps = { dispatcher: c.dispatcher, open: (v: AppPage) => opened.push(v), movementMode: () => c.store.getSettings().movementMode, quit: () => opened.push('now') };
    const t0 = Date.now();

    await runTrayAction('pause-30', deps);
    const p30 = core.monitor.now().pausedUntil!;
    expect(p30 - t0).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(p30 - t0).toBeLessThanOrEqual(30 * 60_000 + 5000);
    expect(core.store.getState('pausedUntil')).toBe(p30);

    await runTrayAction('pause-60', deps);
    expect(core.monitor.now().pausedUntil! - t0).toBeGreaterThanOrEqual(60 * 60_000 - 1000);

    await runTrayAction('pause-tomorrow', deps);
    const until = core.monitor.now().pausedUntil!;
    // the next local midnight in the user zone
    expect(new Date(until).toLocaleTimeString('en-GB', { timeZone: ZONE })).toBe('00:00:00');
    expect(until).toBeGreaterThan(t0);

    await runTrayAction('resume', deps);
    expect(core.monitor.now().pausedUntil).toBeNull();

    // At a sit-stand desk: "I'm standing" and "I'm sitting" reach the tracker through the same bridge.
    await runTrayAction('stand', deps);
    expect(core.monitor.now().standing).not.toBeNull();
    await runTrayAction('sit', deps);
    expect(core.monitor.now().standing).toBeNull();
    expect(opened).toEqual([]);
  });

  it('opens Now, Statistics and Settings, starts the routine of the movement mode, and quits', async () => {
    core = await startAppCore();
    const c = core;
    const opened: string[] = [];
    const deps = { dispatcher: c.dispatcher, open: (v: AppPage) => opened.push(v), movementMode: () => c.store.getSettings().movementMode, quit: () => opened.push('quit') };
    for (const a of ['now', 'start-stretch', 'stats', 'settings', 'quit'] as const) await runTrayAction(a, deps);
    expect(opened).toEqual(['now', 'stretch/play/quick-2', 'stats', 'settings', 'quit']);

    // Seated mode (issue #17): "Start stretch" plays the chair break, never the standing reset.
    expect((await c.dispatcher.call('updateSettings', { movementMode: 'seated' })).ok).toBe(true);
    opened.length = 0;
    await runTrayAction('start-stretch', deps);
    expect(opened).toEqual(['stretch/play/seated-2']);
  });

  it('logs, never throws, when the dispatcher refuses a call', async () => {
    const lines: string[] = [];
    await runTrayAction('pause-30', {
      dispatcher: { call: async () => ({ ok: false, error: { code: 'unavailable', message: 'not tracking' } }) },
      open: () => {},
      movementMode: () => 'standing',
      quit: () => {},
      log: (l) => lines.push(l),
    });
    expect(lines).toEqual(['tray pause-30 failed: not tracking']);
  });

  it('a click in the built menu reaches the action, and the tray follows the pause', async () => {
    core = await startAppCore();
    const c = core;
    const tray = standInTray();
    const done: Promise<void>[] = [];
    const ctl = new TrayController(
      tray.port,
      () => trayState(c.monitor.now(), c.store.getSettings(), { zone: ZONE }),
      (a) => done.push(runTrayAction(a, { dispatcher: c.dispatcher, open: () => {}, movementMode: () => 'standing', quit: () => {} })),
    );
    ctl.refresh();
    expect(tray.calls.filter((x) => x.startsWith('icon'))).toEqual(['icon ok']);

    // Click "Pause → For 1 hour" through the Electron menu template, as Electron would.
    const template = menuTemplate(tray.menu(), (a) => tray.click(a));
    const pause = template.find((i) => i.label === 'Pause')!;
    pause.submenu!.find((i: MenuTemplateItem) => i.label === 'For 1 hour')!.click!();
    await Promise.all(done);
    ctl.refresh();
    expect(tray.calls.at(-1)).toBe('menu');
    expect(tray.calls).toContain('icon paused');
    expect(tray.calls.some((x) => /^tooltip Sitwell: paused until \d\d:\d\d/.test(x))).toBe(true);
    expect(tray.menu().some((i) => i.type === 'item' && i.action === 'resume')).toBe(true);
  });

  it('pushes only what changed, so the menu is not rebuilt under the pointer', async () => {
    core = await startAppCore();
    const c = core;
    const tray = standInTray();
    const ctl = new TrayController(tray.port, () => trayState(c.monitor.now(), c.store.getSettings(), { zone: ZONE }), () => {});
    ctl.refresh();
    const first = tray.calls.length;
    ctl.refresh();
    ctl.refresh();
    expect(tray.calls.length).toBe(first);
    expect(ctl.updates).toBe(1);
  });

  it('menuTemplate maps separators, submenus and disabled items', () => {
    const t = menuTemplate(
      [
        { type: 'item', action: 'now', label: 'Now', enabled: true },
        { type: 'separator' },
        { type: 'submenu', label: 'Pause', items: [{ type: 'item', action: 'pause-30', label: '30', enabled: false }] },
      ],
      () => {},
    );
    expect(t.map((i) => i.type)).toEqual(['normal', 'separator', 'submenu']);
    expect(t[2]!.submenu![0]).toMatchObject({ label: '30', enabled: false });
  });
});
