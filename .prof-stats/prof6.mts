import { performance } from 'node:perf_hooks';
import { openStore } from '../main/store/index.ts';
import { getStats } from '../main/app/stats.ts';
const store = openStore('/tmp/sitwell-prof.db');
const range = { from: '2016-01-01', to: '2025-12-31', zone: 'Europe/Berlin' };
const time = (name: string, f: () => unknown) => { f(); const ts=[]; for (let i=0;i<25;i++){ const t=performance.now(); f(); ts.push(performance.now()-t);} ts.sort((a,b)=>a-b); console.log(name, ts.map(x=>x.toFixed(1)).join(' ')); };
time('getStats', () => getStats(store, range));
time('rows', () => store.statsRows(range.from, range.to));
