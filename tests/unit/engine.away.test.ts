import { describe, expect, it } from 'vitest';
import { MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §2: the away rule, sitting bouts and the 60 s minimum.

describe('engine: away rule', () => {
  it('a gap shorter than minBreakMinutes does not interrupt sitting, and counts inside the bout', () => {
    const r = new Rig();
    r.workUntil(10).wait(2 * MIN - 1).input().workUntil(20).until(30).tick();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 20, minutes: 20 }]);
  });

  it('a gap of exactly minBreakMinutes counts as away (the user is away at that very moment)', () => {
    const r = new Rig();
    r.workUntil(10).until(12).input().workUntil(20).until(30).tick();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 12, endMin: 20, minutes: 8 },
    ]);
  });

  it('a gap longer than minBreakMinutes splits the bouts', () => {
    const r = new Rig();
    r.workUntil(10).until(15).workUntil(25).close();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 15, endMin: 25, minutes: 10 },
    ]);
  });

  it('the user is away from their last input, detected only once minBreak has passed', () => {
    const r = new Rig();
    r.workUntil(10);
    r.wait(2 * MIN - 1).tick();
    expect(r.bouts()).toEqual([]);
    expect(r.engine.snapshot().bout).not.toBeNull();
    r.wait(1).tick();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 10, minutes: 10 }]);
    expect(r.engine.snapshot().bout).toBeNull();
  });

  it('honours a custom minBreakMinutes (5): a 4-minute gap is still sitting, a 5-minute gap is not', () => {
    const r = new Rig({ settings: { minBreakMinutes: 5 } });
    r.workUntil(10).until(14).workUntil(20).until(25).input().until(40).tick();
    expect(r.bouts()).toEqual([
      { startMin: 0, endMin: 20, minutes: 20, recorded: true },
      { startMin: 25, endMin: 25, minutes: 0, recorded: false },
    ]);
  });

  it('a bout starts at the first input after being away, not when the engine notices', () => {
    const r = new Rig();
    r.until(3).input();
    expect(r.boutStarts()).toEqual([{ startMin: 3, restored: false }]);
    expect(r.engine.snapshot().bout?.start).toBe(r.t0 + 3 * MIN);
  });
});

describe('engine: bouts under 60 s are not recorded', () => {
  it('a 30 s touch of the mouse is reported as an unrecorded bout', () => {
    const r = new Rig();
    r.input().wait(30 * SEC).input().until(5).tick();
    expect(r.bouts()).toEqual([{ startMin: 0, endMin: 0.5, minutes: 0.5, recorded: false }]);
  });

  it('59.999 s is not recorded, exactly 60 s is', () => {
    const short = new Rig();
    short.input().wait(60 * SEC - 1).input().until(5).tick();
    expect(short.bouts().map((b) => b.recorded)).toEqual([false]);
    const minute = new Rig();
    minute.input().wait(60 * SEC).input().until(5).tick();
    expect(minute.recordedBouts()).toEqual([{ startMin: 0, endMin: 1, minutes: 1 }]);
  });

  it('a single input is a zero-length bout, never recorded', () => {
    const r = new Rig();
    r.until(1).input().until(10).tick();
    expect(r.bouts()).toEqual([{ startMin: 1, endMin: 1, minutes: 0, recorded: false }]);
  });
});

describe('engine: continuous sitting runs to now until the user counts as away', () => {
  it('a break prompt falling due in the idle gap after the last input is shown and ends as took-break', () => {
    const r = new Rig();
    r.workUntil(29).until(35).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
    expect(r.prompts()[1]!.sittingMin).toBe(30);
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 29, minutes: 29 }]);
  });

  it('snapshot reports the open bout with its sitting time to now', () => {
    const r = new Rig();
    r.workUntil(10).wait(60 * SEC).tick();
    expect(r.engine.snapshot().bout).toEqual({ start: r.t0, lastInput: r.t0 + 10 * MIN, sittingMs: 11 * MIN });
  });

  it('close() ends the open bout at the last input, not at the close', () => {
    const r = new Rig();
    r.workUntil(10).wait(90 * SEC).close();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 10, minutes: 10 }]);
    expect(r.engine.snapshot().bout).toBeNull();
  });
});
