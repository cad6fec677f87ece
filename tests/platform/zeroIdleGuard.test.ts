import { describe, expect, it } from 'vitest';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { StuckIdleSourceError, withZeroIdleGuard, ZeroIdleGuard } from '../../main/platform/zeroIdleGuard.js';

const MIN = 60_000;

describe('ZeroIdleGuard (electron#27912 detection)', () => {
  it('flags a source that reads exactly 0 every time for minutes', () => {
    const g = new ZeroIdleGuard();
    expect(g.observe(0, 0).stuck).toBe(false);
    expect(g.observe(0, 1 * MIN).stuck).toBe(false);
    expect(g.observe(0, 2 * MIN).stuck).toBe(false);
    const v = g.observe(0, 3 * MIN);
    expect(v).toEqual({ stuck: true, why: expect.stringMatching(/exactly 0 ms in 4 readings over 180 s/) });
  });

  it('flags any frozen value, not only 0', () => {
    const g = new ZeroIdleGuard({ minReadings: 3, minSpanMs: 2 * MIN });
    for (const t of [0, 1, 2]) g.observe(5000, t * MIN);
    expect(g.stuck.stuck).toBe(true);
  });

  it('does not flag steady typing (small, changing readings) or a few quick identical readings', () => {
    const g = new ZeroIdleGuard();
    const typing = [120, 45, 800, 0, 230, 0, 15, 300, 0, 70];
    typing.forEach((v, i) => g.observe(v, i * MIN));
    expect(g.stuck.stuck).toBe(false);
    const quick = new ZeroIdleGuard();
    for (let i = 0; i < 10; i++) quick.observe(0, i * 1000);
    expect(quick.stuck.stuck).toBe(false); // ten readings, but only 9 s apart
  });

  it('flags zeros read while the screen has been locked for minutes', () => {
    const g = new ZeroIdleGuard();
    g.noteSessionEvent('lock', 0);
    expect(g.observe(0, 30_000).stuck).toBe(false); // too soon after locking to count
    g.observe(0, 2.5 * MIN);
    expect(g.stuck.stuck).toBe(false);
    expect(g.observe(0, 2.7 * MIN)).toEqual({ stuck: true, why: expect.stringMatching(/0 ms idle 2 times while the screen had been locked/) });
  });

  it('unlock clears the lock evidence and reset() clears a verdict', () => {
    const g = new ZeroIdleGuard();
    g.noteSessionEvent('lock', 0);
    g.observe(0, 3 * MIN);
    g.noteSessionEvent('unlock', 3.1 * MIN);
    g.observe(10, 3.2 * MIN);
    g.observe(0, 3.3 * MIN);
    expect(g.stuck.stuck).toBe(false);
    const frozen = new ZeroIdleGuard({ minReadings: 2, minSpanMs: 1 });
    frozen.observe(0, 0);
    frozen.observe(0, 10);
    expect(frozen.stuck.stuck).toBe(true);
    frozen.reset();
    expect(frozen.stuck.stuck).toBe(false);
  });

  it('withZeroIdleGuard turns a stuck source into StuckIdleSourceError so the caller falls back', async () => {
    let now = 0;
    const inner = createScriptedIdleSource(() => 0, 'wayland-electron');
    const guarded = withZeroIdleGuard(inner, { now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(await guarded.idleMs()).toBe(0);
      now += MIN;
    }
    const err = await guarded.idleMs().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StuckIdleSourceError);
    expect((err as Error).message).toMatch(/wayland-electron looks stuck/);
    expect(guarded.name).toBe('wayland-electron');
  });
});
