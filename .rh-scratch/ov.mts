import { openStore } from '/work/main/main/store/index.ts';
import { exportJson, importJson } from '/work/main/main/app/exchange.ts';
import { rmSync, mkdirSync } from 'node:fs';
rmSync('/tmp/rh/ov', { recursive: true, force: true }); mkdirSync('/tmp/rh/ov');
const a = openStore('/tmp/rh/ov/a.db');
const t = Date.UTC(2026, 5, 10, 7);
a.addBout({ start: t, end: t + 40 * 60000, durationMs: 40 * 60000, zone: 'Europe/Berlin' });
a.addBout({ start: t - 15 * 60000, end: t + 25 * 60000, durationMs: 40 * 60000, zone: 'Europe/Berlin' });
const text = exportJson(a, Date.now(), 'Europe/Berlin');
const b = openStore('/tmp/rh/ov/b.db');
try { console.log(importJson(b, text)); } catch (e) { console.log('REFUSED:', (e as Error).message); }
