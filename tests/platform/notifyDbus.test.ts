import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNotifier } from '../../main/platform/notifier.js';
import { DbusNotifier } from '../../main/platform/notifyDbus.js';
import type { NotifierActionEvent } from '../../main/platform/types.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor, type NotificationTraffic } from '../helpers/desktop.js';

type Notify = Extract<NotificationTraffic, { kind: 'notify' }>;
const isNotify = (summary: string) => (e: NotificationTraffic): e is Notify => e.kind === 'notify' && e.summary === summary;
const withId = async (m: NotificationMonitor, summary: string): Promise<Notify> => {
  const n = await m.waitFor(isNotify(summary));
  const deadline = Date.now() + 3000;
  while (n.id === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return n;
};
const nextAction = (actions: NotifierActionEvent[], n: number) =>
  new Promise<NotifierActionEvent>((resolve, reject) => {
    const deadline = Date.now() + 5000;
    const poll = () => {
      if (actions.length >= n) resolve(actions[n - 1]!);
      else if (Date.now() > deadline) reject(new Error(`no action #${n}; got ${JSON.stringify(actions)}`));
      else setTimeout(poll, 20);
    };
    poll();
  });

const missing = missingTools(['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'dunstctl']);
if (missing.length) console.log(`skipping D-Bus notification tests against dunst: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('freedesktop notifications against a real dunst', () => {
  let desktop: Desktop;
  let monitor: NotificationMonitor;
  let notifier: DbusNotifier;
  const warnings: string[] = [];
  const actions: NotifierActionEvent[] = [];

  beforeAll(async () => {
    desktop = await startDesktop();
    monitor = await desktop.monitorNotifications();
    const chosen = await chooseNotifier(desktop.env, { warn: (m) => warnings.push(m) });
    expect(chosen.tried).toEqual([{ name: 'dbus-notifications', ok: true, why: 'dunst 1.9.0 (2022-06-27) answers; action buttons supported' }]);
    notifier = chosen.notifier as DbusNotifier;
    notifier.onAction((a) => actions.push(a));
  });
  afterAll(async () => {
    await notifier?.close();
    await monitor?.stop();
    await desktop?.stop();
  });

  it('the posture prompt reaches dunst with low urgency and no buttons, and the next one replaces it', async () => {
    expect(notifier.supportsActions).toBe(true);
    await notifier.posture({ title: 'Posture 1', body: 'Sit back, shoulders down.' });
    const first = await withId(monitor, 'Posture 1');
    expect(first).toMatchObject({ appName: 'Sitwell', replacesId: 0, actions: [], hints: { urgency: 0, 'desktop-entry': 'sitwell' }, body: 'Sit back, shoulders down.' });
    expect(first.id).toBeGreaterThan(0);
    await notifier.posture({ title: 'Posture 2', body: 'Feet flat.' });
    const second = await withId(monitor, 'Posture 2');
    expect(second.replacesId).toBe(first.id);
    expect(second.id).toBe(first.id);
  });

  it('the break prompt carries Start stretch / Snooze / Skip plus a default action, never expires, and replaces the previous one', async () => {
    await notifier.breakPrompt({ id: 11, title: 'Break 11', body: 'You have sat for 30 minutes.' });
    const first = await withId(monitor, 'Break 11');
    expect(first.actions).toEqual(['default', 'Open Sitwell', 'start-stretch', 'Start stretch', 'stand', 'Stand', 'snooze', 'Snooze', 'skip', 'Skip']);
    expect(first).toMatchObject({ replacesId: 0, expireTimeout: 0, hints: { urgency: 1 } });
    await notifier.breakPrompt({ id: 12, title: 'Break 12', body: 'Still sitting.' });
    const second = await withId(monitor, 'Break 12');
    expect(second.replacesId).toBe(first.id);
    // dunst shows one break notification (plus the posture one), not a stack.
    expect(await desktop.dunstctl('count', 'displayed')).toMatch(/^2\s*$/);
  });

  it('a button chosen in dunst (dunstctl context) comes back as that action for the right prompt', async () => {
    await desktop.invokeAction('snooze');
    expect(await nextAction(actions, 1)).toEqual({ promptId: 12, action: 'snooze' });
    expect(await monitor.waitFor((e) => e.kind === 'action-invoked' && e.key === 'snooze')).toBeTruthy();
  });

  it('a click on the body (dunstctl action: the default action) comes back as "open"', async () => {
    await notifier.breakPrompt({ id: 13, title: 'Break 13', body: 'Time to stand up.' });
    await withId(monitor, 'Break 13');
    await desktop.clickNotification();
    expect(await nextAction(actions, 2)).toEqual({ promptId: 13, action: 'open' });
  });

  it('closeBreak withdraws the break notification with CloseNotification', async () => {
    await notifier.breakPrompt({ id: 14, title: 'Break 14', body: 'Stand up.' });
    const n = await withId(monitor, 'Break 14');
    await notifier.closeBreak(99); // not the open prompt: nothing happens
    await notifier.closeBreak(14);
    expect(await monitor.waitFor((e) => e.kind === 'close-notification' && e.id === n.id)).toBeTruthy();
    expect(await monitor.waitFor((e) => e.kind === 'notification-closed' && e.id === n.id)).toMatchObject({ reason: 3 });
  });

  it('survives dunst being killed and restarted: no throw, one warning, then delivery (with working buttons) again', async () => {
    await desktop.stopDunst('SIGKILL');
    await expect(notifier.breakPrompt({ id: 21, title: 'Break 21', body: 'nobody listens' })).resolves.toBeUndefined();
    await expect(notifier.posture({ title: 'Posture 3', body: 'nobody listens' })).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/cannot show a notification: the notification service is not running; Sitwell keeps tracking/)]);

    await desktop.startDunst();
    await notifier.breakPrompt({ id: 22, title: 'Break 22', body: 'dunst is back' });
    const n = await withId(monitor, 'Break 22');
    expect(n.replacesId).toBe(0); // ids from the dead daemon mean nothing to the new one
    expect(warnings[1]).toMatch(/notifications work again/);
    await desktop.invokeAction('skip');
    expect(await nextAction(actions, 3)).toEqual({ promptId: 22, action: 'skip' });
  });

  it('dunst restarted between two prompts (no failed send in between) is noticed too', async () => {
    await notifier.breakPrompt({ id: 31, title: 'Break 31', body: 'before restart' });
    await withId(monitor, 'Break 31');
    await desktop.stopDunst();
    await desktop.startDunst();
    await new Promise((r) => setTimeout(r, 100)); // let NameOwnerChanged arrive
    await notifier.breakPrompt({ id: 32, title: 'Break 32', body: 'after restart' });
    expect((await withId(monitor, 'Break 32')).replacesId).toBe(0);
  });
});

describe.skipIf(missing.length > 0)('freedesktop notifications when the notification daemon starts late', () => {
  let desktop: Desktop;
  beforeAll(async () => {
    desktop = await startDesktop({ dunst: false });
  });
  afterAll(() => desktop?.stop());

  it('keeps the D-Bus notifier, warns once while nothing answers, and delivers once dunst is up', async () => {
    const warnings: string[] = [];
    const { notifier, tried } = await chooseNotifier(desktop.env, { warn: (m) => warnings.push(m) });
    expect(tried).toEqual([{ name: 'dbus-notifications', ok: false, why: expect.stringContaining('no notification service (org.freedesktop.Notifications) on the session bus yet') }]);
    expect(notifier.name).toBe('dbus-notifications');
    await notifier.posture({ title: 'early', body: 'x' });
    await notifier.breakPrompt({ id: 1, title: 'early break', body: 'x' });
    expect(warnings).toHaveLength(1);
    const monitor = await desktop.monitorNotifications();
    await desktop.startDunst();
    await notifier.breakPrompt({ id: 2, title: 'Late break', body: 'dunst started after Sitwell' });
    expect(await monitor.waitFor(isNotify('Late break'))).toMatchObject({ actions: expect.arrayContaining(['snooze']) });
    expect((notifier as DbusNotifier).server?.name).toBe('dunst');
    await monitor.stop();
    await notifier.close();
  });
});
