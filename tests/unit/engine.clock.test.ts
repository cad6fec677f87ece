import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §2 "Time": durations come from the monotonic clock; a wall-clock jump must not
// create or destroy sitting time.

const JUMPS: [string, number][] = [
  ['+1 h', HOUR],
  ['-1 h', -HOUR],
  ['+1 day', DAY],
  ['-1 day', -DAY],
];

describe('engine: wall-clock jumps mid-bout', () => {
  for (const [name, jump] of JUMPS) {
    it(`a ${name} jump at minute 20 leaves a 38-minute bout 38 minutes long with prompts at 15 and 30 minutes of sitting`, () => {
      const r = new Rig();
      r.workUntil(20).jumpWall(jump);
      // Keep working for another 18 monotonic minutes.
      r.work(18 * MIN).wait(5 * MIN).tick();
      const ended = r.log.flatMap((e) => (e.type === 'bout-ended' ? [e] : []));
      expect(ended).toHaveLength(1);
      const bout = ended[0]!.bout;
      expect(bout.durationMs).toBe(38 * MIN);
      expect(bout.start).toBe(r.t0);
      // The record stays self-consistent: end - start is the monotonic length.
      expect(bout.end - bout.start).toBe(bout.durationMs);
      const ps = r.prompts();
      expect(ps.map((p) => [p.kind, p.sittingMin, p.outcome])).toEqual([
        ['posture', 15, 'shown'],
        ['break', 30, 'took-break'],
      ]);
      // The label of the prompt after the jump is on the new wall clock.
      expect(ps[1]!.atMin).toBe(30 + jump / MIN);
    });
  }

  it('a jump does not look like a gap: a +1 day jump between two inputs 10 s apart is still one bout', () => {
    const r = new Rig();
    r.workUntil(5).jumpWall(DAY).wait(10 * SEC).input().work(5 * MIN).close();
    // 5 min, 10 s, 5 min of monotonic time; the day the wall clock skipped is not sitting.
    expect(r.recordedBouts().map((b) => b.minutes)).toEqual([10.167]);
  });

  it('a -1 h jump does not undo sitting: sitting time in the snapshot only grows', () => {
    const r = new Rig();
    r.workUntil(10);
    const before = r.engine.snapshot().bout!.sittingMs;
    r.jumpWall(-HOUR).wait(10 * SEC).input();
    expect(r.engine.snapshot().bout!.sittingMs).toBe(before + 10 * SEC);
  });

  it('an instant whose monotonic reading goes backwards is treated as "no time passed"', () => {
    const r = new Rig();
    r.workUntil(10);
    r.mono -= 5 * MIN;
    r.input();
    r.mono += 5 * MIN;
    r.workUntil(20).close();
    expect(r.recordedBouts().map((b) => b.minutes)).toEqual([20]);
  });
});
