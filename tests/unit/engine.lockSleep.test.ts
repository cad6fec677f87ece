import { describe, expect, it } from 'vitest';
import { HOUR, MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §2/§3: screen lock, suspend (with a monotonic clock that stops), quit/start, stretch sessions.

describe('engine: screen lock', () => {
  it('a short lock (gap under minBreak) does not interrupt sitting; unlocking counts as input', () => {
    const r = new Rig();
    r.workUntil(10).wait(20 * SEC).send({ type: 'lock' }).until(11.5).send({ type: 'unlock' }).until(14).tick();
    // Unlock at 11.5 is the last input: the bout runs to it.
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 11.5, minutes: 11.5 }]);
  });

  it('a long lock ends the bout at the last input before it; the unlock starts the next bout', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'lock' }).until(25).send({ type: 'unlock' }).workUntil(30).close();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 25, endMin: 30, minutes: 5 },
    ]);
  });

  it('input while locked (a bumped mouse at the lock screen) is not sitting', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'lock' }).until(11).input().until(11.9).input().until(13).send({ type: 'unlock' });
    r.workUntil(20).close();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 13, endMin: 20, minutes: 7 },
    ]);
  });

  it('a posture prompt falling due while locked is dropped; the next one still comes', () => {
    const r = new Rig({ settings: { sitLimitMinutes: 60 } });
    r.workUntil(14.5).send({ type: 'lock' }).until(15.5).send({ type: 'unlock' }).workUntil(31).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@30:shown']);
  });

  it('a break prompt falling due while locked is shown at unlock when sitting continues', () => {
    const r = new Rig();
    r.workUntil(29.5).send({ type: 'lock' }).until(31).send({ type: 'unlock' }).workUntil(45).until(50).tick();
    // Shown at the unlock, then the usual repeat snoozeMinutes after it was shown.
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@31:unanswered', 'break@41:took-break']);
  });

  it('a break prompt falling due while locked is never shown when the lock turns into a break', () => {
    const r = new Rig();
    r.workUntil(29.5).send({ type: 'lock' }).until(45).send({ type: 'unlock' }).workUntil(50).close();
    expect(r.promptLine()).toEqual(['posture@15:shown']);
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 29.5, minutes: 29.5 },
      { startMin: 45, endMin: 50, minutes: 5 },
    ]);
  });

  it('an open prompt whose repeat falls due while locked: the repeat waits for the unlock', () => {
    const r = new Rig();
    r.workUntil(39.5).send({ type: 'lock' }).until(41).send({ type: 'unlock' }).workUntil(45).until(50).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered', 'break@41:took-break']);
  });

  it('an open prompt is took-break when a long lock ends the bout', () => {
    const r = new Rig();
    r.workUntil(33).send({ type: 'lock' }).until(60).send({ type: 'unlock' });
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
  });
});

describe('engine: suspend and resume', () => {
  it('an 8-hour sleep with a STOPPED monotonic clock still ends the bout at the last input', () => {
    const r = new Rig();
    r.workUntil(33).wait(10 * SEC).sleepStoppedClock(8 * HOUR);
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 33, minutes: 33 }]);
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
    expect(r.engine.snapshot().bout).toBeNull();
    expect(r.engine.nextWake()).toBeNull();
    // After waking, input starts a new bout at its wall time.
    r.wait(MIN).workUntil(r.nowMin + 5).close();
    expect(r.recordedBouts()[1]).toEqual({ startMin: 514.167, endMin: 519.167, minutes: 5 });
  });

  it('a short sleep (gap under minBreak) with a stopped clock keeps the bout, and its length includes the sleep', () => {
    const r = new Rig();
    r.workUntil(10).wait(20 * SEC).sleepStoppedClock(60 * SEC).wait(10 * SEC).workUntil(20).close();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 20, minutes: 20 }]);
  });

  it('a sleep with a monotonic clock that keeps running (boot time) behaves the same', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'suspend' }).wait(3 * HOUR).send({ type: 'resume' }).wait(MIN).workUntil(200).close();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 191, endMin: 200, minutes: 9 },
    ]);
  });

  it('a break prompt falling due while asleep is shown at resume when sitting continues', () => {
    const r = new Rig();
    r.workUntil(29.5).sleepStoppedClock(MIN).wait(10 * SEC).workUntil(35).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30.5:took-break']);
  });

  it('a posture prompt falling due while asleep is dropped', () => {
    const r = new Rig();
    r.workUntil(14.5).sleepStoppedClock(MIN).workUntil(20).close();
    expect(r.promptLine()).toEqual([]);
  });

  it('asleep and locked: a due break prompt waits through resume until the unlock', () => {
    const r = new Rig();
    r.workUntil(29.2).send({ type: 'lock' }).wait(10 * SEC).sleepStoppedClock(MIN).wait(20 * SEC).send({ type: 'unlock' });
    expect(r.nowMin).toBe(30.7);
    r.workUntil(33).close();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30.7:unanswered']);
  });

  it('an 8-hour stopped-clock sleep ends the bout even when the driver misses the resume event', () => {
    // DESIGN §2: a sleep is measured by wall clock when the monotonic clock stops.
    const r = new Rig();
    r.workUntil(20).sleepStoppedClock(8 * HOUR, { resume: false }).workUntil(r.nowMin + 5).close();
    expect(r.recordedBouts().map((b) => b.minutes)).toEqual([20, 5]);
  });
});

