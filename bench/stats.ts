import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getStats } from '../main/app/stats.js';
import { openStore } from '../main/store/index.js';
import { seedHistory } from './seedHistory.js';

const RUNS = 11;

/** Ten years of seeded history in a real SQLite file; the median time of the full-range getStats. */
export async function benchStats(): Promise<{ tenYearStatsMs: number; bouts: number; prompts: number; seedMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-stats-'));
  try {
    const path = join(dir, 'sitwell.db');
    const seeding = openStore(path);
    const t0 = performance.now();
    const { bouts, prompts } = seedHistory(seeding, { from: '2016-01-01', days: 3653, zone: 'Europe/Berlin' });
    const seedMs = performance.now() - t0;
    seeding.close();
    // Measured the way the app meets it: a database opened afresh, not the connection that just wrote it.
    const store = openStore(path, { readonly: true });
    const span = store.historySpan()!;
    const range = { from: span.first, to: span.last, zone: 'Europe/Berlin' };
    for (let i = 0; i < 3; i++) getStats(store, range); // warm the page cache, the statements and the JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      getStats(store, range);
      times.push(performance.now() - t);
    }
    if (process.env.SITWELL_BENCH_VERBOSE) console.log('stats runs (ms):', times.map((x) => x.toFixed(1)).join(' '));
    store.close();
    times.sort((a, b) => a - b);
    return { tenYearStatsMs: times[RUNS >> 1]!, bouts, prompts, seedMs: Math.round(seedMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
