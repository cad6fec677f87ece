#!/usr/bin/env node
// A longer soak of the real `sitwell daemon` than CI can afford (not run in CI).
//   node scripts/soak.mjs [--minutes 10] [--minute-ms 200] [--keep]
// A synthetic user works and walks away at random (file idle source); every 15–45 s a fault is
// injected at random: SIGKILL and an immediate restart, SIGKILL and a restart after an absence,
// SIGTERM and a restart, or an idle source that returns garbage for a while. After every fault the
// database must pass integrity_check, hold no overlapping bouts, and agree with its day aggregates.
// Prints the daemon's resident memory over its longest life, and how much of the synthetic sitting
// ended up in the history. Exit 1 on the first broken invariant.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundleOptions } from './cliBundleOptions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MINUTES = arg('minutes', 10);
const MINUTE_MS = arg('minute-ms', 200);
const MIN_BREAK_MINUTES = 5;
const MIN_BREAK_MS = MIN_BREAK_MINUTES * MINUTE_MS;
const dir = mkdtempSync(join(tmpdir(), 'sitwell-soak-'));
const db = join(dir, 'sitwell.db');
const idleFile = join(dir, 'idle');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (a, b) => a + Math.random() * (b - a);

// A private bundle of the current sources, with the options of the shipped one.
const outdir = join(root, 'node_modules', '.cache', 'sitwell-soak');
mkdirSync(outdir, { recursive: true });
const cli = join(outdir, 'cli.mjs');
await build({ ...cliBundleOptions(outdir), entryPoints: [join(root, 'main/cli/main.ts')], outfile: cli, logLevel: 'error' });

function touch(ms = 0) {
  writeFileSync(`${idleFile}.tmp`, String(ms));
  renameSync(`${idleFile}.tmp`, idleFile);
}

const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'none')}`, DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${join(dir, 'none')}` };
function startDaemon() {
  const child = spawn(process.execPath, [cli, '--db', db, 'daemon', '--idle-source', `file:${idleFile}`, '--testing-minute-ms', String(MINUTE_MS), '--no-notifications'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const d = { child, out: '', bornAt: Date.now(), rss: [], exited: new Promise((r) => child.once('exit', (code, signal) => r({ code, signal }))) };
  child.stdout.on('data', (b) => (d.out += b));
  child.stderr.on('data', (b) => (d.out += b));
  return d;
}
function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
}

function check(when) {
  const c = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const ok = c.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`integrity_check after ${when}: ${ok}`);
    const bouts = c.prepare('SELECT start_ms, end_ms, duration_ms FROM bouts ORDER BY start_ms').all();
    for (let i = 1; i < bouts.length; i++) if (bouts[i].start_ms < bouts[i - 1].end_ms) throw new Error(`overlapping bouts after ${when}: ${JSON.stringify(bouts.slice(i - 1, i + 1))}`);
    const agg = c.prepare('SELECT coalesce(sum(sitting_ms), 0) AS ms, coalesce(sum(bouts), 0) AS n FROM day_stats').get();
    const ms = bouts.reduce((s, b) => s + b.duration_ms, 0);
    if (agg.ms !== ms || agg.n !== bouts.length) throw new Error(`aggregates disagree after ${when}: ${JSON.stringify(agg)} vs ${ms} ms in ${bouts.length} bouts`);
    return { bouts: bouts.length, sittingMs: ms };
  } finally {
    c.close();
  }
}

touch(999_999);
const t0 = Date.now();
const deadline = t0 + MINUTES * 60_000;
let daemon = startDaemon();
let longest = daemon;
/** The synthetic user's work periods [first input, last input]. */
const worked = [];
let working = false;
const faults = { 'kill-restart': 0, 'kill-away-restart': 0, 'term-restart': 0, 'idle-garbage': 0 };
let nextFault = Date.now() + rand(15_000, 45_000);
let broken = null;

// The synthetic user: work 1–8 s (input every 40 ms), then away 0.3–3 s (sometimes longer than minBreak).
const user = (async () => {
  while (Date.now() < deadline && !broken) {
    const until = Date.now() + rand(1000, 8000);
    working = true;
    const period = [Date.now(), Date.now()];
    worked.push(period);
    while (Date.now() < until && !broken) {
      touch();
      period[1] = Date.now();
      await sleep(40);
    }
    working = false;
    await sleep(rand(300, 3000));
  }
})();

const sampler = setInterval(() => {
  const v = rssMb(daemon.child.pid);
  if (Number.isFinite(v)) daemon.rss.push(v);
}, 5000);

try {
  while (Date.now() < deadline) {
    await sleep(250);
    if (daemon.child.exitCode !== null) throw new Error(`the daemon exited by itself:\n${daemon.out}`);
    if (Date.now() < nextFault) continue;
    const kinds = Object.keys(faults);
    const kind = kinds[Math.floor(Math.random() * kinds.length)];
    faults[kind]++;
    if (kind === 'idle-garbage') {
      writeFileSync(idleFile, 'garbage');
      await sleep(rand(500, 4000));
      touch(working ? 0 : 999_999);
    } else {
      daemon.child.kill(kind === 'term-restart' ? 'SIGTERM' : 'SIGKILL');
      const { code, signal } = await daemon.exited;
      if (kind === 'term-restart' && code !== 0) throw new Error(`SIGTERM: exit ${code ?? signal}\n${daemon.out}`);
      check(kind);
      if (kind === 'kill-away-restart') await sleep(MIN_BREAK_MS + 500);
      if (daemon.rss.length > longest.rss.length) longest = daemon;
      daemon = startDaemon();
    }
    nextFault = Date.now() + rand(15_000, 45_000);
  }
  daemon.child.kill('SIGTERM');
  const { code } = await daemon.exited;
  if (code !== 0) throw new Error(`final SIGTERM: exit ${code}`);
  if (daemon.rss.length > longest.rss.length) longest = daemon;
  await user;
  const final = check('the end');
  // The sitting DESIGN.md §2 makes of those periods: gaps under minBreak join them, bouts under a minute do not count.
  let expectedMs = 0;
  for (let i = 0, start = worked[0]?.[0]; i < worked.length; i++) {
    const next = worked[i + 1];
    if (next && next[0] - worked[i][1] < MIN_BREAK_MS) continue;
    const len = worked[i][1] - start;
    if (len >= MINUTE_MS) expectedMs += len;
    start = next?.[0];
  }
  const r = longest.rss;
  console.log(
    JSON.stringify(
      {
        minutes: MINUTES,
        minuteMs: MINUTE_MS,
        faults,
        bouts: final.bouts,
        expectedSittingMs: expectedMs,
        recordedSittingMs: final.sittingMs,
        // Below 1: input is seen up to a (scaled) minute late at each bout start, and kills and restarts leave gaps.
        recordedShare: +(final.sittingMs / expectedMs).toFixed(3),
        longestDaemonLifeS: Math.round((Date.now() - longest.bornAt) / 1000),
        rssMb: r.length ? { first: +r[0].toFixed(1), max: +Math.max(...r).toFixed(1), last: +r.at(-1).toFixed(1), samples: r.length } : null,
      },
      null,
      1,
    ),
  );
  console.log('soak: every invariant held');
} catch (e) {
  broken = e;
  console.error(`soak: FAILED after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${e.message}\n(database kept at ${db})`);
  daemon.child.kill('SIGKILL');
  process.exitCode = 1;
} finally {
  clearInterval(sampler);
  if (!broken && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
