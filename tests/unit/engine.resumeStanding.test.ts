import { describe, expect, it } from 'vitest';
import type { Effect } from '../../main/core/engine.js';
import { MIN, Rig, SEC } from './engineRig.js';

/**
 * A standing period checkpointed by a run that died (DESIGN.md §7, durability as §2 has it for bouts):
 * the engine alone decides whether it goes on or ended at its last checkpointed input.
 */
describe('resumeCheckpoint of a standing period', () => {
  const cpAgo = (rig: Rig, startAgoMs: number, lastInputAgoMs: number, savedAgoMs = lastInputAgoMs) => ({
    start: rig.wall - startAgoMs,
    lastInput: rig.wall - lastInputAgoMs,
    savedAt: rig.wall - savedAgoMs,
    standing: true,
  });
  const moves = (log: Effect[]) => log.filter((e) => e.type === 'prompt' && e.kind === 'move');

  it('goes on standing when less than minBreak passed and the idle source answered: input is presence, not sitting', () => {
    const rig = new Rig();
    const r = rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 30 * SEC), 5 * SEC, rig.at);
    expect(r).toMatchObject({ continued: true, effects: [{ type: 'standing-started', start: rig.wall - 20 * MIN }] });
    rig.work(5 * MIN);
    expect(rig.engine.snapshot().bout).toBeNull();
    expect(rig.engine.snapshot().standing).toMatchObject({ start: rig.wall - 25 * MIN, standingMs: 25 * MIN });
    // Away ends it at its last input, as for a period this run began.
    rig.wait(3 * MIN).idle(3 * MIN);
    expect(rig.log.filter((e) => e.type === 'standing-ended')).toEqual([
      { type: 'standing-ended', period: { start: rig.t0 - 20 * MIN, end: rig.t0 + 5 * MIN, durationMs: 25 * MIN }, recorded: true },
    ]);
  });

  it('ended at its last checkpointed input when minBreak passed, or the idle source cannot answer', () => {
    const rig = new Rig();
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 2 * MIN), 0, rig.at)).toEqual({
      continued: false,
      standing: { start: rig.wall - 20 * MIN, end: rig.wall - 2 * MIN, durationMs: 18 * MIN },
      recorded: true,
    });
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 20 * MIN, 10 * SEC), null, rig.at)).toMatchObject({ continued: false, recorded: true });
    expect(rig.engine.snapshot().standing).toBeNull();
    // The next input is sitting (a forgotten `sit` never hides sitting).
    rig.input();
    expect(rig.engine.snapshot().bout).not.toBeNull();
  });

  it('a period under a minute is not recorded (DESIGN.md §7)', () => {
    const rig = new Rig();
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 10 * MIN, 10 * MIN - 59 * SEC), null, rig.at)).toMatchObject({ continued: false, recorded: false });
    expect(rig.engine.resumeCheckpoint(cpAgo(rig, 10 * MIN, 9 * MIN), null, rig.at)).toMatchObject({ continued: false, recorded: true });
  });

  it('the move prompt stays once per period: due before the dead run’s last checkpoint, it was that run’s; due since, it comes now', () => {
    // Limit 40 min (the default). Due 5 min before the last checkpoint: not shown again.
    const shown = new Rig();
    shown.engine.resumeCheckpoint(cpAgo(shown, 45 * MIN, 20 * SEC), 1 * SEC, shown.at);
    shown.work(10 * MIN);
    expect(moves(shown.log)).toEqual([]);

    // Due after the last checkpoint (the run died before it): shown at once.
    const missed = new Rig();
    missed.engine.resumeCheckpoint(cpAgo(missed, 41 * MIN, 90 * SEC), 1 * SEC, missed.at);
    missed.tick();
    expect(moves(missed.log)).toMatchObject([{ kind: 'move', at: missed.wall, sittingMs: 41 * MIN }]);

    // Not due yet: at its time, once.
    const later = new Rig();
    later.engine.resumeCheckpoint(cpAgo(later, 35 * MIN, 20 * SEC), 1 * SEC, later.at);
    later.work(10 * MIN);
    expect(moves(later.log)).toMatchObject([{ kind: 'move', at: later.t0 + 5 * MIN }]);
  });

  it('a checkpoint without `standing` is still a sitting bout', () => {
    const rig = new Rig();
    const { standing: _s, ...bout } = cpAgo(rig, 20 * MIN, 30 * SEC);
    expect(rig.engine.resumeCheckpoint(bout, 5 * SEC, rig.at).continued).toBe(true);
    expect(rig.engine.snapshot()).toMatchObject({ standing: null, bout: { start: rig.wall - 20 * MIN } });
  });
});
