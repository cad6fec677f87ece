import { parseExport } from '/work/main/main/core/exchange.ts';
import { DateTime } from 'luxon';
const t = Date.parse('2024-01-01T00:00:00Z');
const Z = 'Europe/Berlin';
const many = Array.from({ length: 50_000 }, (_, i) => ({ uid: `bulk-${i}`, start: new Date(t + i * 120_000).toISOString(), end: new Date(t + i * 120_000 + 60_000).toISOString(), durationMs: 60_000, zone: Z }));
const doc = { format: 'sitwell-export', version: 1, exportedAt: new Date().toISOString(), settings: {}, bouts: many, prompts: [], stretches: [], checkIns: [] };
const text = JSON.stringify(doc);
let t0 = performance.now();
try { parseExport(text); } catch (e) { console.log((e as Error).message.slice(0, 100)); }
console.log('parseExport 50k bouts', (performance.now() - t0).toFixed(0), 'ms', (text.length / 1e6).toFixed(1), 'MB');
t0 = performance.now();
for (const b of many) { DateTime.fromISO(b.start, { setZone: true }); DateTime.fromISO(b.end, { setZone: true }); }
console.log('luxon fromISO x100k', (performance.now() - t0).toFixed(0), 'ms');