describe('engine: suspend with a monotonic clock that keeps running (boot time)', () => {
  // With a clock that counts sleep (Linux boot time), a wall step during a short sleep is not sleep.
  it('a +1 h wall step during a 30 s sleep does not cut the bout', () => {
    const r = new Rig({ monoCountsSleep: true });
    r.workUntil(10).wait(20 * SEC).send({ type: 'suspend' }).wait(30 * SEC).jumpWall(HOUR).send({ type: 'resume' });
    r.wait(10 * SEC).work(10 * MIN).close();
    expect(r.bouts().filter((b) => b.recorded).map((b) => b.minutes)).toEqual([21]);
  });
});

describe('engine: quit and start', () => {
  it('quit ends the bout at the last input before it and leaves the open prompt unanswered', () => {
    const r = new Rig();
    r.workUntil(31).wait(20 * SEC).send({ type: 'quit' });
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 31, minutes: 31 }]);
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered']);
  });

  it('nothing is observed between quit and start; start is not input; the next input begins a new bout', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'quit' }).wait(10 * SEC).input().send({ type: 'lock' }).respond('snooze');
    r.until(10.5).send({ type: 'start' });
    expect(r.boutStarts().length).toBe(1);
    r.until(11).workUntil(20).close();
    // Even though the gap (1 min) is under minBreak, quit ended the first bout.
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 10, minutes: 10 },
      { startMin: 11, endMin: 20, minutes: 9 },
    ]);
    expect(r.engine.snapshot().locked).toBe(false);
  });

  it('while quit the engine has nothing to wake for', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'quit' });
    expect(r.engine.nextWake()).toBeNull();
    expect(r.engine.snapshot().running).toBe(false);
  });
});

describe('engine: stretch sessions', () => {
  it('stretch-start ends the bout at its own time, closing the open prompt as stretched', () => {
    const r = new Rig();
    r.workUntil(31).wait(50 * SEC).send({ type: 'stretch-start' });
    // Not at the last input (31:00) but at the start of the session (31:50).
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 31.833, minutes: 31.833 }]);
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:stretched']);
  });

  it('input during the session is ignored; stretch-end is not input; the next input starts a bout', () => {
    const r = new Rig();
    r.workUntil(20).send({ type: 'stretch-start' }).work(3 * MIN).until(24).send({ type: 'stretch-end' });
    expect(r.boutStarts().length).toBe(1);
    r.until(24.5).workUntil(30).close();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 20, minutes: 20 },
      { startMin: 24.5, endMin: 30, minutes: 5.5 },
    ]);
    expect(r.promptLine()).toEqual(['posture@15:shown']);
  });

  it('a stretch in the middle of a repeated, unanswered prompt: the earlier is unanswered, the open one stretched', () => {
    const r = new Rig();
    r.workUntil(44).send({ type: 'stretch-start' }).until(47).send({ type: 'stretch-end' });
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered', 'break@40:stretched']);
  });

  it('a stretch started less than a minute into a bout leaves an unrecorded bout', () => {
    const r = new Rig();
    r.input().wait(30 * SEC).send({ type: 'stretch-start' });
    expect(r.bouts()).toEqual([{ startMin: 0, endMin: 0.5, minutes: 0.5, recorded: false }]);
  });
});
