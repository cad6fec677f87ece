import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openStore } from '../main/store/index.js';
import { launchPipeBrowser, type PipeBrowser } from './cdpPipe.js';
import { seedHistory } from './seedHistory.js';

/**
 * The renderer's weight and speed: the gzipped size of the built JavaScript, and the time from
 * navigation to the statistics view being drawn (its `sitwell-stats-ready` performance mark) over
 * one and over ten years of seeded history, in headless Chromium against the real `sitwell ui`.
 * Baseline, measured in the same run: the same navigation to a page that loads one empty module
 * script and marks its first frame — what any page costs on this machine at this moment (renderer
 * process start, one round trip, one frame). Shared machines drift by tens of milliseconds between
 * runs; the figure above the baseline drifts less.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist', 'renderer');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 9;
const READY = 'sitwell-stats-ready';
const ZONE = 'Europe/Berlin';

async function buildRenderer(): Promise<void> {
  const vite = await import('vite');
  await vite.build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error' });
}

/** Another language's catalogs: one lazily loaded chunk per language and namespace, named after the catalog file. */
const CATALOG_CHUNK = /^(app|stretches)-[\w-]+\.js$/;

/**
 * The JavaScript an English window loads (issue 14's "< 250 KB for the default language"), and the
 * most another language adds: its catalog chunks, loaded only when that language is chosen.
 */
function jsGzipBytes(): { defaultLanguage: number; perLanguage: number } {
  const assets = join(DIST, 'assets');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const largest = (ns: string) => Math.max(0, ...js.filter((f) => f.startsWith(`${ns}-`) && CATALOG_CHUNK.test(f)).map(gz));
  return {
    defaultLanguage: js.filter((f) => !CATALOG_CHUNK.test(f)).reduce((sum, f) => sum + gz(f), 0),
    perLanguage: largest('app') + largest('stretches'),
  };
}

