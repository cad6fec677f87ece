import { performance } from 'node:perf_hooks';
import { researchMetrics } from '../main/core/stats.ts';
const time = (name: string, f: () => unknown) => { for(let i=0;i<5;i++) f(); const ts=[]; for (let i=0;i<25;i++){ const t=performance.now(); f(); ts.push(performance.now()-t);} ts.sort((a,b)=>a-b); console.log(name, ts[12]!.toFixed(2)); };
const xs = Array.from({length: 27000}, () => Math.random()*100);
time('from+sort', () => Float64Array.from(xs).sort());
time('from', () => Float64Array.from(xs));
time('new+set', () => { const a = new Float64Array(xs.length); a.set(xs); return a.sort(); });
time('log', () => { let s = 0; for (const x of xs) s += Math.log(x); return s; });
time('research', () => researchMetrics(xs));
