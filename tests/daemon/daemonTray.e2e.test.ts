import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbusConnection } from '../../main/platform/dbusConnection.js';
import { openStore } from '../../main/store/index.js';
import { missingTools, startDesktop, stopChild, type Desktop } from '../helpers/desktop.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { registerTestBrowser, type TestBrowser } from '../helpers/testBrowser.js';

/**
 * `sitwell daemon --tray` with a real tray host: Xvfb, a private session bus, status-notifier-watcher
 * (the StatusNotifierWatcher) and gtk-sni-tray-standalone (a panel showing the items). The menu is
 * driven over D-Bus as a panel does (com.canonical.dbusmenu GetLayout and Event). Pages open through the real
 * xdg-open in a stand-in browser that notes the address (tests/helpers/testBrowser.ts).
 */
const missing = missingTools(['Xvfb', 'dbus-daemon', 'status-notifier-watcher', 'gtk-sni-tray-standalone', 'import', 'xdg-open']);
if (missing.length) console.log(`daemon tray suite skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

const SHOTS = join(process.cwd(), 'tests', 'e2e', 'screenshots');
const tmp = tempDir('sitwell-tray-');
let desktop: Desktop;
let conn: DbusConnection;
const children: ChildProcess[] = [];
let daemon: ChildProcess;
let out = '';
let testBrowser: TestBrowser;

async function waitFor<T>(what: string, get: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}\n${out}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

type Layout = [number, Record<string, { value: unknown }>, { value: Layout }[]];
async function menu(name: string): Promise<{ id: number; label: string }[]> {
  const [, layout] = (await conn.call({ destination: name, path: '/MenuBar', iface: 'com.canonical.dbusmenu', member: 'GetLayout', signature: 'iias', body: [0, -1, []] })) as [number, Layout];
  const flat: { id: number; label: string }[] = [];
  const walk = (n: Layout) => {
    flat.push({ id: n[0], label: String(n[1].label?.value ?? '') });
    for (const c of n[2]) walk(c.value);
  };
  walk(layout);
  return flat;
}
async function click(name: string, label: string): Promise<void> {
  const item = (await menu(name)).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  await conn.call({ destination: name, path: '/MenuBar', iface: 'com.canonical.dbusmenu', member: 'Event', signature: 'isvu', body: [item.id, 'clicked', conn.variant('i', 0), 0] });
}

beforeAll(async () => {
  if (missing.length) return;
  desktop = await startDesktop({ dunst: false });
  conn = await DbusConnection.open('session', desktop.env);
  const watcher = spawn('status-notifier-watcher', [], { env: desktop.env, stdio: 'ignore' });
  children.push(watcher);
  await waitFor('the StatusNotifierWatcher', () => conn.nameHasOwner('org.kde.StatusNotifierWatcher'));
  children.push(spawn('gtk-sni-tray-standalone', ['--top', '--end', '--size', '32'], { env: desktop.env, stdio: 'ignore' }));
  await waitFor('the tray host', async () => {
    const [names] = (await conn.call({ destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', iface: 'org.freedesktop.DBus', member: 'ListNames' })) as [string[]];
    return names.some((n) => n.startsWith('org.kde.StatusNotifierHost-'));
  });
  const idle = join(tmp.dir, 'idle');
  writeFileSync(idle, '0');
  // Seated mode (issue #17): the tray's "Start stretch" must start the chair break.
  const store = openStore(join(tmp.dir, 'h.db'));
  store.updateSettings({ movementMode: 'seated' });
  store.close();
  testBrowser = registerTestBrowser(tmp.dir);
  daemon = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--db', join(tmp.dir, 'h.db'), 'daemon', '--tray', '--idle-source', `file:${idle}`, '--no-notifications'], {
    env: testBrowser.env(desktop.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  daemon.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  daemon.stderr!.on('data', (d: Buffer) => (out += d.toString()));
}, 60_000);

afterAll(async () => {
  if (daemon && daemon.exitCode === null) daemon.kill('SIGKILL');
  for (const c of children.reverse()) await stopChild(c);
  conn?.close();
  await desktop?.stop();
  tmp.cleanup();
});

describe.skipIf(missing.length > 0)('sitwell daemon --tray under a real StatusNotifier tray (Xvfb)', () => {
  it('registers its item, shows the icon in the tray, pauses from the menu over D-Bus, starts the seated routine and quits from it', async () => {
    const name = await waitFor('the tray registration', () => /tray: StatusNotifierItem (\S+)\/StatusNotifierItem registered/.exec(out)?.[1], 40_000);
    const [items] = (await conn.call({ destination: 'org.kde.StatusNotifierWatcher', path: '/StatusNotifierWatcher', iface: 'org.freedesktop.DBus.Properties', member: 'Get', signature: 'ss', body: ['org.kde.StatusNotifierWatcher', 'RegisteredStatusNotifierItems'] })) as [{ value: string[] }];
    expect(items.value.some((i) => i.startsWith(name))).toBe(true);

    const labels = (await menu(name)).map((i) => i.label);
    expect(labels[1]).toMatch(/^Now: /);
    expect(labels).toEqual(expect.arrayContaining(['Pause', 'For 30 minutes', 'Statistics', 'Quit Sitwell']));

    // The icon in the panel: a screenshot of the top strip (the panel draws it at the right end).
    await new Promise((r) => setTimeout(r, 1500));
    mkdirSync(SHOTS, { recursive: true });
    const shot = join(SHOTS, 'daemon-tray-linux.png');
    const r = spawnSync('import', ['-display', desktop.display, '-window', 'root', '-crop', '400x40+880+0', shot], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // some non-background pixels where the item sits: the dot is green (ok) at the start
    const stats = spawnSync('convert', [shot, '-fx', 'g>0.45 && r<0.4 ? 1 : 0', '-format', '%[fx:mean*w*h]', 'info:'], { encoding: 'utf8' });
    expect(Number(stats.stdout), `green pixels in ${shot}`).toBeGreaterThan(20);

    // The web UI is served only once the tray needs it (its window, a pause): a tray only looked at costs less memory.
    expect(out).not.toContain('Sitwell UI:');
    await click(name, 'For 30 minutes');
    await waitFor('Resume in the menu', async () => (await menu(name)).some((i) => i.label === 'Resume'));
    expect((await menu(name))[1]!.label).toMatch(/^Now: paused until \d\d:\d\d/);
    expect(out).toMatch(/Sitwell UI: http:\/\/127\.0\.0\.1:\d+\//);

    // "Start stretch" in seated mode opens the player on the 2-minute chair break, as Now's first button does.
    expect(testBrowser.urls()).toEqual([]);
    await click(name, 'Start stretch');
    const [opened] = await waitFor('the stretch page in the browser', () => testBrowser.urls().length > 0 && testBrowser.urls());
    expect(new URL(opened!).hash).toBe('#/stretch/play/seated-2');

    const exited = new Promise<number | null>((res) => daemon.once('exit', (code) => res(code)));
    await click(name, 'Quit Sitwell');
    expect(await exited).toBe(0);
    expect(out).toContain('tray: quit');
  }, 90_000);
});
