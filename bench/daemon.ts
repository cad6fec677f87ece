import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Monitor } from '../main/app/monitor.js';
import { createScriptedIdleSource } from '../main/platform/idleScripted.js';
import { NullNotifier } from '../main/platform/notifyNull.js';
import { openStore } from '../main/store/index.js';
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

/** The floor: an idle Node process that loads nothing, measured the same way. */
async function bareNodeRssMb(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  const mb = rssMb(child.pid!);
  child.kill();
  await new Promise((r) => child.once('exit', r));
  return mb;
}

/** A real daemon process (the bundled CLI when built, else through tsx), idle from a file. */
async function daemonMemory(): Promise<{ afterStartRssMb: number; afterBurstRssMb: number; afterBurstPrivateMb: number; runner: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-'));
  const idleFile = join(dir, 'idle');
  writeFileSync(idleFile, '0');
  const bundled = existsSync('dist/cli.mjs');
  const args = [...(bundled ? ['dist/cli.mjs'] : ['--import', 'tsx', 'main/cli/main.ts'])];
  args.push('--db', join(dir, 'bench.db'), 'daemon', '--idle-source', `file:${idleFile}`, '--testing-minute-ms', '100', '--no-notifications');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const until = async (pred: () => boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  };
  try {
    await until(() => out.includes('tracking with idle source'), 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    const afterStartRssMb = rssMb(child.pid!);
    // A burst: input every 50 ms for 10 s with 100 ms "minutes": dozens of bouts and prompts.
    const end = Date.now() + 10_000;
    let n = 0;
    while (Date.now() < end) {
      writeFileSync(idleFile, '0');
      await new Promise((r) => setTimeout(r, n++ % 40 < 30 ? 50 : 400));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const afterBurstRssMb = rssMb(child.pid!);
    return { afterStartRssMb, afterBurstRssMb, afterBurstPrivateMb: privateMb(child.pid!), runner: bundled ? 'dist/cli.mjs' : 'tsx (run `npm run build` for the bundled figure)' };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDaemon(): Promise<Record<string, number>> {
  const working = await readingsPerHour('working');
  const away = await readingsPerHour('away');
  const mem = await daemonMemory();
  const bare = await bareNodeRssMb();
  console.log(`daemon: memory measured on ${mem.runner}`);
  return {
    workingReadingsPerHour: working.adaptive,
    awayReadingsPerHour: away.adaptive,
    baselineReadingsPerHour: working.baseline,
    ratioWorking: working.baseline / working.adaptive,
    ratioAway: away.baseline / away.adaptive,
    afterStartRssMb: mem.afterStartRssMb,
    afterBurstRssMb: mem.afterBurstRssMb,
    afterBurstPrivateMb: mem.afterBurstPrivateMb,
    bareNodeBaselineMb: bare,
  };
}