/** The built renderer plus the baseline page, served from a copy so dist/ ships nothing of the benchmark's. */
function staticDirWithBaseline(dir: string): string {
  const out = join(dir, 'static');
  cpSync(DIST, out, { recursive: true });
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[0] ?? '';
  writeFileSync(join(out, 'baseline.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">${csp}<title>baseline</title><script type="module" src="./baseline.js"></script></head><body><p>baseline</p></body></html>`);
  // Marked as the statistics view marks itself: in a task queued from the frame that paints the page.
  writeFileSync(
    join(out, 'baseline.js'),
    `requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => performance.mark(${JSON.stringify(READY)}); c.port2.postMessage(null); });\n`,
  );
  return out;
}

function startUi(db: string, staticDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--db', db, 'ui', '--port', '0', '--no-open', '--static-dir', staticDir], {
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
 * Median ms from navigation start to the ready mark, for each address. Every run opens a fresh
 * browser context: no HTTP or code cache, as when the window is opened for the first time. The
 * addresses take turns, so a slow spell of the machine falls on all of them alike. The mark is read
 * with bare DevTools evaluations every 50 ms (bench/cdpPipe.ts says why not through Playwright).
 */
async function timePages(browser: PipeBrowser, urls: string[]): Promise<number[]> {
  const expression = `performance.getEntriesByName(${JSON.stringify(READY)})[0]?.startTime ?? -1`;
  const times: number[][] = urls.map(() => []);
  for (let i = 0; i < RUNS + 1; i++) {
    for (const [k, url] of urls.entries()) {
      const ms = await browser.load(url, { width: 1000, height: 800 }, expression);
      if (i > 0) times[k]!.push(ms); // the first round warms Chromium's disk cache and the server
    }
  }
  return times.map((t, k) => {
    if (process.env.SITWELL_BENCH_VERBOSE) console.log(`renderer runs of ${new URL(urls[k]!).pathname}${new URL(urls[k]!).hash} (ms):`, t.map((x) => x.toFixed(0)).join(' '));
    t.sort((x, y) => x - y);
    return Math.round(t[RUNS >> 1]!);
  });
}

/**
 * Median CPU time of the page's main thread from navigation to the ready mark, for each address,
 * in turns as above, in loads of their own (the Performance domain that counts it is on). A busy
 * machine stretches the clock figures above by hundreds of milliseconds; this one it hardly moves,
 * so a change in what the page does shows here even when the clock cannot tell.
 */
async function cpuOfPages(browser: PipeBrowser, urls: string[]): Promise<number[]> {
  const expression = `performance.getEntriesByName(${JSON.stringify(READY)})[0]?.startTime ?? -1`;
  const cpu: number[][] = urls.map(() => []);
  for (let i = 0; i < RUNS + 1; i++) {
    for (const [k, url] of urls.entries()) {
      const { mainThreadCpuMs } = await browser.loadWithCpu(url, { width: 1000, height: 800 }, expression);
      if (i > 0) cpu[k]!.push(mainThreadCpuMs);
    }
  }
  return cpu.map((t, k) => {
    if (process.env.SITWELL_BENCH_VERBOSE) console.log(`renderer main-thread CPU of ${new URL(urls[k]!).pathname}${new URL(urls[k]!).hash} (ms):`, t.map((x) => x.toFixed(0)).join(' '));
    t.sort((x, y) => x - y);
    return Math.round(t[RUNS >> 1]!);
  });
}

/** Statistics over `years` of seeded history, and the baseline page, timed in turns. */
async function measureYears(
  browser: PipeBrowser,
  dir: string,
  staticDir: string,
  years: number,
): Promise<{ stats: number; baseline: number; statsCpu: number; baselineCpu: number }> {
  const db = join(dir, `${years}y.db`);
  const store = openStore(db);
  store.updateSettings({ timeZone: ZONE });
  const from = `${2025 - years + 1}-01-01`;
  seedHistory(store, { from, days: Math.round(years * 365.25), zone: ZONE });
  store.close();
  const ui = await startUi(db, staticDir);
  try {
    const stats = new URL(ui.url);
    stats.hash = `#/stats?from=${from}&to=2025-12-31`;
    const baseline = new URL(ui.url);
    baseline.pathname = '/baseline.html';
    const [s, b] = await timePages(browser, [stats.toString(), baseline.toString()]);
    const [sc, bc] = await cpuOfPages(browser, [stats.toString(), baseline.toString()]);
    return { stats: s!, baseline: b!, statsCpu: sc!, baselineCpu: bc! };
  } finally {
    await ui.stop();
  }
}

export interface RendererBench {
  /** What an English window loads. */
  jsGzipBytes: number;
  /** The most another language adds (its catalog chunks). */
  languageGzipBytes: number;
  statsOneYearMs: number;
  statsTenYearsMs: number;
  /** The empty page's median, from the one-year round (the ten-year round's is close to it). */
  baselinePageMs: number;
  /** Main-thread CPU from navigation to drawn (cpuOfPages): the statistics pages and the empty page of the one-year round. */
  statsOneYearCpuMs: number;
  statsTenYearsCpuMs: number;
  baselinePageCpuMs: number;
  loadAverage: number;
}

export async function benchRenderer(): Promise<RendererBench> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  await buildRenderer();
  const bytes = jsGzipBytes();
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-renderer-'));
  const staticDir = staticDirWithBaseline(dir);
  const browser = await launchPipeBrowser(CHROMIUM, ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']);
  try {
    const one = await measureYears(browser, dir, staticDir, 1);
    const ten = await measureYears(browser, dir, staticDir, 10);
    // Timings on a shared machine depend on what else runs: keep the 1-minute load next to them.
    return {
      jsGzipBytes: bytes.defaultLanguage,
      languageGzipBytes: bytes.perLanguage,
      statsOneYearMs: one.stats,
      statsTenYearsMs: ten.stats,
      baselinePageMs: one.baseline,
      statsOneYearCpuMs: one.statsCpu,
      statsTenYearsCpuMs: ten.statsCpu,
      baselinePageCpuMs: one.baselineCpu,
      loadAverage: Number(loadavg()[0]!.toFixed(2)),
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
