import { describe, expect, it } from 'vitest';
import {
  AREAS,
  RED_FLAGS,
  STRETCH_HOLD_DAYS,
  isStopSign,
  medicalAdvice,
  needsGpVisit,
  needsMedicalCare,
  needsUrgentCare,
  stretchHold,
  unansweredWarnings,
  warningQuestionsApply,
  type RedFlagAnswers,
} from '../../shared/checkin.js';
import { CheckinSubmissionSchema } from '../../shared/checkinSchema.js';
import en from '../../shared/i18n/locales/en/app.json';

// The words are the English catalog's (every other language is checked against it by scripts/check-i18n.mjs).
const TEXT = en.checkin;
const question = (id: string) => TEXT.flag[id as keyof typeof TEXT.flag].question;
const sign = (id: string) => TEXT.flag[id as keyof typeof TEXT.flag].sign;

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
    const text = RED_FLAGS.map((f) => question(f.id)).join('\n').toLowerCase();
    for (const sign of [/numbness/, /weakness/, /spreading down/, /bladder/, /bowel/, /fall|injury/, /fever/, /weight/, /severe/, /worse/, /weeks/]) {
      expect(text).toMatch(sign);
    }
    for (const f of RED_FLAGS) expect(question(f.id)).toMatch(/^(Is|Are|Do|Did|Have|Has)\b.*\?$/);
  });

  it('asks about retention, saddle numbness and both legs, and treats them as emergencies (issue #17)', () => {
    const emergency = RED_FLAGS.filter((f) => f.level === 'emergency');
    expect(emergency.map((f) => f.id)).toEqual(['bladder-bowel', 'saddle-numbness', 'both-legs']);
    const text = emergency.map((f) => question(f.id)).join('\n');
    expect(text).toMatch(/unable to pass urine/);
    expect(text).toMatch(/genitals|inside of your thighs/);
    expect(text).toMatch(/both legs/);
    // Emergencies are asked first, so the advice can come before the rest of the form.
    expect(RED_FLAGS.slice(0, 3).every((f) => f.level === 'emergency')).toBe(true);
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

  it('requires every red-flag answer when something hurts, and no extras', () => {
    const { fever: _fever, ...missing } = allNo;
    expect(issues({ ...valid, redFlags: missing })[0]).toMatch(/^redFlags\.fever:/);
    expect(issues({ ...valid, redFlags: { ...allNo, headache: true } })[0]).toMatch(/headache/);
    // A leg symptom with no soreness still asks.
    expect(issues({ soreness: 0, areas: ['left-leg'], redFlags: {} }).length).toBe(RED_FLAGS.length);
  });

  it('asks no warning questions when nothing hurts and the legs are fine (issue #17)', () => {
    expect(warningQuestionsApply(0, [])).toBe(false);
    expect(warningQuestionsApply(0, ['lower-back'])).toBe(false);
    expect(warningQuestionsApply(1, [])).toBe(true);
    expect(warningQuestionsApply(0, ['right-leg'])).toBe(true);
    expect(issues({ soreness: 0, areas: [], redFlags: {} })).toEqual([]);
  });

  it('an emergency yes needs no other answer: help comes first (issue #17)', () => {
    expect(unansweredWarnings(6, [], { 'saddle-numbness': true })).toEqual([]);
    expect(issues({ soreness: 6, areas: [], redFlags: { 'saddle-numbness': true } })).toEqual([]);
    expect(unansweredWarnings(6, [], { 'leg-nerve-symptoms': true })).toHaveLength(RED_FLAGS.length - 1);
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

  it.each(RED_FLAGS.filter((f) => f.level !== 'gp').map((f) => [f.id] as const))('a yes to %s means see a doctor instead of stretching', (id) => {
    const answers = { ...allNo, [id]: true };
    expect(needsMedicalCare(answers)).toBe(true);
    const advice = medicalAdvice(answers)!;
    expect(advice.reasons).toEqual([id]);
    expect(sign(id).length).toBeGreaterThan(10);
    expect(advice.urgent ? TEXT.advice.urgentText : TEXT.advice.text).toMatch(/do not stretch/i);
  });

  it('pain for weeks means see a GP or physiotherapist and keep moving gently, not "do not stretch" (issue #17)', () => {
    const answers = { ...allNo, 'long-lasting': true };
    expect(needsMedicalCare(answers)).toBe(false);
    expect(medicalAdvice(answers)).toBeNull();
    expect(needsGpVisit(answers)).toBe(true);
    expect(TEXT.advice.gpText).toMatch(/GP or a physiotherapist/);
    expect(TEXT.advice.gpText).toMatch(/keep moving gently/);
    expect(TEXT.advice.gpText).not.toMatch(/do not stretch/i);
    expect(needsGpVisit({ ...answers, fever: true })).toBe(false);
  });

  it('bladder or bowel trouble is urgent; other flags are prompt but not urgent', () => {
    expect(needsUrgentCare({ ...allNo, 'bladder-bowel': true })).toBe(true);
    expect(needsUrgentCare({ ...allNo, 'saddle-numbness': true })).toBe(true);
    expect(needsUrgentCare({ ...allNo, 'both-legs': true })).toBe(true);
    expect(needsUrgentCare({ ...allNo, fever: true, 'weight-loss': true })).toBe(false);
    const urgent = medicalAdvice({ fever: true, 'bladder-bowel': true })!;
    expect(urgent.urgent).toBe(true);
    expect(TEXT.advice.urgentText).toMatch(/urgent/i);
    expect(urgent.reasons).toEqual(['bladder-bowel', 'fever']);
    const prompt = medicalAdvice({ 'after-injury': true })!;
    expect(prompt.urgent).toBe(false);
    expect(TEXT.advice.text).toMatch(/promptly/);
  });

  it('puts stretches on hold for a week after a check-in with a stop sign; pain for weeks alone does not (issue #17)', () => {
    const day = 86_400_000;
    const t0 = Date.parse('2026-03-02T09:00:00Z');
    expect(stretchHold([], t0)).toBeNull();
    expect(stretchHold([{ at: t0, redFlags: ['long-lasting'] }], t0 + 1000)).toBeNull();
    const checkIns = [{ at: t0, redFlags: ['fever'] }];
    expect(stretchHold(checkIns, t0 + 1000)).toEqual({ since: t0, until: t0 + STRETCH_HOLD_DAYS * day, urgent: false });
    expect(stretchHold(checkIns, t0 + STRETCH_HOLD_DAYS * day - 1)).not.toBeNull();
    expect(stretchHold(checkIns, t0 + STRETCH_HOLD_DAYS * day)).toBeNull();
    // A later all-clear does not lift it; a later stop sign extends it.
    const later = [...checkIns, { at: t0 + day, redFlags: [] }, { at: t0 + 2 * day, redFlags: ['both-legs'] }];
    expect(stretchHold(later, t0 + 3 * day)).toEqual({ since: t0 + 2 * day, until: t0 + (2 + STRETCH_HOLD_DAYS) * day, urgent: true });
    expect(isStopSign('long-lasting')).toBe(false);
    expect(isStopSign('no-such-flag')).toBe(false);
  });

  it('says once, plainly, that Sitwell is not a medical device', () => {
    expect(TEXT.notMedicalDevice).toMatch(/^Sitwell is not a medical device/);
    expect(TEXT.notMedicalDevice.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(2);
  });
});
