import { describe, expect, it } from 'vitest';
import {
  AREAS,
  NOT_A_MEDICAL_DEVICE,
  RED_FLAGS,
  SEE_A_DOCTOR,
  medicalAdvice,
  needsMedicalCare,
  needsUrgentCare,
  type RedFlagAnswers,
} from '../../shared/checkin.js';
import { CheckinSubmissionSchema } from '../../shared/checkinSchema.js';

const allNo = Object.fromEntries(RED_FLAGS.map((f) => [f.id, false])) as RedFlagAnswers;
const valid = { soreness: 4, areas: ['left-buttock', 'lower-back'], redFlags: allNo, note: 'After a long meeting.' };
const issues = (value: unknown): string[] => {
  const r = CheckinSubmissionSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('check-in areas and red flags', () => {
  it('covers both sides of hips, buttocks, the lower back and down each leg', () => {
    expect(AREAS.map((a) => a.id)).toEqual([
      'left-hip',
      'right-hip',
      'left-buttock',
      'right-buttock',
      'lower-back',
      'left-leg',
      'right-leg',
    ]);
  });

  it("asks about each of the seed's red-flag signs as a yes/no question", () => {
    const text = RED_FLAGS.map((f) => f.question).join('\n').toLowerCase();
    for (const sign of [/numbness/, /weakness/, /spreading down/, /bladder/, /bowel/, /fall|injury/, /fever/, /weight/, /severe/, /worse/]) {
      expect(text).toMatch(sign);
    }
    for (const f of RED_FLAGS) expect(f.question).toMatch(/^(Is|Are|Do|Did|Have|Has)\b.*\?$/);
    expect(RED_FLAGS.filter((f) => f.urgent).map((f) => f.id)).toEqual(['bladder-bowel']);
  });
});

describe('CheckinSubmissionSchema', () => {
  it('accepts a full check-in, and one without a note or areas', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ soreness: 0, areas: [], redFlags: allNo })).toEqual([]);
  });

  it('refuses out-of-range or fractional soreness', () => {
    expect(issues({ ...valid, soreness: 11 })).toEqual(['soreness: soreness must be at most 10']);
    expect(issues({ ...valid, soreness: -1 })).toEqual(['soreness: soreness must be at least 0']);
    expect(issues({ ...valid, soreness: 2.5 })).toEqual(['soreness: soreness must be a whole number from 0 to 10']);
  });

  it('refuses unknown or repeated areas', () => {
    expect(issues({ ...valid, areas: ['elbow'] })[0]).toMatch(/^areas\.0:/);
    expect(issues({ ...valid, areas: ['lower-back', 'lower-back'] })).toEqual(['areas: each area may be listed only once']);
  });

  it('requires every red-flag answer and no extras', () => {
    const { fever: _fever, ...missing } = allNo;
    expect(issues({ ...valid, redFlags: missing })[0]).toMatch(/^redFlags\.fever:/);
    expect(issues({ ...valid, redFlags: { ...allNo, headache: true } })[0]).toMatch(/headache/);
  });

  it('refuses a note over 500 characters', () => {
    expect(issues({ ...valid, note: 'x'.repeat(500) })).toEqual([]);
    expect(issues({ ...valid, note: 'x'.repeat(501) })).toEqual(['note: note must be at most 500 characters']);
  });
});

describe('needsMedicalCare / medicalAdvice', () => {
  it('is false when every answer is no (or not yet given)', () => {
    expect(needsMedicalCare(allNo)).toBe(false);
    expect(needsMedicalCare({})).toBe(false);
    expect(medicalAdvice(allNo)).toBeNull();
  });

  it.each(RED_FLAGS.map((f) => [f.id] as const))('a yes to %s means see a doctor instead of stretching', (id) => {
    const answers = { ...allNo, [id]: true };
    expect(needsMedicalCare(answers)).toBe(true);
    const advice = medicalAdvice(answers)!;
    expect(advice.reasons).toEqual([RED_FLAGS.find((f) => f.id === id)!.sign]);
    expect(advice.text).toMatch(/do not stretch/i);
  });

  it('bladder or bowel trouble is urgent; other flags are prompt but not urgent', () => {
    expect(needsUrgentCare({ ...allNo, 'bladder-bowel': true })).toBe(true);
    expect(needsUrgentCare({ ...allNo, fever: true, 'weight-loss': true })).toBe(false);
    const urgent = medicalAdvice({ fever: true, 'bladder-bowel': true })!;
    expect(urgent.urgent).toBe(true);
    expect(urgent.heading).toBe(SEE_A_DOCTOR.urgentHeading);
    expect(urgent.text).toMatch(/urgent/i);
    expect(urgent.reasons).toHaveLength(2);
    const prompt = medicalAdvice({ 'after-injury': true })!;
    expect(prompt.urgent).toBe(false);
    expect(prompt.text).toMatch(/promptly/);
  });

  it('says once, plainly, that Sitwell is not a medical device', () => {
    expect(NOT_A_MEDICAL_DEVICE).toMatch(/^Sitwell is not a medical device/);
    expect(NOT_A_MEDICAL_DEVICE.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(2);
  });
});
