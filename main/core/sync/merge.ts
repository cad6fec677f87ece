import { unionBouts, type ZonedInterval } from './boutUnion.js';
import type { JournalRecord } from './journal.js';
import { newestSettings } from './settingsSync.js';

/**
 * The merge rules of the sync folder, as one pure model: of the lines for one (device, uid) the
 * one with the newest clock stamp stands; of the changes to one setting, the newest across all
 * devices; the person's bouts are the union of every device's. The store applies the same rules
 * incrementally (main/store/syncStore.ts); tests hold the two to the same answers.
 */

export const recordKey = (r: Pick<JournalRecord, 'device' | 'uid'>): string => `${r.device}/${r.uid}`;

/** Whether line `a` replaces line `b` of the same key: the newer stamp, and for equal stamps (only a hostile file repeats one) the text that sorts last. */
export function supersedes(a: JournalRecord, b: JournalRecord): boolean {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc;
  return JSON.stringify(a) > JSON.stringify(b);
}

export interface MergedHistory {
  /** The standing line of every (device, uid), sorted by key. */
  records: JournalRecord[];
  /** Every device's bouts joined where they overlap. */
  personBouts: ZonedInterval[];
  /** The newest value of each setting, with the stamp that set it. */
  settings: Record<string, { value: unknown; hlc: string }>;
}

export class HistoryMerge {
  private readonly latest = new Map<string, JournalRecord>();

  /** Takes one line; true when it changed the history. */
  add(r: JournalRecord): boolean {
    const key = recordKey(r);
    const old = this.latest.get(key);
    if (old && !supersedes(r, old)) return false;
    this.latest.set(key, r);
    return true;
  }

  history(): MergedHistory {
    const records = [...this.latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    const bouts: ZonedInterval[] = [];
    for (const r of records) if (r.type === 'bout') bouts.push({ start: r.start, end: r.end, zone: r.zone });
    const settings: MergedHistory['settings'] = {};
    for (const [key, w] of newestSettings(records.filter((r) => r.type === 'setting'))) settings[key] = { value: w.value, hlc: w.hlc };
    return { records, personBouts: unionBouts(bouts), settings };
  }
}
