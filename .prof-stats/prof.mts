import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { openStore } from '../main/store/index.ts';
import { seedHistory } from '../bench/seedHistory.ts';
import { buildReport } from '../main/core/report.ts';
import Database from 'better-sqlite3';
const path = '/tmp/sitwell-prof.db';
import { existsSync } from 'node:fs';
const fresh = !existsSync(path);
const store = openStore(path);
let t = performance.now();
if (fresh) console.log(seedHistory(store, { from: '2016-01-01', days: 3653 }), 'seed', performance.now() - t);
const db = new Database(path, { readonly: true });
const span = store.historySpan()!;
const time = (name: string, f: () => unknown) => { f(); const ts=[]; for (let i=0;i<9;i++){ const t=performance.now(); f(); ts.push(performance.now()-t);} ts.sort((a,b)=>a-b); console.log(name, ts[4]!.toFixed(2)); };
time('rows', () => store.statsRows(span.first, span.last));
const rows = store.statsRows(span.first, span.last);
time('report', () => buildReport(rows, { from: span.first, to: span.last, zone: 'Europe/Berlin' }));
for (const [n, sql] of [
 ['days', 'SELECT date, sitting_ms, bouts, longest_ms, bout_ms, long_bout_ms, max(bouts - 1, 0), break_prompts, break_heeded FROM day_stats WHERE date BETWEEN ? AND ? ORDER BY date'],
 ['hours', 'SELECT weekday, hour, sum(sitting_ms) FROM hour_stats WHERE date BETWEEN ? AND ? GROUP BY weekday, hour'],
 ['durations', 'SELECT duration_ms FROM bouts WHERE start_date BETWEEN ? AND ? ORDER BY start_date, start_ms'],
 ['prompts', 'SELECT kind, outcome, sum(count) AS count FROM prompt_day WHERE date BETWEEN ? AND ? GROUP BY kind, outcome HAVING sum(count) > 0'],
] as const) { const st = db.prepare(sql).raw(); time(n, () => st.all(span.first, span.last)); console.log('  ', db.prepare('EXPLAIN QUERY PLAN '+sql).all(span.first, span.last).map((r: any)=>r.detail).join(' | ')); }
console.log(db.prepare('select count(*) from hour_stats').get(), db.prepare('select count(*) from prompt_day').get(), db.prepare('select count(*) from day_stats').get());
import { dateToDay, dayToDate, isoWeek } from '../main/core/calendar.ts';
import { researchMetrics, roundTo } from '../main/core/stats.ts';
time('dayToDate', () => { for (let d = dateToDay(span.first); d <= dateToDay(span.last); d++) dayToDate(d); });
time('isoWeek', () => { for (let d = dateToDay(span.first); d <= dateToDay(span.last); d++) isoWeek(dayToDate(d)); });
time('research', () => researchMetrics(rows.boutDurationsMs.map((ms) => ms / 60000)));
time('roundTo', () => { for (let i = 0; i < 30000; i++) roundTo(i / 7, 1); });
