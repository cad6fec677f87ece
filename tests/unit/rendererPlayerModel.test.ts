import { describe, expect, it } from 'vitest';
import type { RoutineStep } from '../../shared/routines.js';
import { initialState, phaseRanOut, skip, tick, togglePause } from '../../renderer/stretch/playerModel.js';

const steps: RoutineStep[] = [
  { stretchId: 'a', side: 'left', seconds: 10, repetition: 1 },
  { stretchId: 'a', side: 'right', seconds: 10, repetition: 1 },
  { stretchId: 'b', side: null, seconds: 5, repetition: 1 },
];
const READY = 3000;

describe('stretch player model', () => {
  it('counts down each hold, pauses for the get-ready between steps, and finishes completed', () => {
    let s = initialState(steps, READY);
    // A get-ready before the first hold too (issue #17).
    expect(s).toMatchObject({ index: 0, phase: 'ready', remainingMs: READY });
    s = tick(s, steps, READY, READY);
    expect(s).toMatchObject({ index: 0, phase: 'hold', remainingMs: 10_000 });
    s = tick(s, steps, 9_000, READY);
    expect(s).toMatchObject({ index: 0, phase: 'hold', remainingMs: 1_000 });
    s = tick(s, steps, 1_500, READY); // crosses into the get-ready for the right side, remainder carried
    expect(s).toMatchObject({ index: 1, phase: 'ready', remainingMs: 2_500, holdsDone: 1 });
    s = tick(s, steps, 2_500 + 10_000 + 3_000 + 5_000, READY);
    expect(s).toMatchObject({ phase: 'finished', completed: true, holdsDone: 3 });
  });

  it('a large tick (a throttled tab) runs through several phases at once', () => {
    const s = tick(initialState(steps, READY), steps, 60_000, READY);
    expect(s).toMatchObject({ phase: 'finished', holdsDone: 3 });
  });

  it('does not move while paused', () => {
    let s = togglePause(tick(initialState(steps, READY), steps, READY, READY));
    s = tick(s, steps, 5_000, READY);
    expect(s).toMatchObject({ index: 0, remainingMs: 10_000, paused: true });
    s = tick(togglePause(s), steps, 5_000, READY);
    expect(s.remainingMs).toBe(5_000);
  });

  it('skip abandons the hold without counting it, and skipping the last step finishes', () => {
    let s = skip(initialState(steps, READY), steps, READY);
    expect(s).toMatchObject({ index: 1, phase: 'ready', holdsDone: 0 });
    s = skip(s, steps, READY); // skips the upcoming right side
    expect(s).toMatchObject({ index: 2, phase: 'ready', holdsDone: 0 });
    s = skip(s, steps, READY);
    expect(s).toMatchObject({ phase: 'finished', completed: true, holdsDone: 0 });
  });

  it('an empty routine is finished from the start', () => {
    expect(initialState([], READY)).toMatchObject({ phase: 'finished', completed: true });
  });
});

describe('the optional chime (issue #17)', () => {
  const steps2: RoutineStep[] = [
    { stretchId: 'a', side: 'left', seconds: 2, repetition: 1 },
    { stretchId: 'a', side: 'right', seconds: 2, repetition: 1 },
  ];
  it('sounds when a get-ready or a hold runs out, the last one included; not while counting down or paused', () => {
    const s0 = initialState(steps2, 1000);
    const s1 = tick(s0, steps2, 500, 1000);
    expect(phaseRanOut(s0, s1)).toBe(false); // still getting ready
    const s2 = tick(s1, steps2, 500, 1000);
    expect(s2.phase).toBe('hold');
    expect(phaseRanOut(s1, s2)).toBe(true); // get-ready ran out
    const s3 = tick(s2, steps2, 2000, 1000);
    expect(phaseRanOut(s2, s3)).toBe(true); // hold ran out
    const paused = togglePause(s3);
    expect(phaseRanOut(s3, paused)).toBe(false);
    expect(phaseRanOut(paused, tick(paused, steps2, 5000, 1000))).toBe(false);
    const last = tick(tick(s3, steps2, 1000, 1000), steps2, 2000, 1000);
    expect(last.phase).toBe('finished');
    expect(phaseRanOut(tick(s3, steps2, 1000, 1000), last)).toBe(true);
    expect(phaseRanOut(last, tick(last, steps2, 1000, 1000))).toBe(false);
  });
});
