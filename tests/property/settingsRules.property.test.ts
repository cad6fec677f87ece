import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingsPatchSchema, SettingsSchema } from '../../shared/settings.js';
import { DEFAULT_SETTINGS, settingsFromStored, settingsPatchProblem, settingsPatchProblems, WEEKDAYS } from '../../shared/settingsRules.js';
import { fieldOf } from '../../renderer/settings/draft.js';

// The tracker checks settings with the plain rules in settingsRules.ts; everything else uses the
// zod schemas built from the same table. Both must give the same verdict on any value.

const clock = fc.oneof(
  fc.constantFrom('00:00', '07:30', '22:00', '23:59', '24:00', '7:30', '12:60', '', '12:00 '),
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const span = fc.oneof(
  { weight: 6, arbitrary: fc.record({ start: clock, end: clock }) },
  { weight: 1, arbitrary: fc.record({ start: clock, end: clock, extra: fc.anything() }) },
  { weight: 1, arbitrary: fc.record({ start: clock }) },
  { weight: 1, arbitrary: fc.anything() },
);
const workHours = fc.oneof(
  { weight: 6, arbitrary: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.option(span)]))) },
  { weight: 1, arbitrary: fc.record(Object.fromEntries(WEEKDAYS.slice(1).map((d) => [d, fc.option(span)]))) },
  { weight: 1, arbitrary: fc.anything() },
);
const minutes = fc.oneof(
  fc.integer({ min: -10, max: 1500 }),
  fc.double({ min: -10, max: 1500 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5, 29.99, 30, 480, 480.01, '30', null, true),
);
const value = fc.oneof(
  minutes,
  fc.boolean(),
  fc.option(span),
  fc.option(workHours),
  fc.option(fc.string({ maxLength: 70 })),
  fc.anything(),
);
const key = fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as string[]), 'nonsense', '__proto__', 'toString');
const patch = fc.dictionary(key, value, { maxKeys: 4 });

describe('settings rules without zod agree with the zod schemas (fast-check)', () => {
  it('accept and refuse the same patches', () => {
    fc.assert(
      fc.property(patch, (p) => {
        const zod = SettingsPatchSchema.safeParse(p).success;
        expect(settingsPatchProblem(p) === null, JSON.stringify(p)).toBe(zod);
      }),
      { numRuns: 2000 },
    );
  });

  it('fault the same form fields (the settings form shows each next to its field)', () => {
    const knownKeys = fc.dictionary(fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as string[])), value, { maxKeys: 4 });
    fc.assert(
      fc.property(knownKeys, (p) => {
        const parsed = SettingsPatchSchema.safeParse(p);
        const viaZod = new Set(parsed.success ? [] : parsed.error.issues.map((i) => fieldOf(i.path.map(String).join('.'))));
        const viaRules = new Set(settingsPatchProblems(p).map((x) => fieldOf(x.path)));
        expect(viaRules, JSON.stringify(p)).toEqual(viaZod);
      }),
      { numRuns: 2000 },
    );
  });

  it('read a stored document the way a per-key zod check would', () => {
    fc.assert(
      fc.property(patch, (stored) => {
        const kept = Object.fromEntries(Object.entries(stored).filter(([k, v]) => SettingsPatchSchema.safeParse({ [k]: v }).success));
        const viaZod = SettingsSchema.parse(kept);
        expect(settingsFromStored(stored)).toEqual(viaZod);
      }),
      { numRuns: 2000 },
    );
  });

  it('name the key that is wrong', () => {
    expect(settingsPatchProblem({ sitLimitMinutes: 0 })).toBe('settings.sitLimitMinutes: must be at least 1 minutes');
    expect(settingsPatchProblem({ quietHours: { start: '25:00', end: '07:00' } })).toMatch(/^settings\.quietHours\.start: /);
    expect(settingsPatchProblem({ workHours: { ...Object.fromEntries(WEEKDAYS.map((d) => [d, null])), mon: { start: '09:00', end: '09:00' } } })).toBe(
      'settings.workHours.mon: start and end must differ',
    );
    expect(settingsPatchProblem({ nonsense: 1 })).toBe('settings: unknown key "nonsense"');
    expect(settingsPatchProblem([])).toBe('settings: must be an object');
  });

  it('falls back to defaults for a stored document that is not an object', () => {
    for (const stored of [null, 3, 'x', [1, 2]]) expect(settingsFromStored(stored)).toEqual(DEFAULT_SETTINGS);
  });
});
