import type { MethodOutput } from '../../../shared/bridge.js';
import type { ImportProblem } from '../../../shared/importFile.js';
import { localDate } from '../../core/localTime.js';
import { ExchangeError, parseExport, type ExportData } from '../../core/exportFormat.js';
import { StoreError } from '../../store/errors.js';
import type { ImportResult, Store } from '../../store/types.js';
import { importParsed, previewParsed } from '../historyTransfer.js';
import { HandlerError } from './errors.js';

/**
 * The window's import: the same parsing, validation and store rules as `sitwell import`, behind a
 * preview that reads the file and the history and writes nothing. A bad file is refused naming
 * what is wrong (and its kind, for the window's words); the history is then untouched.
 */

const refusedFile = (message: string, reason: ImportProblem): HandlerError =>
  new HandlerError({ code: 'invalid-request', field: 'fileText', problem: message, reason, message: `the file cannot be imported: ${message}; nothing was changed` });

/** Runs one step of the import, turning a bad file's or a clashing bout's error into a refusal. */
function asRefusal<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof ExchangeError) throw refusedFile(e.message, e.kind);
    // The store refuses a bout that overlaps one it holds (or another new one), before any write.
    if (e instanceof StoreError && e.code === 'invalid') throw refusedFile(e.message, 'clash');
    throw e;
  }
}

/** The local dates of the file's first and last bout, and on how many days one starts (a bout belongs to the day it starts, as in the statistics). */
function boutSpan(data: ExportData): MethodOutput<'previewImport'>['bouts'] {
  const dates = [...new Set(data.bouts.map((b) => localDate(b.start, b.zone)))].sort();
  return dates.length ? { from: dates[0]!, to: dates.at(-1)!, days: dates.length } : null;
}

export function previewImportFile(store: Store, fileText: string): MethodOutput<'previewImport'> {
  const data = asRefusal(() => parseExport(fileText));
  const plan = asRefusal(() => previewParsed(store, data));
  const inFile = { bouts: data.bouts.length, prompts: data.prompts.length, stretches: data.stretches.length, checkIns: data.checkIns.length, standing: data.standing.length };
  return { version: data.version, exportedAt: data.exportedAt, inFile, present: plan.skipped, bouts: boutSpan(data), settingsApplied: plan.settingsApplied };
}

export function importFile(store: Store, fileText: string): ImportResult {
  const data = asRefusal(() => parseExport(fileText));
  return asRefusal(() => importParsed(store, data));
}
