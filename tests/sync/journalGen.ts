import fc from 'fast-check';
import { formatHlc } from '../../main/core/sync/hlc.js';
import type { JournalRecord } from '../../main/core/sync/journal.js';

/** Random device journals for the sync tests: bouts, prompts whose outcome comes later, settings. */

const T0 = Date.UTC(2026, 10, 2, 7, 0);
const MIN = 60_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC'] as const;

/** One device's journal in the order it wrote it: its own bouts never overlap, its stamps grow. */
export const deviceJournalArb = (device: string): fc.Arbitrary<JournalRecord[]> =>
  fc
    .record({
      zone: fc.constantFrom(...ZONES),
      bouts: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 600 }), len: fc.integer({ min: 1, max: 180 }) }), { maxLength: 12 }),
      prompts: fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), later: fc.boolean() }), { maxLength: 5 }),
      settings: fc.array(fc.record({ key: fc.constantFrom('sitLimitMinutes', 'snoozeMinutes'), value: fc.integer({ min: 5, max: 60 }), at: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 4 }),
    })
    .map(({ zone, bouts, prompts, settings }) => {
      const out: JournalRecord[] = [];
      let n = 0;
      let stampMs = T0;
      const base = () => ({ v: 1 as const, device, uid: `${device}-${n++}`, hlc: formatHlc({ ms: (stampMs += 1000), count: 0, device }) });
      let t = T0;
      for (const b of bouts) {
        t += b.gap * MIN;
        out.push({ ...base(), type: 'bout', start: t, end: t + b.len * MIN, zone });
        t += b.len * MIN;
      }
      for (const p of prompts) {
        const first = { ...base(), type: 'prompt' as const, at: T0 + p.at * MIN, kind: 'break' as const, outcome: 'shown' as const, sittingMs: 30 * MIN, reason: null, zone };
        out.push(first);
        if (p.later) out.push({ ...first, hlc: formatHlc({ ms: (stampMs += 1000), count: 0, device }), outcome: 'snoozed' });
      }
      for (const s of settings) out.push({ ...base(), type: 'setting', key: s.key, value: s.value, hlc: formatHlc({ ms: T0 + s.at * MIN, count: 0, device }) });
      return out;
    });

/** Three devices' journals. */
export const journalsArb = fc.tuple(deviceJournalArb('laptop'), deviceJournalArb('desktop'), deviceJournalArb('work'));

/** Any interleaving of the journals (each device's lines may even arrive out of their order, as files sync in any order), with some lines seen twice. */
export const interleavingArb = (journals: JournalRecord[][]): fc.Arbitrary<JournalRecord[]> => {
  const all = journals.flat();
  return fc
    .tuple(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), fc.subarray(all))
    .chain(([shuffled, again]) => fc.shuffledSubarray([...shuffled, ...again], { minLength: shuffled.length + again.length, maxLength: shuffled.length + again.length }));
};
