import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RendererBench } from './renderer.js';
import { benchReplay } from './replay.js';

/**
 * `npm run bench`: prints every figure with its target and writes bench/results.json.
 * Each part lives in its own file; a part that cannot run here says why instead of a number.
 */

const here = dirname(fileURLToPath(import.meta.url));
type Row = { name: string; value: number | string; unit: string; target?: string; ok?: boolean; note?: string };
const rows: Row[] = [];
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };

function row(r: Row): void {
  rows.push(r);
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
  const value = typeof r.value === 'number' ? (Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2)) : r.value;
  console.log(`${r.name.padEnd(48)} ${String(value).padStart(14)} ${r.unit.padEnd(10)}${r.target ? ` target ${r.target}` : ''}${verdict}${r.note ? `  (${r.note})` : ''}`);
}

/** SITWELL_BENCH=stats,sync runs only those parts (names as below); unset, every part. */
const only = process.env.SITWELL_BENCH?.split(',').map((s) => s.trim());
const wanted = (name: string): boolean => !only || only.includes(name);

async function part<T>(name: string, file: string, fn: string, report: (r: T) => void): Promise<void> {
  if (!wanted(name)) return;
  if (!existsSync(join(here, file))) {
    console.log(`${name}: not measured (bench/${file} is missing)`);
    return;
  }
  try {
    const mod = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, () => Promise<T> | T>;
    const r = await mod[fn]!();
    results[name] = r;
    report(r);
  } catch (e) {
    console.log(`${name}: failed: ${(e as Error).message}`);
    results[name] = { error: (e as Error).message };
  }
}

console.log('Sitwell benchmarks (median where repeated; ratios against baselines measured in this same run)\n');

if (wanted('replay')) {
  const replay = benchReplay();
  results.replay = replay;
  row({ name: 'replay: a synthetic year of second-by-second input', value: replay.seconds, unit: 's', target: '< 2 s', ok: replay.seconds < 2 });
  row({ name: 'replay: throughput', value: Math.round(replay.eventsPerSecond), unit: 'events/s', note: `${replay.events} events, ${replay.bouts} bouts` });
  row({ name: 'replay: share of a bare loop over the same events', value: replay.eventsPerSecond / replay.baselineEventsPerSecond, unit: '×' });
}

await part<import('./stats.js').StatsBench>('stats', 'stats.ts', 'benchStats', (r) => {
  row({
    name: 'stats: full statistics query, ten years',
    value: r.tenYearStatsMs,
    unit: 'ms',
    target: '< 20 ms',
    ok: r.tenYearStatsMs < 20,
    note: `CPU ${r.tenYearStatsCpuMs} ms; first call ${r.firstCallMs} ms; ${r.bouts} bouts, ${r.prompts} prompts, ${r.standing} standing periods; load ${r.loadAverage}`,
  });
  const m = r.merged;
  row({
    name: 'stats: the same, three devices merged',
    value: m.tenYearStatsMs,
    unit: 'ms',
    target: '< 20 ms',
    ok: m.tenYearStatsMs < 20,
    note: `CPU ${m.tenYearStatsCpuMs} ms; first call ${m.firstCallMs} ms; ${m.bouts * 3} device bouts joined into ${m.personBouts}, ${m.imported} records imported`,
  });
});

await part<import('./sync.js').SyncBench>('sync', 'sync.ts', 'benchSync', (r) => {
  row({ name: 'sync: three devices’ ten years into an empty history', value: r.mergeTenYearsS, unit: 's', note: `${r.records} bouts of other devices` });
  row({ name: 'sync: one more day of one device', value: r.incrementalDayMs, unit: 'ms' });
  row({ name: 'sync: statistics over the merged ten years', value: r.tenYearStatsMs, unit: 'ms', target: '< 20 ms', ok: r.tenYearStatsMs < 20, note: `CPU ${r.tenYearStatsCpuMs} ms; ${r.deviceBouts} device bouts joined into ${r.personBouts}` });
  row({ name: 'sync: the folder, three devices, ten years', value: r.folderMb, unit: 'MB', note: `${r.files} files` });
});

