import { boutsCsv, buildExport, parseExport, type ExportData } from '../core/exportFormat.js';
import type { ImportRecords, ImportResult, Store } from '../store/types.js';

/** Export and import of the whole history (the CLI's export/import and the app's "Export data"). */

export function exportJson(store: Store, now: number, zone: string): string {
  const doc = store.transaction(() =>
    buildExport(
      {
        settings: store.getSettings(),
        bouts: store.listBouts(),
        prompts: store.listPrompts(),
        stretches: store.listStretches(),
        checkIns: store.listCheckIns(),
        standing: store.listStanding(),
      },
      now,
      zone,
    ),
  );
  return JSON.stringify(doc, null, 1) + '\n';
}

export function exportCsv(store: Store): string {
  return boutsCsv(store.listBouts());
}

/**
 * Validates the whole file, then adds what is not there yet in one transaction. Throws
 * ExchangeError (bad file) or StoreError 'invalid' (clashes with stored bouts); nothing is written then.
 */
export function importJson(store: Store, text: string): ImportResult {
  return importParsed(store, parseExport(text));
}

/** Adds the records of an already validated file (see parseExport). */
export function importParsed(store: Store, data: ExportData): ImportResult {
  return store.importRecords(importRecordsOf(data));
}

/** What importParsed would add and skip (or the error it would throw); writes nothing. */
export function previewParsed(store: Store, data: ExportData): ImportResult {
  return store.previewImport(importRecordsOf(data));
}

const importRecordsOf = (data: ExportData): ImportRecords => ({
  settings: data.settings,
  bouts: data.bouts,
  prompts: data.prompts,
  stretches: data.stretches,
  checkIns: data.checkIns,
  standing: data.standing,
});
