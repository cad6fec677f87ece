import { describe, expect, it } from 'vitest';
import { SittingEngine } from '../../main/core/engine.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { HOUR, MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §2: adaptive polling (nextWake) and idle readings (observeIdle).

describe('engine: nextWake', () => {
  it('is null before any input and while away', () => {
    const r = new Rig();
    expect(r.engine.nextWake()).toBeNull();
    r.workUntil(5).until(10).tick();
    expect(r.engine.nextWake()).toBeNull();
  });

  it('while active points at lastInput + minBreak when no prompt is due sooner', () => {
    const r = new Rig();
    r.workUntil(3);
    expect(r.engine.nextWake()).toBe(r.mono + 2 * MIN);
    r.wait(40 * SEC).tick();
    expect(r.engine.nextWake()).toBe(r.mono - 40 * SEC + 2 * MIN);
  });

  it('points at the next prompt when it comes first (posture at 15, break at 30, repeat at 40)', () => {
    const r = new Rig();
    const m0 = r.mono;
    r.workUntil(14);
    expect(r.engine.nextWake()).toBe(m0 + 15 * MIN);
    r.workUntil(29);
    expect(r.engine.nextWake()).toBe(m0 + 30 * MIN);
    r.workUntil(39.5);
    expect(r.engine.nextWake()).toBe(m0 + 40 * MIN);
  });

  it('is in monotonic time: a wall-clock jump does not move it', () => {
    const r = new Rig();
    r.workUntil(3);
    const before = r.engine.nextWake();
    r.jumpWall(HOUR).tick();
    expect(r.engine.nextWake()).toBe(before);
  });

  it('after a short stopped-clock sleep points at when the idle gap, measured in real time, reaches minBreak', () => {
    const r = new Rig();
    r.workUntil(3);
    const lastInputMono = r.mono;
    r.wait(30 * SEC).sleepStoppedClock(60 * SEC);
    // 90 s of the 120 s gap are gone; the driver's monotonic clock only saw 30 of them.
    expect(r.engine.nextWake()).toBe(lastInputMono + 60 * SEC);
  });

  it('is null while stretching and after quit', () => {
    const r = new Rig();
    r.workUntil(5).send({ type: 'stretch-start' });
    expect(r.engine.nextWake()).toBeNull();
    r.send({ type: 'stretch-end' }).workUntil(10).send({ type: 'quit' });
    expect(r.engine.nextWake()).toBeNull();
  });

  it('snapshot.next names the next prompt', () => {
    const r = new Rig();
    r.workUntil(5);
    expect(r.engine.snapshot().next).toEqual({ kind: 'posture', at: r.t0 + 15 * MIN });
    r.workUntil(20);
    expect(r.engine.snapshot().next).toEqual({ kind: 'break', at: r.t0 + 30 * MIN });
  });
});

/**
 * A driver that only looks at the idle counter when the engine asks (or every 5 s while away), against
 * a user who types every 7 s on a schedule (7 s, so readings never land exactly on an input).
 * `latency` models each reading being taken a little before the instant it is stamped with.
 */
function pollDrive(typing: [number, number][], endMin: number, latency: (nowMs: number) => number = () => 0) {
  const engine = new SittingEngine({ settings: DEFAULT_SETTINGS });
  const t0 = Date.UTC(2026, 5, 10, 8);
  const monoBase = 1_000_000;
  const inputs: number[] = [];
  for (const [a, b] of typing) for (let t = Math.ceil((a * MIN) / (7 * SEC)) * 7 * SEC; t <= b * MIN; t += 7 * SEC) inputs.push(t);
  const lastInputBefore = (t: number): number => {
    let last = Number.NEGATIVE_INFINITY;
    for (const x of inputs) if (x <= t) last = x;
    return last;
  };
  const effects = [];
  let now = 0;
  let wakes = 0;
  let activeWakes = 0;
  while (now <= endMin * MIN) {
    const latencyMs = latency(now);
    const last = lastInputBefore(now - latencyMs);
    const at = { mono: monoBase + now, wall: t0 + now };
    if (last > Number.NEGATIVE_INFINITY) effects.push(...engine.observeIdle(now - latencyMs - last, at));
    else effects.push(...engine.tick(at));
    wakes += 1;
    const next = engine.nextWake();
    if (next !== null) activeWakes += 1;
    now = next === null ? now + 5 * SEC : Math.max(now + 1, next - monoBase);
  }
  const bouts = effects.flatMap((e) => (e.type === 'bout-ended' && e.recorded ? [[(e.bout.start - t0) / MIN, (e.bout.end - t0) / MIN]] : []));
  const prompts = effects.flatMap((e) => (e.type === 'prompt' ? [`${e.kind}@${(e.at - t0) / MIN}`] : []));
  return { bouts, prompts, wakes, activeWakes };
}

