import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableWrites } from '../../main/app/durableWrites.js';
import { openStore } from '../../main/store/index.js';
import type { Store } from '../../main/store/types.js';
import { tempDir } from '../helpers/sitwellCli.js';

/**
 * One engine step's writes land together (real SQLite file, a second connection reading as
 * `sitwell status` or the window would): never a bout ended while the prompt it closed is open.
 */
describe('DurableWrites.batch', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function setup(): { writer: Store; reader: Store; writes: DurableWrites } {
    const { dir, cleanup } = tempDir('sitwell-batch-');
    const path = join(dir, 'h.db');
    const writer = openStore(path);
    const reader = openStore(path);
    cleanups.push(() => {
      reader.close();
      writer.close();
      cleanup();
    });
    return { writer, reader, writes: new DurableWrites({ store: writer, log: () => {}, tell: () => {} }) };
  }

  const prompt = (at: number) => ({ at, kind: 'break' as const, outcome: 'unanswered' as const, sittingMs: 3_600_000, reason: null, zone: 'UTC' });

  it('a prompt row lands at once, with its id; a bout and an outcome land only at the end, together', () => {
    const { reader, writes } = setup();
    const seen: { bouts: number; outcome: string | undefined }[] = [];
    const look = () => seen.push({ bouts: reader.listBouts().length, outcome: reader.listPrompts()[0]?.outcome });
    let ref!: { readonly id: number | null };
    writes.batch(() => {
      ref = writes.addPrompt(prompt(1_000));
      expect(ref.id).not.toBeNull();
      look();
    });
    writes.batch(() => {
      writes.addBout({ start: 0, end: 5_000, durationMs: 5_000, zone: 'UTC' });
      writes.writeCheckpoint(null);
      look();
      writes.setPromptOutcome(ref, 'took-break');
      look();
    });
    look();
    expect(seen).toEqual([
      { bouts: 0, outcome: 'unanswered' },
      { bouts: 0, outcome: 'unanswered' },
      { bouts: 0, outcome: 'unanswered' },
      { bouts: 1, outcome: 'took-break' },
    ]);
    expect(writes.pending).toBe(0);
  });

  it('outside a batch every write lands at once, as before', () => {
    const { reader, writes } = setup();
    writes.addBout({ start: 0, end: 5_000, durationMs: 5_000, zone: 'UTC' });
    expect(reader.listBouts()).toHaveLength(1);
    writes.writeCheckpoint({ start: 6_000, lastInput: 7_000, savedAt: 7_000, zone: 'UTC' });
    expect(reader.readCheckpoint()).toMatchObject({ start: 6_000 });
  });

  it('a write refused as a bug inside a batch is thrown at its end and leaves nothing half-written', () => {
    const { reader, writes } = setup();
    expect(() =>
      writes.batch(() => {
        writes.addBout({ start: 0, end: 5_000, durationMs: 5_000, zone: 'UTC' });
        writes.addBout({ start: 10_000, end: 5_000, durationMs: -5_000, zone: 'UTC' });
      }),
    ).toThrow();
    expect(reader.listBouts()).toEqual([]);
    expect(writes.pending).toBe(0);
  });
});
