import { journalLine, parseJournal } from './journal.js';
import { HistoryMerge } from './merge.js';

/**
 * A closed month of one device's journal, compacted: only the newest line of each record, in time
 * order, so ten years of a folder stay small. Null when the file has lines this version cannot
 * read (a newer Sitwell wrote them): such a file is left as it is, never shortened.
 */
export function compactJournal(text: string, device: string): string | null {
  const { records, skipped } = parseJournal(text, device);
  if (skipped.some((s) => s.reason !== 'cut')) return null;
  const merge = new HistoryMerge();
  for (const r of records) merge.add(r);
  const when = (r: (typeof records)[number]) => ('start' in r ? r.start : 'at' in r ? r.at : 0);
  return merge
    .history()
    .records.sort((a, b) => when(a) - when(b) || (a.uid < b.uid ? -1 : 1))
    .map(journalLine)
    .join('');
}
