import { describe, expect, it } from 'vitest';
import { MIN, Rig, SEC } from './engineRig.js';

/**
 * A bout checkpointed by a run that died (DESIGN.md §2, durability): the engine alone decides
 * whether it continues or ended at its last checkpointed input (it was decided in the Monitor too).
 */
describe('resumeCheckpoint: continue the checkpointed bout or close it at its last input', () => {
  const cpAgo = (rig: Rig, startAgoMs: number, lastInputAgoMs: number) => ({ start: rig.wall - startAgoMs, lastInput: rig.wall - lastInputAgoMs });

  it('continues when less than minBreak passed since its last input and the idle source answered', () => {
    const rig = new Rig();
    const r = rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 2 * MIN - 1), 5 * SEC, rig.at);
    expect(r.continued).toBe(true);
    expect(rig.engine.snapshot().bout?.start).toBe(rig.wall - 20 * MIN);
  });

  it('closes it at exactly minBreak since its last input (the user counted as away then)', () => {
    const rig = new Rig();
    const r = rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 2 * MIN), 0, rig.at);
    expect(r).toEqual({ continued: false, bout: { start: rig.wall - 20 * MIN, end: rig.wall - 2 * MIN, durationMs: 18 * MIN }, recorded: true });
    expect(rig.engine.snapshot().bout).toBeNull();
  });

  it('closes it when the idle source cannot answer (we cannot tell the user stayed)', () => {
    const rig = new Rig();
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 10 * SEC), null, rig.at).continued).toBe(false);
  });

  it('closes it when the wall clock went back past its last input (the gap cannot be measured)', () => {
    const rig = new Rig();
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, -5 * MIN), 0, rig.at).continued).toBe(false);
  });

  it('a closed bout under a minute is not recorded; one of a minute is (the 60-s rule lives in the engine)', () => {
    const rig = new Rig();
    const short = rig.engine.resumeCheckpoint(cpAgo(rig, 10 * MIN, 10 * MIN - 59 * SEC), null, rig.at);
    expect(short).toMatchObject({ continued: false, recorded: false, bout: { durationMs: 59 * SEC } });
    const minute = rig.engine.resumeCheckpoint(cpAgo(rig, 10 * MIN, 9 * MIN), null, rig.at);
    expect(minute).toMatchObject({ continued: false, recorded: true, bout: { durationMs: MIN } });
  });

  it('continues with the input seen now, not the older checkpointed one', () => {
    const rig = new Rig();
    const r = rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 90 * SEC), 3 * SEC, rig.at);
    expect(r.continued).toBe(true);
    // 1.5 min since the checkpoint's input, 3 s since the real one: 1 min 50 s later the user is still sitting
    // (counted from the checkpoint's input they would have been away for 2 min 20 s).
    rig.wait(110 * SEC).idle(113 * SEC);
    expect(rig.engine.snapshot().bout).not.toBeNull();
  });
});

describe('firstOutcome: how a prompt is first recorded (one rule for the Monitor and replay)', () => {
  it('not shown: suppressed; a shown break prompt: unanswered until settled; posture and move: shown', async () => {
    const { firstOutcome } = await import('../../main/core/engine.js');
    expect(firstOutcome({ kind: 'break', shown: false })).toBe('suppressed');
    expect(firstOutcome({ kind: 'posture', shown: false })).toBe('suppressed');
    expect(firstOutcome({ kind: 'break', shown: true })).toBe('unanswered');
    expect(firstOutcome({ kind: 'posture', shown: true })).toBe('shown');
    expect(firstOutcome({ kind: 'move', shown: true })).toBe('shown');
  });
});
