import { describe, expect, it } from 'vitest';
import { STRETCHES, stretchById } from '../../shared/stretches/index.js';
import {
  ROUTINES,
  TRANSITION_SECONDS,
  routineById,
  routineDurationSeconds,
  routineSteps,
  stepsDurationSeconds,
  stretchSteps,
  type Routine,
} from '../../shared/routines.js';
import { routinesIn } from '../helpers/stretchWords.js';

describe('routines', () => {
  it('include a 2-minute, a 5-minute and a hips-and-glutes routine with unique ids', () => {
    expect(ROUTINES.map((r) => r.id)).toEqual(expect.arrayContaining(['quick-2', 'full-5', 'hips-and-glutes']));
    expect(new Set(ROUTINES.map((r) => r.id)).size).toBe(ROUTINES.length);
    expect(routineById('quick-2')?.targetSeconds).toBe(120);
    expect(routineById('full-5')?.targetSeconds).toBe(300);
  });

  it.each(routinesIn('en').map((r) => [r.id, r] as const))('%s lasts what its name promises (±20 s)', (_id, routine) => {
    const total = routineDurationSeconds(routine, STRETCHES);
    expect(Math.abs(total - routine.targetSeconds)).toBeLessThanOrEqual(20);
    const minutes = /(\d+)[- ]minute/.exec(routine.name)?.[1];
    if (minutes !== undefined) expect(Math.abs(total - Number(minutes) * 60)).toBeLessThanOrEqual(20);
  });

  it('hips-and-glutes is built from the seed stretches', () => {
    const ids = routineById('hips-and-glutes')!.items.map((i) => i.stretchId);
    expect(ids).toEqual(expect.arrayContaining(['seated-piriformis', 'standing-figure-four', 'knee-to-opposite-shoulder']));
  });

  it('quick-2 expands to exact player steps, both-sided stretches left then right', () => {
    expect(routineSteps(routineById('quick-2')!, STRETCHES)).toEqual([
      { stretchId: 'march-in-place', side: null, seconds: 20, repetition: 1 },
      { stretchId: 'standing-hip-flexor', side: 'left', seconds: 15, repetition: 1 },
      { stretchId: 'standing-hip-flexor', side: 'right', seconds: 15, repetition: 1 },
      { stretchId: 'chest-opener', side: null, seconds: 20, repetition: 1 },
      { stretchId: 'shoulder-rolls', side: null, seconds: 15, repetition: 1 },
    ]);
    // 85 s of holds + a 10-s get-ready before each of the 5 steps, the first included (issue #17).
    expect(TRANSITION_SECONDS).toBe(10);
    expect(routineDurationSeconds(routineById('quick-2')!, STRETCHES)).toBe(85 + 5 * TRANSITION_SECONDS);
    expect(routineDurationSeconds(routineById('quick-2')!, STRETCHES, 0)).toBe(85);
  });

  it("uses the catalog's hold and repetitions unless the routine overrides them", () => {
    const routine: Routine = {
      id: 't',
      targetSeconds: 0,
      items: [{ stretchId: 'standing-back-bend' }, { stretchId: 'neck-side-tilt', repetitions: 2, seconds: 12 }],
    };
    const bend = stretchById('standing-back-bend')!;
    expect(routineSteps(routine, STRETCHES)).toEqual([
      ...Array.from({ length: bend.repetitions }, (_, i) => ({
        stretchId: 'standing-back-bend',
        side: null,
        seconds: bend.holdSeconds,
        repetition: i + 1,
      })),
      { stretchId: 'neck-side-tilt', side: 'left', seconds: 12, repetition: 1 },
      { stretchId: 'neck-side-tilt', side: 'right', seconds: 12, repetition: 1 },
      { stretchId: 'neck-side-tilt', side: 'left', seconds: 12, repetition: 2 },
      { stretchId: 'neck-side-tilt', side: 'right', seconds: 12, repetition: 2 },
    ]);
  });

  it('every stretch alone expands to sides × repetitions steps', () => {
    for (const s of STRETCHES) {
      const steps = stretchSteps(s);
      expect(steps).toHaveLength(s.repetitions * (s.sides === 'both' ? 2 : 1));
      expect(stepsDurationSeconds(steps, 0)).toBe(steps.length * s.holdSeconds);
      if (s.sides === 'both') expect(steps.slice(0, 2).map((x) => x.side)).toEqual(['left', 'right']);
    }
  });

  it('refuses an unknown stretch or a bad override with a clear error', () => {
    const routine: Routine = { id: 'broken', targetSeconds: 1, items: [{ stretchId: 'nope' }] };
    expect(() => routineSteps(routine, STRETCHES)).toThrow('routine "broken" uses unknown stretch "nope"');
    expect(() => stretchSteps(STRETCHES[0]!, { seconds: 0 })).toThrow(/seconds must be a positive whole number/);
    expect(() => stretchSteps(STRETCHES[0]!, { repetitions: 1.5 })).toThrow(/repetitions must be a positive whole number/);
  });

  it('every routine refers only to catalog stretches', () => {
    for (const r of ROUTINES) for (const i of r.items) expect(stretchById(i.stretchId), `${r.id}/${i.stretchId}`).toBeDefined();
  });
});
