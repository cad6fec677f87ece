import { describe, expect, it } from 'vitest';
import { MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §7: standing at a sit-stand desk is presence, not sitting; a move prompt once per period.

const standingPeriods = (r: Rig) =>
  r.log.flatMap((e) => (e.type === 'standing-ended' ? [{ startMin: (e.period.start - r.t0) / MIN, minutes: e.period.durationMs / MIN, recorded: e.recorded }] : []));

describe('engine: standing', () => {
  it('stand ends the bout at its t (an open break prompt ends stood); input while standing is no sitting and brings no posture or break prompt', () => {
    const r = new Rig();
    r.workUntil(31).send({ type: 'stand' }).workUntil(75).send({ type: 'sit' }).workUntil(80).until(90).tick();
    expect(r.recordedBouts()).toEqual([
      { startMin: 0, endMin: 31, minutes: 31 },
      { startMin: 75, endMin: 80, minutes: 5 },
    ]);
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:stood', 'move@71:shown']);
    expect(r.prompts()[2]!.sittingMin).toBe(40); // a move prompt carries the standing time
    expect(standingPeriods(r)).toEqual([{ startMin: 31, minutes: 44, recorded: true }]);
  });

  it('respond "stand" is a stand, with or without an open break prompt', () => {
    const r = new Rig();
    r.workUntil(10).respond('stand' as 'snooze').workUntil(20).until(30).tick();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 10, minutes: 10 }]);
    expect(standingPeriods(r)).toEqual([{ startMin: 10, minutes: 10, recorded: true }]);
  });

  it('the snapshot shows the open standing period and the next move prompt; nothing else is due', () => {
    const r = new Rig();
    r.workUntil(5).send({ type: 'stand' }).workUntil(20);
    const snap = r.engine.snapshot();
    expect(snap.bout).toBeNull();
    expect(snap.standing).toEqual({ start: r.t0 + 5 * MIN, lastInput: r.t0 + 20 * MIN, standingMs: 15 * MIN });
    expect(snap.next).toEqual({ kind: 'move', at: r.t0 + 45 * MIN });
  });

  it('an away ends standing at the last input and the next input starts sitting; periods under a minute are not recorded', () => {
    const r = new Rig();
    r.send({ type: 'stand' }).wait(30 * SEC).input().until(10).input().until(30).tick();
    expect(standingPeriods(r)).toEqual([{ startMin: 0, minutes: 0.5, recorded: false }]);
    expect(r.boutStarts()).toEqual([{ startMin: 10, restored: false }]);
  });

  it('stand while standing and sit while sitting are plain inputs; stand and sit during a stretch or while locked are ignored', () => {
    const r = new Rig();
    r.workUntil(5).send({ type: 'sit' }).workUntil(10).send({ type: 'lock' }).wait(30 * SEC).send({ type: 'stand' });
    r.send({ type: 'unlock' }).workUntil(12).send({ type: 'stretch-start' }).send({ type: 'stand' }).wait(MIN).send({ type: 'stretch-end' });
    r.wait(MIN).send({ type: 'stand' }).wait(MIN).send({ type: 'stand' }).workUntil(20).send({ type: 'quit' });
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 12, minutes: 12 }]);
    expect(standingPeriods(r)).toEqual([{ startMin: 14, minutes: 6, recorded: true }]);
  });

  it('the move prompt comes once per period, is dropped while locked and suppressed while busy', () => {
    const once = new Rig({ settings: { standLimitMinutes: 10 } });
    once.send({ type: 'stand' }).workUntil(45);
    expect(once.promptLine()).toEqual(['move@10:shown']);
    const locked = new Rig({ settings: { standLimitMinutes: 10 } });
    locked.send({ type: 'stand' }).workUntil(9).send({ type: 'lock' }).wait(90 * SEC).send({ type: 'unlock' }).workUntil(20);
    expect(locked.promptLine()).toEqual([]);
    const busy = new Rig({ settings: { standLimitMinutes: 10 } });
    busy.send({ type: 'busy', reason: 'fullscreen' }).send({ type: 'stand' }).workUntil(20);
    expect(busy.prompts().map((p) => `${p.kind}:${p.outcome}:${p.reason}`)).toEqual(['move:suppressed:busy:fullscreen']);
  });

  it('standLimitMinutes null turns the move prompt off; a new limit applies to the open period', () => {
    const off = new Rig({ settings: { standLimitMinutes: null } });
    off.send({ type: 'stand' }).workUntil(120);
    expect(off.promptLine()).toEqual([]);
    const r = new Rig();
    r.send({ type: 'stand' }).workUntil(20);
    r.engine.setSettings({ ...r.settings, standLimitMinutes: 25 });
    r.workUntil(60);
    expect(r.promptLine()).toEqual(['move@25:shown']);
  });

  it('quit, a stretch and the end of the trace end standing (quit and end at the last input, a stretch at its t)', () => {
    const q = new Rig();
    q.send({ type: 'stand' }).workUntil(10).until(11).send({ type: 'quit' });
    const s = new Rig();
    s.send({ type: 'stand' }).workUntil(10).until(11).send({ type: 'stretch-start' });
    const e = new Rig();
    e.send({ type: 'stand' }).workUntil(10).until(11).close();
    expect([standingPeriods(q), standingPeriods(s), standingPeriods(e)].map((p) => p[0]!.minutes)).toEqual([10, 11, 10]);
  });
});
