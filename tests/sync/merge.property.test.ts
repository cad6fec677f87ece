import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryMerge } from '../../main/core/sync/merge.js';
import { unionBouts } from '../../main/core/sync/boutUnion.js';
import type { JournalRecord } from '../../main/core/sync/journal.js';
import { interleavingArb, journalsArb } from './journalGen.js';

const merged = (lines: JournalRecord[]) => {
  const m = new HistoryMerge();
  for (const r of lines) m.add(r);
  return m.history();
};

describe('merging device journals (issue 15)', () => {
  it('any interleaving of the same device journals, lines repeated or not, gives the same history', () => {
    fc.assert(
      fc.property(
        journalsArb.chain((journals) => fc.tuple(fc.constant(journals), interleavingArb(journals), interleavingArb(journals))),
        ([journals, a, b]) => {
          const inOrder = merged(journals.flat());
          expect(merged(a)).toEqual(inOrder);
          expect(merged(b)).toEqual(inOrder);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the person’s bouts cover exactly what some device’s bouts cover, never overlap, and are never longer than the sum', () => {
    fc.assert(
      fc.property(journalsArb, (journals) => {
        const bouts = journals.flat().filter((r) => r.type === 'bout');
        const union = merged(journals.flat()).personBouts;
        for (let i = 1; i < union.length; i++) expect(union[i]!.start).toBeGreaterThanOrEqual(union[i - 1]!.end);
        const covered = (t: number, set: { start: number; end: number }[]) => set.some((b) => b.start <= t && t < b.end);
        for (const b of bouts) for (const t of [b.start, b.end - 1, (b.start + b.end) / 2]) expect(covered(t, union)).toBe(true);
        for (const u of union) expect(covered(u.start, bouts) && covered(u.end - 1, bouts)).toBe(true);
        const sum = (xs: { start: number; end: number }[]) => xs.reduce((a, x) => a + x.end - x.start, 0);
        expect(sum(union)).toBeLessThanOrEqual(sum(bouts));
        // One device alone is its own union: its bouts never overlap.
        expect(unionBouts(journals[0].filter((r) => r.type === 'bout'))).toHaveLength(journals[0].filter((r) => r.type === 'bout').length);
      }),
      { numRuns: 200 },
    );
  });
});
