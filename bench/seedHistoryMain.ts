/**
 * Seeds a history file in its own process:
 *   node --import tsx bench/seedHistoryMain.ts <db> <from> <days> [zone] [standing] [devices]
 * `devices` > 1: the history also holds that many other devices' same years (seeds 2, 3, …), imported
 * the way the sync folder's records are (store.sync.importRecords), so its statistics count the person's
 * bouts joined across computers (issue 15).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../main/store/index.js';
import { seedHistory } from './seedHistory.js';
import { deviceRecords } from './deviceRecords.js';

const [path, from, days, zone, standing, devices] = process.argv.slice(2);
const opts = { from: from!, days: Number(days), zone: zone ?? 'Europe/Berlin', standing: standing === 'standing' };
const store = openStore(path!);
const counts = { ...seedHistory(store, opts), imported: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'sitwell-seed-devices-'));
try {
  for (let seed = 2; seed <= Number(devices ?? 1); seed++) {
    const other = openStore(join(scratch, `device${seed}.db`));
    seedHistory(other, { ...opts, seed });
    const records = deviceRecords(other, `bench-device-${seed}`);
    other.close();
    counts.imported += store.sync.importRecords(records).added;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
store.close();
process.stdout.write(JSON.stringify(counts) + '\n');
