import { rmSync, mkdirSync, statSync } from 'node:fs';
import { seedHistory } from '/work/main/bench/seedHistory.ts';
import { openStore } from '/work/main/main/store/index.ts';
import { openStoreForTracker } from '/work/main/main/store/recover.ts';
const d = '/tmp/sitwell-rh-qc'; rmSync(d, { recursive: true, force: true }); mkdirSync(d);
const db = `${d}/big.db`;
const s = openStore(db); seedHistory(s, { from: '2023-01-02', days: 3 * 365, zone: 'Europe/Berlin', seed: 3 });
const n = s.listBouts().length; s.close();
for (let i = 0; i < 3; i++) { const t0 = performance.now(); const r = openStoreForTracker(db, console.log); const ms = performance.now() - t0; r.store.close(); console.log(`openStoreForTracker on ${n} bouts, ${(statSync(db).size / 1e6).toFixed(1)} MB: ${ms.toFixed(0)} ms`); }
for (let i = 0; i < 3; i++) { const t0 = performance.now(); openStore(db).close(); console.log(`openStore alone: ${(performance.now() - t0).toFixed(0)} ms`); }
rmSync(d, { recursive: true, force: true });