await part<Record<string, number>>('daemon', 'daemon.ts', 'benchDaemon', (r) => {
  for (const [k, v] of Object.entries(r)) {
    const target = k.startsWith('ratio') ? '≥ 30×' : k.endsWith('RssMb') ? '< 60 MB' : undefined;
    const ok = k.startsWith('ratio') ? v >= 30 : k.endsWith('RssMb') ? v < 60 : undefined;
    row({ name: `daemon: ${k}`, value: v, unit: k.startsWith('ratio') ? '×' : k.endsWith('Mb') ? 'MB' : k.endsWith('PerHour') ? '/h' : '', target, ok });
  }
});

await part<{ skipped: string } | { medianMs: number; p90Ms: number; sources: number; notAnswering: number }>('busy', 'busy.ts', 'benchBusyCheck', (r) => {
  if ('skipped' in r) return console.log(`busy: not measured here: ${r.skipped}`);
  row({ name: 'busy: one check of every Linux source, median', value: r.medianMs, unit: 'ms', note: `p90 ${r.p90Ms} ms; ${r.sources} sources, ${r.notAnswering} not working on this desktop` });
});

await part<RendererBench>('renderer', 'renderer.ts', 'benchRenderer', (r) => {
  row({
    name: 'renderer: JavaScript, gzipped, default language',
    value: r.jsGzipBytes / 1024,
    unit: 'KB',
    target: '< 250 KB',
    ok: r.jsGzipBytes < 250 * 1024,
    note: `another language adds up to ${(r.languageGzipBytes / 1024).toFixed(1)} KB of catalogs, loaded when chosen`,
  });
  row({ name: 'renderer: navigation → statistics drawn, 1 year', value: r.statsOneYearMs, unit: 'ms', target: '< 300 ms', ok: r.statsOneYearMs < 300 });
  row({ name: 'renderer: navigation → statistics drawn, 10 years', value: r.statsTenYearsMs, unit: 'ms', target: '< 600 ms', ok: r.statsTenYearsMs < 600 });
  row({
    name: 'renderer: baseline, empty page drawn',
    value: r.baselinePageMs,
    unit: 'ms',
    note: `same runs; 1 year is ${r.statsOneYearMs - r.baselinePageMs} ms above it, ${(r.statsOneYearMs / r.baselinePageMs).toFixed(1)}×; load ${r.loadAverage}`,
  });
  // The page's own work, hardly moved by other processes on the cores (bench/renderer.ts, cpuOfPages).
  row({
    name: 'renderer: main-thread CPU to drawn, 1 / 10 years',
    value: `${r.statsOneYearCpuMs} / ${r.statsTenYearsCpuMs}`,
    unit: 'ms',
    note: `empty page ${r.baselinePageCpuMs} ms; the clock figures less what this cannot explain is waiting: the network, other processes`,
  });
});

await part<{ skipped: string } | { idleRssMb: number; afterCyclesRssMb: number; launchToTrayMs: number }>('electron', 'electron.ts', 'benchElectron', (r) => {
  if ('skipped' in r) {
    console.log(`electron: not measured here: ${r.skipped}`);
    return;
  }
  row({ name: 'electron: main RSS idle in tray', value: r.idleRssMb, unit: 'MB', target: '< 150 MB', ok: r.idleRssMb < 150 });
  row({ name: 'electron: main RSS after ten prompt cycles', value: r.afterCyclesRssMb, unit: 'MB', target: 'no growth', ok: r.afterCyclesRssMb <= r.idleRssMb * 1.1 });
  row({ name: 'electron: launch to tray ready', value: r.launchToTrayMs, unit: 'ms' });
});

results.rows = rows;
mkdirSync(here, { recursive: true });
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten to bench/results.json`);
