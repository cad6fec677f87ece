import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MIN, Rig, SEC } from '../unit/engineRig.js';

// DESIGN.md §2 "Time": durations come from the monotonic clock. The same activity must give the
// same bouts and prompts whether or not the wall clock jumps, and whether or not the monotonic
// clock stops during sleep (the engine then measures the sleep by the wall clock).

type Op =
  | { kind: 'work'; ms: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'lock'; ms: number }
  | { kind: 'sleep'; ms: number }
  | { kind: 'respond'; action: 'snooze' | 'skip' }
  | { kind: 'stretch'; ms: number }
  | { kind: 'restart'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 * 60 }).map((s): Op => ({ kind: 'work', ms: s * SEC })) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20 * 60 }).map((s): Op => ({ kind: 'wait', ms: s * SEC })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 10 * 60 }).map((s): Op => ({ kind: 'lock', ms: s * SEC })) },
  { weight: 2, arbitrary: fc.integer({ min: 2, max: 10 * 3600 }).map((s): Op => ({ kind: 'sleep', ms: s * SEC })) },
  { weight: 2, arbitrary: fc.constantFrom<Op>({ kind: 'respond', action: 'snooze' }, { kind: 'respond', action: 'skip' }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 600 }).map((s): Op => ({ kind: 'stretch', ms: s * SEC })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }).map((s): Op => ({ kind: 'restart', ms: s * SEC })) },
);

const jumpArb = fc.oneof(fc.constantFrom(HOUR, -HOUR, DAY, -DAY, 0), fc.integer({ min: -3 * DAY, max: 3 * DAY }));

interface Variant {
  jumps?: number[];
  stoppedClock?: boolean;
}

function play(ops: Op[], v: Variant): Rig {
  const r = new Rig();
  ops.forEach((op, i) => {
    switch (op.kind) {
      case 'work':
        r.work(op.ms);
        break;
      case 'wait':
        r.wait(op.ms).tick();
        break;
      case 'lock':
        r.send({ type: 'lock' }).wait(op.ms).send({ type: 'unlock' });
        break;
      case 'sleep':
        if (v.stoppedClock) r.sleepStoppedClock(op.ms);
        else r.send({ type: 'suspend' }).wait(op.ms).send({ type: 'resume' });
        break;
      case 'respond':
        r.respond(op.action);
        break;
      case 'stretch':
        r.send({ type: 'stretch-start' }).wait(op.ms).send({ type: 'stretch-end' });
        break;
      case 'restart':
        r.send({ type: 'quit' }).wait(op.ms).send({ type: 'start' });
        break;
    }
    const jump = v.jumps?.[i] ?? 0;
    if (jump) r.jumpWall(jump);
  });
  r.wait(MIN).close();
  return r;
}

const shape = (r: Rig) => ({
  bouts: r.log.flatMap((e) => (e.type === 'bout-ended' ? [[e.bout.durationMs, e.recorded]] : [])),
  prompts: r.prompts().map((p) => [p.kind, p.sittingMin, p.outcome, p.reason ?? null]),
});

describe('engine properties', () => {
  it('wall-clock jumps between observations change neither bouts nor prompts', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' }), fc.array(jumpArb, { maxLength: 30, size: 'max' }), (ops, jumps) => {
        const plain = play(ops, {});
        const jumped = play(ops, { jumps });
        expect(shape(jumped)).toEqual(shape(plain));
        for (const e of jumped.log) if (e.type === 'bout-ended') expect(e.bout.end - e.bout.start).toBe(e.bout.durationMs);
      }),
      { numRuns: 200 },
    );
  });

  it('a monotonic clock that stops during sleep gives the same result as one that keeps running', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' }), (ops) => {
        const running = play(ops, {});
        const stopped = play(ops, { stoppedClock: true });
        expect(shape(stopped)).toEqual(shape(running));
        expect(stopped.promptLine()).toEqual(running.promptLine());
        expect(stopped.recordedBouts()).toEqual(running.recordedBouts());
      }),
      { numRuns: 200 },
    );
  });
});
