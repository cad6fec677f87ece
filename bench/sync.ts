import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { personStats } from '../main/app/sync/deviceStats.js';
import { createSyncService } from '../main/app/sync/syncService.js';
import { openSyncFolder } from '../main/platform/syncFolder.js';
import { openStore, type Store } from '../main/store/index.js';
import { seedHistory } from './seedHistory.js';

const ZONE = 'Europe/Berlin';
const DAYS = 3653;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export interface SyncBench {
  /** Three devices' ten years of journals imported into an empty history. */
  mergeTenYearsS: number;
  /** One more day of one device, imported into the merged history. */
  incrementalDayMs: number;
  /** The window's statistics over the merged ten years, with the per-device breakdown (median of 11 after 40 warm-up calls, as bench/stats.ts says why), wall and this process's CPU time (steadier on a busy machine). */
  tenYearStatsMs: number;
  tenYearStatsCpuMs: number;
  /** The sync folder with three devices' ten years, compacted, in MB, and its files. */
  folderMb: number;
  files: number;
  records: number;
  personBouts: number;
  deviceBouts: number;
}

const quiet = () => {};

/**
 * A device with ten years of its own history, its journal written in a folder of its own and copied
 * into the shared one (so the device does not spend the bench importing the others).
 */
function device(dir: string, folder: string, seed: number): { store: Store; own: string; id: string } {
  const own = join(dir, `own${seed}`);
  mkdirSync(own);
  const store = openStore(join(dir, `device${seed}.db`));
  store.sync.setFolder(own);
  seedHistory(store, { from: '2016-01-01', days: DAYS, zone: ZONE, seed });
  const id = store.sync.identity().deviceId;
  publish(store, own, id, folder, 0);
  return { store, own, id };
}

/** Writes the device's waiting records to its own journal and copies the files changed since `since` into the shared folder. */
function publish(store: Store, own: string, id: string, folder: string, since: number): void {
  createSyncService({ store, folder: openSyncFolder(own), log: quiet, now: Date.now, hostName: `device-${id.slice(0, 4)}` }).close();
  const from = join(own, 'sitwell', id);
  mkdirSync(join(folder, 'sitwell', id), { recursive: true });
  for (const name of readdirSync(from)) if (statSync(join(from, name)).mtimeMs >= since) copyFileSync(join(from, name), join(folder, 'sitwell', id, name));
}

export function benchSync(): SyncBench {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-bench-sync-'));
  try {
    const folder = join(dir, 'Sync');
    mkdirSync(folder);
    const devices = [1, 2, 3].map((seed) => device(dir, folder, seed));
    const deviceBouts = devices.reduce((n, d) => n + d.store.listBouts().length, 0);

    const merged = openStore(join(dir, 'merged.db'));
    merged.sync.setFolder(folder);
    const t0 = performance.now();
    const service = createSyncService({ store: merged, folder: openSyncFolder(folder), log: quiet, now: Date.now, hostName: 'merged' });
    const mergeTenYearsS = (performance.now() - t0) / 1000;

    // One more day on device 1, in its journal; then the merged history reads the change.
    const one = devices[0]!;
    const since = Date.now() - 1000;
    seedHistory(one.store, { from: '2026-01-02', days: 1, zone: ZONE, seed: 9 });
    publish(one.store, one.own, one.id, folder, since);
    const t1 = performance.now();
    const added = service.importAll();
    const incrementalDayMs = performance.now() - t1;
    if (added === 0) throw new Error('the incremental day imported nothing');
    service.close();

    const span = merged.historySpan()!;
    const range = { from: span.first, to: span.last, zone: ZONE };
    for (let i = 0; i < 40; i++) personStats(merged, range);
    const runs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 11; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      personStats(merged, range);
      runs.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    const records = merged.sync.devices(0, Number.MAX_SAFE_INTEGER).reduce((n, d) => n + (d.local ? 0 : d.bouts), 0);
    const personBouts = personStats(merged, range).totals.bouts;
    for (const d of [...devices.map((x) => x.store), merged]) d.close();
    const du = execFileSync('du', ['-sk', join(folder, 'sitwell')], { encoding: 'utf8' });
    const files = Number(execFileSync('sh', ['-c', `find '${join(folder, 'sitwell')}' -type f | wc -l`], { encoding: 'utf8' }).trim());
    return {
      mergeTenYearsS: Math.round(mergeTenYearsS * 100) / 100,
      incrementalDayMs: Math.round(incrementalDayMs * 10) / 10,
      tenYearStatsMs: Math.round(median(runs) * 10) / 10,
      tenYearStatsCpuMs: Math.round(median(cpu) * 10) / 10,
      folderMb: Math.round(Number(du.split(/\s/)[0]) / 102.4) / 10,
      files,
      records,
      personBouts,
      deviceBouts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
