import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Monitor } from '../main/app/monitor.js';
import { createScriptedIdleSource } from '../main/platform/idleScripted.js';
import { NullNotifier } from '../main/platform/notifyNull.js';
import { openStore } from '../main/store/index.js';
import { DESKTOP_TOOLS, missingTools, startDesktop, stopChild } from '../tests/helpers/desktop.js';
import { VirtualTime } from '../tests/helpers/virtualTime.js';

/**
 * Wakeups per hour of the real Monitor on a virtual clock (its own timers, a real SQLite file),
 * against a plain 1-second poller run on the same virtual clock; and the resident memory of a
 * real `sitwell daemon` process.
 */

const HOUR = 3_600_000;

async function readingsPerHour(mode: 'working' | 'away'): Promise<{ adaptive: number; baseline: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const vt = new VirtualTime();
  const base = Date.UTC(2026, 5, 10, 7, 0, 0);
  let awaySince = Number.POSITIVE_INFINITY;
  // Working: a key press every second. Away: nothing since `awaySince`.
  const idleAt = (t: number) => (t >= awaySince ? t - awaySince : t % 1000);
  const monitor = new Monitor({
    store,
    clock: { now: () => ({ mono: vt.now, wall: base + vt.now }) },
    idle: createScriptedIdleSource(() => idleAt(vt.now), 'bench'),
    notifier: new NullNotifier('benchmark', () => {}),
    zone: () => 'Europe/Berlin',
    timers: { setTimeout: vt.setTimeout, clearTimeout: vt.clearTimeout },
  });
  await monitor.start();
  const warm = 10 * 60_000;
  if (mode === 'away') awaySince = warm;
  await vt.runUntil(warm + 5 * 60_000);
  const before = monitor.readings;
  await vt.runUntil(warm + 5 * 60_000 + HOUR);
  const adaptive = monitor.readings - before;
  await monitor.stop();
  store.close();

  // The baseline every break app starts from: read the idle time once a second.
  const bt = new VirtualTime();
  let baseline = 0;
  const tick = () => {
    baseline++;
    void idleAt(bt.now);
    bt.setTimeout(tick, 1000);
  };
  bt.setTimeout(tick, 1000);
  await bt.runUntil(HOUR);
  rmSync(dir, { recursive: true, force: true });
  return { adaptive, baseline };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Memory only this process holds (not the node binary's pages shared with every other Node process). */
function privateMb(pid: number): number {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  let kb = 0;
  for (const m of text.matchAll(/Private_(?:Clean|Dirty):\s+(\d+) kB/g)) kb += Number(m[1]);
  return kb / 1024;
}

/** An idle Node process running `code` (nothing else), measured the same way. */
async function nodeRssMb(code = ''): Promise<number> {
  const child = spawn(process.execPath, ['-e', `${code}; console.log('ready'); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => child.stdout!.once('data', r));
  await new Promise((r) => setTimeout(r, 1000));
  const mb = rssMb(child.pid!);
  child.kill();
  await new Promise((r) => child.once('exit', r));
  return mb;
}

/** What no JavaScript daemon with SQLite goes below on this Node: the runtime and better-sqlite3 with a database open. */
const FLOOR = `const D = require('better-sqlite3'); const db = new D(':memory:'); db.exec('create table t (a)')`;
/** What the daemon no longer pays (platform/zone.ts): the locale data the first Intl formatter maps in. */
const INTL_FORMATTER = `new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin' }).format(0)`;

type Memory = { afterStartRssMb: number; settledRssMb: number; afterBurstRssMb: number; afterBurstPrivateMb: number };

/**
 * A real daemon started the way the installed command starts it (bin/sitwell.mjs: the bundle when
 * built), with `input()` making activity: dozens of bouts and prompts in 10 s of 100 ms "minutes".
 */
async function measureDaemon(args: string[], env: NodeJS.ProcessEnv, input: () => Promise<void>, ready = /tracking with idle source/): Promise<Memory> {
  const child = spawn(process.execPath, ['bin/sitwell.mjs', ...args, '--testing-minute-ms', '100'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const until = async (pred: () => boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  };
  try {
    await until(() => ready.test(out), 20_000);
    if (!ready.test(out)) throw new Error(`the daemon did not start: ${out.trim().slice(-300)}`);
    await new Promise((r) => setTimeout(r, 1500));
    const afterStartRssMb = rssMb(child.pid!);
    // The same process once its start-up garbage is collected (V8's memory reducer runs after a few quiet seconds).
    await new Promise((r) => setTimeout(r, 5000));
    const settledRssMb = rssMb(child.pid!);
    const end = Date.now() + 10_000;
    let n = 0;
    while (Date.now() < end) {
      await input();
      await new Promise((r) => setTimeout(r, n++ % 40 < 30 ? 50 : 400));
    }
    await new Promise((r) => setTimeout(r, 1000));
    return { afterStartRssMb, settledRssMb, afterBurstRssMb: rssMb(child.pid!), afterBurstPrivateMb: privateMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Headless: idle time from a file, no notifications, no D-Bus (a server or a container). */
async function headlessDaemon(): Promise<Memory> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-'));
  const idleFile = join(dir, 'idle');
  writeFileSync(idleFile, '0');
  try {
    const args = ['--db', join(dir, 'bench.db'), 'daemon', '--idle-source', `file:${idleFile}`, '--no-notifications'];
    return await measureDaemon(args, process.env, async () => writeFileSync(idleFile, '0'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** On a real X desktop: Xvfb, a session bus and dunst; idle time from X, input from xdotool, notifications over D-Bus. `extra`: more daemon options. */
async function desktopDaemon(extra: string[] = []): Promise<Memory | { skipped: string }> {
  const missing = missingTools();
  if (missing.length) return { skipped: `needs ${missing.join(', ')} (sudo scripts/system-deps.sh)` };
  const desktop = await startDesktop({ dunst: true });
  let x = 0;
  try {
    const args = ['--db', join(desktop.dir, 'bench.db'), 'daemon', ...extra];
    return await measureDaemon(args, desktop.env, async () => void (await desktop.xdotool('mousemove', String(100 + (x++ % 200)), '100')));
  } finally {
    await desktop.stop();
  }
}

/** `daemon --tray` on the same desktop with a real tray host (status-notifier-watcher, gtk-sni-tray-standalone). */
async function trayDaemon(): Promise<Memory | { skipped: string }> {
  const missing = missingTools([...DESKTOP_TOOLS, 'status-notifier-watcher', 'gtk-sni-tray-standalone']);
  if (missing.length) return { skipped: `needs ${missing.join(', ')} (sudo scripts/system-deps.sh)` };
  const desktop = await startDesktop({ dunst: true });
  const hosts = [spawn('status-notifier-watcher', [], { env: desktop.env, stdio: 'ignore' })];
  let x = 0;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    hosts.push(spawn('gtk-sni-tray-standalone', ['--top'], { env: desktop.env, stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 1000));
    const args = ['--db', join(desktop.dir, 'bench.db'), 'daemon', '--tray'];
    // Measured once the tray is registered and the host has read its menu, not while that start-up traffic is in flight.
    return await measureDaemon(args, { ...desktop.env, BROWSER: 'true' }, async () => void (await desktop.xdotool('mousemove', String(100 + (x++ % 200)), '100')), /StatusNotifierItem \S+ registered/);
  } finally {
    for (const h of hosts.reverse()) await stopChild(h);
    await desktop.stop();
  }
}

export async function benchDaemon(): Promise<Record<string, number>> {
  const working = await readingsPerHour('working');
  const away = await readingsPerHour('away');
  if (!existsSync('dist/cli.mjs')) console.log('daemon: dist/cli.mjs is not built; memory measured on the sources through tsx (run `npm run build`)');
  const headless = await headlessDaemon();
  const desktop = await desktopDaemon();
  if ('skipped' in desktop) console.log(`daemon: desktop memory not measured: ${desktop.skipped}`);
  const tray = await trayDaemon();
  if ('skipped' in tray) console.log(`daemon: memory with the tray not measured: ${tray.skipped}`);
  return {
    workingReadingsPerHour: working.adaptive,
    awayReadingsPerHour: away.adaptive,
    baselineReadingsPerHour: working.baseline,
    ratioWorking: working.baseline / working.adaptive,
    ratioAway: away.baseline / away.adaptive,
    headlessAfterStartRssMb: headless.afterStartRssMb,
    headlessSettledRssMb: headless.settledRssMb,
    headlessAfterBurstRssMb: headless.afterBurstRssMb,
    headlessAfterBurstPrivateMb: headless.afterBurstPrivateMb,
    ...('skipped' in desktop
      ? {}
      : { desktopAfterStartRssMb: desktop.afterStartRssMb, desktopSettledRssMb: desktop.settledRssMb, desktopAfterBurstRssMb: desktop.afterBurstRssMb, desktopAfterBurstPrivateMb: desktop.afterBurstPrivateMb }),
    ...('skipped' in tray ? {} : { trayAfterStartRssMb: tray.afterStartRssMb, traySettledRssMb: tray.settledRssMb, trayAfterBurstRssMb: tray.afterBurstRssMb, trayAfterBurstPrivateMb: tray.afterBurstPrivateMb }),
    floorNodeSqliteMb: await nodeRssMb(FLOOR),
    bareNodeBaselineMb: await nodeRssMb(),
    bareNodeWithIntlFormatterMb: await nodeRssMb(INTL_FORMATTER),
  };
}
