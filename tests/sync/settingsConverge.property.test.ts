import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/sitwellCli.js';
import { close, syncDevice } from './syncDevice.js';

const { dir, cleanup } = tempDir('sitwell-setconv-');
afterAll(cleanup);

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);
const KEYS = ['sitLimitMinutes', 'snoozeMinutes'] as const;

type Step = { kind: 'change'; device: number; key: number; value: number } | { kind: 'sync'; device: number } | { kind: 'wait'; ms: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), device: fc.nat(2), key: fc.nat(1), value: fc.integer({ min: 1, max: 240 }) }),
  fc.record({ kind: fc.constant('sync' as const), device: fc.nat(2) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 30 * 60_000 }) }),
);

let run = 0;
describe('settings through the folder, three real histories (issue 15)', () => {
  it('whatever the order of changes, writes and reads, and clocks hours apart, every device ends with the same settings', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), fc.tuple(fc.integer({ min: -5 * HOUR, max: 5 * HOUR }), fc.integer({ min: -5 * HOUR, max: 5 * HOUR })), (steps, [offB, offC]) => {
        const folder = join(dir, `f${run++}`);
        mkdirSync(folder);
        let real = T0;
        const offsets = [0, offB, offC];
        // No watcher-driven reads during the run: each read is a step (the order is what is under test).
        const devices = offsets.map((off, i) => syncDevice(dir, folder, `d${i}`, () => real + off, { settleMs: 3_600_000 }));
        try {
          for (const s of steps) {
            if (s.kind === 'wait') real += s.ms;
            else if (s.kind === 'change') devices[s.device]!.store.updateSettings({ [KEYS[s.key]!]: s.value }, { now: real + offsets[s.device]! });
            else {
              devices[s.device]!.service.flush();
              devices[s.device]!.service.importAll();
            }
          }
          for (const d of devices) d.service.flush();
          for (const d of devices) d.service.importAll();
          const seen = devices.map((d) => KEYS.map((k) => d.store.getSettings()[k]));
          expect(seen[1]).toEqual(seen[0]);
          expect(seen[2]).toEqual(seen[0]);
          // And what a device changed last, having read everything before, is what all of them keep.
          const last = devices[0]!;
          last.store.updateSettings({ snoozeMinutes: 240 }, { now: real });
          last.service.flush();
          for (const d of devices) d.service.importAll();
          for (const d of devices) expect(d.store.getSettings().snoozeMinutes).toBe(240);
        } finally {
          close(...devices);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
