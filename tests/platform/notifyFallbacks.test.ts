import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNotifier, createNotifier } from '../../main/platform/notifier.js';
import { NodeNotifierNotifier } from '../../main/platform/notifyNodeNotifier.js';
import { NullNotifier } from '../../main/platform/notifyNull.js';
import type { NotifierActionEvent } from '../../main/platform/types.js';
import { missingTools, startDesktop, type Desktop } from '../helpers/desktop.js';

describe('when no notification mechanism works', () => {
  it('falls back to a NullNotifier that warns once and keeps quiet after that', async () => {
    const warnings: string[] = [];
    const { notifier, tried } = await chooseNotifier({ PATH: '/nonexistent' }, { platform: 'linux', warn: (m) => warnings.push(m) });
    expect(tried).toEqual([
      { name: 'dbus-notifications', ok: false, why: expect.stringContaining('no session bus: DBUS_SESSION_BUS_ADDRESS is not set') },
      { name: 'node-notifier', ok: false, why: expect.stringMatching(/^notify-send needs a session bus as well/) },
    ]);
    expect(notifier).toBeInstanceOf(NullNotifier);
    await notifier.posture({ title: 'a', body: 'b' });
    await notifier.breakPrompt({ id: 1, title: 'a', body: 'b' });
    await notifier.closeBreak(1);
    expect(warnings).toEqual([expect.stringMatching(/^no notifications can be shown \(dbus-notifications: .*\); Sitwell keeps tracking your sitting$/)]);
    // createNotifier is the same choice without the report.
    expect((await createNotifier({ PATH: '/nonexistent' }, { platform: 'linux', warn: () => {} })).name).toBe('none');
  });

  it('says to install notify-send when a bus exists but our client cannot use it and notify-send is missing', async () => {
    const { notifier, tried } = await chooseNotifier(
      { PATH: '/nonexistent', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      { platform: 'linux', warn: () => {} },
    );
    expect(tried).toEqual([
      { name: 'dbus-notifications', ok: false, why: expect.stringMatching(/^cannot connect to the session bus at unix:path=\/nonexistent\/bus: connect ENOENT/) },
      { name: 'node-notifier', ok: false, why: 'notify-send is not installed (Debian/Ubuntu: sudo apt install libnotify-bin)' },
    ]);
    expect(notifier.name).toBe('none');
  });

  it('on macOS/Windows picks node-notifier without trying D-Bus', async () => {
    const { notifier, tried } = await chooseNotifier({}, { platform: 'darwin' });
    expect(tried.map((t) => t.name)).toEqual(['node-notifier']);
    expect(notifier.supportsActions).toBe(false);
    expect(notifier.name).toBe('node-notifier (Notification Center)');
  });

  it('node-notifier: a click on the break notification emits "open" for that prompt (stand-in for macOS/Windows node-notifier callbacks)', async () => {
    const sent: unknown[] = [];
    const n = new NodeNotifierNotifier({
      platform: 'darwin',
      send: (o, cb) => {
        sent.push(o);
        setTimeout(() => cb(null, 'activate'), 5);
      },
    });
    const got: NotifierActionEvent[] = [];
    n.onAction((a) => got.push(a));
    await n.breakPrompt({ id: 7, title: 'Break', body: 'Stand up' });
    await n.posture({ title: 'Posture', body: 'Sit tall' });
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toEqual([
      { title: 'Break', message: 'Stand up', wait: true },
      { title: 'Posture', message: 'Sit tall', wait: false },
    ]);
    expect(got).toEqual([{ promptId: 7, action: 'open' }]);
  });
});

const missing = missingTools(['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'notify-send']);
if (missing.length) console.log(`skipping node-notifier (notify-send) test against dunst: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('node-notifier fallback on Linux (real notify-send and dunst)', () => {
  let desktop: Desktop;
  const saved = { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, DISPLAY: process.env.DISPLAY };
  beforeAll(async () => {
    desktop = await startDesktop();
    // node-notifier runs notify-send with this process's environment, not one we pass.
    process.env.DBUS_SESSION_BUS_ADDRESS = desktop.busAddress;
    process.env.DISPLAY = desktop.display;
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await desktop?.stop();
  });

  it('with D-Bus excluded, sends through notify-send and the notification reaches dunst (without buttons)', async () => {
    const { notifier, tried } = await chooseNotifier(desktop.env, { exclude: ['dbus'] });
    expect(tried).toEqual([{ name: 'node-notifier', ok: true, why: 'notify-send found (no buttons, no click callback)' }]);
    const monitor = await desktop.monitorNotifications();
    await notifier.breakPrompt({ id: 3, title: 'Fallback break', body: 'Time to stand up' });
    const seen = await monitor.waitFor((e) => e.kind === 'notify' && e.summary === 'Fallback break');
    expect(seen).toMatchObject({ body: 'Time to stand up', actions: [] });
    await monitor.stop();
    await notifier.close();
  });
});
