import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settingsRules.js';
import { formatHlc, type Hlc } from '../../main/core/sync/hlc.js';
import { DEVICE_LOCAL_SETTINGS, newestSettings, settingsToApply, stampSettingChange, SYNCED_SETTINGS, type SettingChange } from '../../main/core/sync/settingsSync.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 4, 8, 0);
const DEVICES = ['aaaa', 'bbbb', 'cccc'];
const KEYS = ['sitLimitMinutes', 'snoozeMinutes', 'language'] as const;

const winners = (changes: SettingChange[]) => Object.fromEntries([...newestSettings(changes)].map(([k, w]) => [k, w.value]));

/** One device of the simulation: its own clock (hours off, maybe), its hybrid clock, what it has seen. */
interface Sim {
  id: string;
  offsetMs: number;
  clock: Hlc | null;
  seen: SettingChange[];
}

/**
 * Changes made one after another in real time, each device having received every change before its
 * own (what a sync engine does between changes a person makes minutes apart), on clocks `offsets` off.
 */
function playCausal(steps: { device: number; key: number; value: number; gapMs: number }[], offsets: number[]) {
  const sims: Sim[] = DEVICES.map((id, i) => ({ id, offsetMs: offsets[i]!, clock: null, seen: [] }));
  const all: SettingChange[] = [];
  let real = T0;
  for (const s of steps) {
    real += s.gapMs;
    const d = sims[s.device]!;
    d.seen = [...all];
    const key = KEYS[s.key]!;
    const newest = newestSettings(d.seen.filter((c) => c.key === key)).get(key)?.stamp ?? null;
    const next = stampSettingChange(d.clock, newest, d.id, real + d.offsetMs);
    d.clock = next.clock;
    all.push({ key, value: s.value, hlc: formatHlc(next.stamp) });
  }
  return all;
}

const stepArb = fc.record({ device: fc.nat(DEVICES.length - 1), key: fc.nat(KEYS.length - 1), value: fc.integer({ min: 1, max: 480 }), gapMs: fc.integer({ min: 0, max: 10 * 60_000 }) });
const offsetArb = fc.integer({ min: -6 * HOUR, max: 6 * HOUR });

describe('settings through the sync folder: newest change per key (issue 15)', () => {
  it('any interleaving of the same changes, repeated or not, gives every device the same settings', () => {
    const changeArb = fc.record({
      key: fc.constantFrom(...KEYS),
      value: fc.integer({ min: 1, max: 480 }),
      hlc: fc.record({ ms: fc.integer({ min: T0, max: T0 + 4 * HOUR }), count: fc.nat(3), device: fc.constantFrom(...DEVICES) }).map(formatHlc),
    });
    fc.assert(
      fc.property(
        fc.array(changeArb, { maxLength: 40 }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }), fc.shuffledSubarray(cs))),
        ([changes, shuffled, repeats]) => {
          const ref = winners(changes);
          expect(winners(shuffled)).toEqual(ref);
          expect(winners([...repeats, ...shuffled, ...repeats])).toEqual(ref);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with clocks hours apart, the change made last (after seeing the others) wins everywhere', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), fc.tuple(offsetArb, offsetArb, offsetArb), (steps, offsets) => {
        const all = playCausal(steps, offsets);
        const lastPerKey: Record<string, number> = {};
        for (const [i, s] of steps.entries()) lastPerKey[KEYS[s.key]!] = all[i]!.value as number;
        expect(winners(all)).toEqual(lastPerKey);
        // Every device, whatever order the journals reach it in, ends the same.
        expect(winners([...all].reverse())).toEqual(lastPerKey);
      }),
      { numRuns: 300 },
    );
  });

  it('a device whose clock is hours ahead does not win over a later change made after seeing its change', () => {
    // Laptop 5 h ahead sets 45; an hour later the desktop (right clock) sets 30 after seeing it.
    const all = playCausal(
      [
        { device: 0, key: 0, value: 45, gapMs: 0 },
        { device: 1, key: 0, value: 30, gapMs: HOUR },
      ],
      [5 * HOUR, 0, 0],
    );
    expect(winners(all)).toEqual({ sitLimitMinutes: 30 });
    expect(all[1]!.hlc > all[0]!.hlc).toBe(true);
  });

  it('applies only shared settings another device changed last, and only where they differ', () => {
    const me = 'aaaa';
    const current: Settings = { ...DEFAULT_SETTINGS, sitLimitMinutes: 40 };
    const w = newestSettings([
      { key: 'sitLimitMinutes', value: 50, hlc: formatHlc({ ms: T0, count: 0, device: 'bbbb' }) },
      { key: 'snoozeMinutes', value: 5, hlc: formatHlc({ ms: T0, count: 0, device: me }) },
      { key: 'postureEnabled', value: DEFAULT_SETTINGS.postureEnabled, hlc: formatHlc({ ms: T0, count: 0, device: 'bbbb' }) },
      { key: 'startAtLogin', value: true, hlc: formatHlc({ ms: T0, count: 0, device: 'bbbb' }) },
      { key: 'timeZone', value: 'Asia/Tokyo', hlc: formatHlc({ ms: T0, count: 0, device: 'bbbb' }) },
    ]);
    expect(settingsToApply(current, w, me)).toEqual({ sitLimitMinutes: 50 });
    expect(DEVICE_LOCAL_SETTINGS.some((k) => (SYNCED_SETTINGS as readonly string[]).includes(k))).toBe(false);
  });
});
