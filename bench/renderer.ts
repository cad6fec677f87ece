import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { openStore } from '../main/store/index.js';
import { seedHistory } from './seedHistory.js';

/**
 * The renderer's weight and speed: the gzipped size of the built JavaScript, and the time from
 * navigation to the statistics view being drawn (its `sitwell-stats-ready` performance mark) over
 * one and over ten years of seeded history, in headless Chromium against the real `sitwell ui`.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist', 'renderer');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;
const ZONE = 'Europe/Berlin';

async function buildRenderer(): Promise<void> {
  const vite = await import('vite');
  await vite.build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error' });
}

function jsGzipBytes(): number {
  const assets = join(DIST, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
}

function startUi(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--db', db, 'ui', '--port', '0', '--no-open'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sitwell ui printed no URL: ${out}`)), 30_000);
    proc.once('exit', (code) => reject(new Error(`sitwell ui exited ${code}: ${out}`)));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let found = false;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = found ? null : /Sitwell UI: (\S+)/.exec(out);
      if (!m) return;
      found = true;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      resolve({
        url: m[1]!,
        stop: () =>
          new Promise((done) => {
            proc.once('exit', () => done());
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * Median ms from navigation start to the statistics view's ready mark. Every run opens a fresh
 * browser context: no HTTP or code cache, as when the window is opened for the first time.
 */
async function timeStats(browser: Browser, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('sitwell-stats-ready').length > 0, null, { timeout: 30_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName('sitwell-stats-ready')[0]!.startTime);
    await context.close();
    if (i > 0) times.push(ms); // the first run warms Chromium's disk cache and the server
  }
  if (process.env.SITWELL_BENCH_VERBOSE) console.log('renderer stats runs (ms):', times.map((t) => t.toFixed(0)).join(' '));
  times.sort((a, b) => a - b);
  return Math.round(times[RUNS >> 1]!);
}

async function measureYears(browser: Browser, dir: string, years: number): Promise<number> {
  const db = join(dir, `${years}y.db`);
  const store = openStore(db);
  store.updateSettings({ timeZone: ZONE });
  const from = `${2025 - years + 1}-01-01`;
  seedHistory(store, { from, days: Math.round(years * 365.25), zone: ZONE });
  store.close();
  const ui = await startUi(db);
  try {
    const u = new URL(ui.url);
    u.hash = `#/stats?from=${from}&to=2025-12-31`;
    return await timeStats(browser, u.toString());
  } finally {
    await ui.stop();
  }
}

export async function benchRenderer(): Promise<{ jsGzipBytes: number; statsOneYearMs: number; statsTenYearsMs: number; loadAverage: number }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  await buildRenderer();
  const bytes = jsGzipBytes();
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-renderer-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const statsOneYearMs = await measureYears(browser, dir, 1);
    const statsTenYearsMs = await measureYears(browser, dir, 10);
    // Timings on a shared machine depend on what else runs: keep the 1-minute load next to them.
    return { jsGzipBytes: bytes, statsOneYearMs, statsTenYearsMs, loadAverage: Number(loadavg()[0]!.toFixed(2)) };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
