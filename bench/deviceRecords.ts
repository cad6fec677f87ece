import { formatHlc } from '../main/core/sync/hlc.js';
import type { JournalRecord } from '../main/core/sync/journal.js';
import type { Store } from '../main/store/types.js';

/** A device's whole history as the journal records another device imports (bouts, standing, prompts). */
export function deviceRecords(store: Store, device: string): JournalRecord[] {
  const base = (uid: string, at: number) => ({ v: 1 as const, device, uid, hlc: formatHlc({ ms: at, count: 0, device }) });
  return [
    ...store.listBouts().map((b): JournalRecord => ({ ...base(b.uid, b.end), type: 'bout', start: b.start, end: b.end, zone: b.zone })),
    ...store.listStanding().map((s): JournalRecord => ({ ...base(s.uid, s.end), type: 'standing', start: s.start, end: s.end, zone: s.zone })),
    ...store
      .listPrompts()
      .map((p): JournalRecord => ({ ...base(p.uid, p.at), type: 'prompt', at: p.at, kind: p.kind, outcome: p.outcome, sittingMs: p.sittingMs, reason: p.reason, zone: p.zone })),
  ];
}