describe('engine: adaptive polling with idle readings', () => {
  it('finds the same bouts and prompts as seeing every input, with a few dozen wakes instead of thousands', () => {
    const got = pollDrive(
      [
        [0, 40],
        [50, 55],
      ],
      70,
    );
    // Inputs on the 7 s grid: the last before 40 min is at 39.9, the first after 50 at 50.05.
    expect(got.bouts).toEqual([
      [0, 39.9],
      [50.05, 54.95],
    ]);
    expect(got.prompts).toEqual(['posture@15', 'break@30', 'break@40']);
    // ~2 min between checks while active: 45 active minutes need a few dozen, not 2 700 one-second polls.
    expect(got.activeWakes).toBeLessThan(40);
  });

  it('readings that start coming 10 ms late (a busier machine) still end the bout at the last input', () => {
    // From 21 min on each reading is taken 10 ms before its timestamp: it implies an input 10 ms after the
    // real last one (19.95). That is not new input.
    const got = pollDrive([[0, 20]], 60, (now) => (now >= 21 * MIN ? 10 : 0));
    expect(got.bouts).toHaveLength(1);
    expect(Math.abs(got.bouts[0]![1]! - 19.95)).toBeLessThan(0.1 / 60);
    expect(got.activeWakes).toBeLessThan(40);
  });
});

describe('engine: observeIdle', () => {
  it('an idle reading reveals when the input happened', () => {
    const r = new Rig();
    r.until(1).idle(30 * SEC);
    expect(r.boutStarts()).toEqual([{ startMin: 0.5, restored: false }]);
    for (let m = 2; m <= 10; m++) r.until(m).idle(0);
    r.until(20).tick();
    expect(r.recordedBouts()).toEqual([{ startMin: 0.5, endMin: 10, minutes: 9.5 }]);
  });

  it('a reading that shows no input since the last one changes nothing', () => {
    const r = new Rig();
    r.workUntil(5).wait(MIN).idle(MIN).wait(30 * SEC).idle(90 * SEC);
    expect(r.engine.snapshot().bout).toMatchObject({ lastInput: r.t0 + 5 * MIN });
  });

  it('a reading that reveals input after a gap of minBreak or more ends the old bout first', () => {
    const r = new Rig();
    r.workUntil(10).until(14).idle(MIN);
    expect(r.bouts()).toEqual([{ startMin: 0, endMin: 10, minutes: 10, recorded: true }]);
    expect(r.boutStarts().map((b) => b.startMin)).toEqual([0, 13]);
  });

  it('a reading that implies an input before the previous observation books it at its own time', () => {
    const r = new Rig();
    r.workUntil(10).until(11).idle(MIN).until(11.5).idle(90 * SEC - 10).close();
    expect(r.bouts()[0]!.endMin).toBeCloseTo(10, 3);
  });

  it('a long idle reading while sitting ends the bout at the last input', () => {
    const r = new Rig();
    r.workUntil(10).until(17).idle(7 * MIN);
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 10, minutes: 10 }]);
    expect(r.engine.snapshot().bout).toBeNull();
  });

  it('input the reading reveals from while locked, during a stretch, or before app start is not sitting', () => {
    const locked = new Rig();
    locked.send({ type: 'lock' }).until(5).idle(10 * SEC);
    expect(locked.boutStarts()).toEqual([]);

    const stretch = new Rig();
    stretch.workUntil(5).send({ type: 'stretch-start' }).until(8).send({ type: 'stretch-end' }).until(8.5).idle(MIN);
    expect(stretch.boutStarts().map((b) => b.startMin)).toEqual([0]);

    const start = new Rig();
    start.workUntil(5).send({ type: 'quit' }).until(20).send({ type: 'start' }).until(20.5).idle(3 * MIN);
    expect(start.boutStarts().map((b) => b.startMin)).toEqual([0]);
    start.until(21).idle(0);
    expect(start.boutStarts().map((b) => b.startMin)).toEqual([0, 21]);
  });
});

describe('engine: restoreBout (a restart continues a checkpointed bout)', () => {
  it('continues the bout when the gap since its last input is under minBreak', () => {
    const r = new Rig();
    r.until(11);
    r.log.push(...r.engine.restoreBout(r.t0, r.t0 + 10 * MIN, r.at));
    expect(r.boutStarts()).toEqual([{ startMin: 0, restored: true }]);
    r.workUntil(20).close();
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 20, minutes: 20 }]);
  });

  it('does not continue it after a gap of minBreak or more', () => {
    const r = new Rig();
    r.until(13);
    r.log.push(...r.engine.restoreBout(r.t0, r.t0 + 10 * MIN, r.at));
    expect(r.boutStarts()).toEqual([]);
  });

  it('catches up on missed prompts without a backlog', () => {
    const r = new Rig();
    r.until(51);
    r.log.push(...r.engine.restoreBout(r.t0, r.t0 + 50 * MIN, r.at));
    r.workUntil(55).close();
    expect(r.prompts().filter((p) => p.kind === 'break')).toHaveLength(1);
    expect(r.prompts().filter((p) => p.kind === 'posture')).toHaveLength(0);
  });
});
