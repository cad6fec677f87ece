/** Seeds a history file in its own process:   node --import tsx bench/seedHistoryMain.ts <db> <from> <days> [zone] [standing] */
import { openStore } from '../main/store/index.js';
import { seedHistory } from './seedHistory.js';

const [path, from, days, zone, standing] = process.argv.slice(2);
const store = openStore(path!);
const counts = seedHistory(store, { from: from!, days: Number(days), zone: zone ?? 'Europe/Berlin', standing: standing === 'standing' });
store.close();
process.stdout.write(JSON.stringify(counts) + '\n');
