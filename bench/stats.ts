import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { getStats } from '../main/app/statsForDates.js';
import { openStore } from '../main/store/index.js';

const here = dirname(fileURLToPath(import.meta.url));

const RUNS = 11;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export interface StatsBench {
  /** Median wall time of getStats over the whole ten years. */
  tenYearStatsMs: number;
  /** The same runs' median CPU time of this process: steadier than wall time on a busy machine. */
  tenYearStatsCpuMs: number;
  bouts: number;
  prompts: number;
  seedMs: number;
}

/** Ten years of seeded history in a real SQLite file; the median time of the full-range getStats. */
export async function benchStats(): Promise<StatsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-stats-'));
  try {
    const path = join(dir, 'sitwell.db');
    const t0 = performance.now();
    // Seeded in a child process, so this heap is what an app would have, not the seeder's garbage.
    const seeder = [process.execPath, '--import', 'tsx', join(here, 'seedHistoryMain.ts'), path, '2016-01-01', '3653', 'Europe/Berlin', 'standing'];
    const { bouts, prompts } = JSON.parse(execFileSync(seeder[0]!, seeder.slice(1), { encoding: 'utf8', cwd: join(here, '..') })) as { bouts: number; prompts: number };
    const seedMs = Math.round(performance.now() - t0);
    // Measured the way the app meets it: a database opened afresh.
    const store = openStore(path, { readonly: true });
    const span = store.historySpan()!;
    const range = { from: span.first, to: span.last, zone: 'Europe/Berlin' };
    for (let i = 0; i < 8; i++) getStats(store, range); // warm the page cache, the statements and the JIT (optimised tier)
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      getStats(store, range);
      wall.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    store.close();
    if (process.env.SITWELL_BENCH_VERBOSE) console.log('stats runs (ms):', wall.map((x) => x.toFixed(1)).join(' '));
    return { tenYearStatsMs: median(wall), tenYearStatsCpuMs: median(cpu), bouts, prompts, seedMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
