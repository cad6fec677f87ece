import { openStore } from '../main/store/index.ts';
import { seedHistory } from '../bench/seedHistory.ts';
const s = openStore(process.argv[2]!);
console.log(seedHistory(s, { from: process.argv[3]!, days: Number(process.argv[4]) }));
s.addCheckIn({ at: Date.parse('2026-03-24T09:10:00Z'), soreness: 3, areas: ['left-hip'], redFlags: [], note: 'hm', zone: 'Europe/Berlin' });
s.close();
