import { localDate } from '../../core/localTime.js';
import type { Store } from '../../store/types.js';
import { exportCsv, exportJson } from '../historyTransfer.js';

/** The history as a file to download: the same content `sitwell export --format …` writes. */
export function exportFile(store: Store, format: 'json' | 'csv', now: number, zone: string): { filename: string; mime: string; content: string } {
  const date = localDate(now, zone);
  return format === 'json'
    ? { filename: `sitwell-export-${date}.json`, mime: 'application/json', content: exportJson(store, now, zone) }
    : { filename: `sitwell-bouts-${date}.csv`, mime: 'text/csv', content: exportCsv(store) };
}
