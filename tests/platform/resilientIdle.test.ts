import { describe, expect, it } from 'vitest';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { resilientIdleSource } from '../../main/platform/resilientIdle.js';
import type { IdleSource } from '../../main/platform/types.js';

const MIN = 60_000;

/** detectIdleSource over a fixed candidate list (scripted sources stand in for the real mechanisms). */
const detectFrom = (candidates: IdleSource[], asked: string[][] = []) => async (exclude: string[]) => {
  asked.push([...exclude]);
  const next = candidates.find((c) => !exclude.includes(c.name));
  if (!next) throw new Error('no idle-time source works here');
  return next;
};

describe('resilientIdleSource: a stuck source is replaced by the next one that works (scripted sources stand in for real mechanisms)', () => {
  it('falls back from a source frozen at 0 (electron#27912) to the next candidate, and says so once', async () => {
    let t = 0;
    let real = 0;
    const stuck = createScriptedIdleSource(() => 0, 'stuck-wayland');
    const working = createScriptedIdleSource(() => real, 'working-x11');
    const log: string[] = [];
    const idle = resilientIdleSource(stuck, { detect: detectFrom([stuck, working]), now: () => t, log: (l) => log.push(l) });
    for (let i = 0; i < 3; i++) {
      expect(await idle.idleMs()).toBe(0);
      t += MIN;
    }
    real = 4200;
    // The fourth identical reading three minutes on proves the first source stuck: the next candidate answers.
    expect(await idle.idleMs()).toBe(4200);
    expect(idle.name).toBe('working-x11');
    expect(log.join('\n')).toMatch(/stuck-wayland looks stuck[\s\S]*idle source is now working-x11/);
    real = 100;
    expect(await idle.idleMs()).toBe(100);
    expect(log).toHaveLength(2);
  });

  it('passes other errors through for the caller to retry, and retries a failing detection at the next reading', async () => {
    let t = 0;
    const failing = createScriptedIdleSource(() => {
      throw new Error('xprintidle: cannot open display');
    }, 'x11');
    const idle = resilientIdleSource(failing, { detect: detectFrom([failing]), now: () => t });
    await expect(idle.idleMs()).rejects.toThrow(/cannot open display/);

    const stuck = createScriptedIdleSource(() => 0, 'only-one');
    const late: IdleSource[] = [stuck];
    const log: string[] = [];
    const asked: string[][] = [];
    const alone = resilientIdleSource(stuck, { detect: detectFrom(late, asked), now: () => t, log: (l) => log.push(l) });
    for (let i = 0; i < 3; i++) {
      await alone.idleMs();
      t += MIN;
    }
    await expect(alone.idleMs()).rejects.toThrow(/no idle-time source works here/);
    await expect(alone.idleMs()).rejects.toThrow(/no idle-time source works here/);
    // A compositor service that starts late is picked up at the next reading.
    late.push(createScriptedIdleSource(() => 5, 'late-mutter'));
    expect(await alone.idleMs()).toBe(5);
    expect(asked).toEqual([['only-one'], ['only-one'], ['only-one']]);
    expect(log.filter((l) => l.includes('looks stuck'))).toHaveLength(1);
  });

  it('stamps lock events on the clock it stamps readings with: zeros behind a lock are judged only once the lock is 2 minutes old', async () => {
    let t = 1_000_000_000; // hours since boot, as the monotonic clock reads on a real machine
    const whole = { ...createScriptedIdleSource(() => 0, 'whole-seconds'), resolutionMs: 1000 };
    const next = createScriptedIdleSource(() => 3000, 'next');
    const idle = resilientIdleSource(whole, { detect: detectFrom([whole, next]), now: () => t });
    idle.noteSessionEvent('lock');
    for (let i = 0; i < 8; i++, t += 15_000) expect(await idle.idleMs()).toBe(0); // 1 min 45 s locked
    expect(idle.name).toBe('whole-seconds');
    t += 15_000;
    expect(await idle.idleMs()).toBe(0);
    expect(await idle.idleMs()).toBe(3000);
    expect(idle.name).toBe('next');
  });

  it('an unlock resets the locked-screen rule', async () => {
    let t = 0;
    const whole = { ...createScriptedIdleSource(() => 0, 'whole-seconds'), resolutionMs: 1000 };
    const idle = resilientIdleSource(whole, { detect: detectFrom([whole]), now: () => t });
    idle.noteSessionEvent('lock');
    t += 3 * MIN;
    expect(await idle.idleMs()).toBe(0);
    idle.noteSessionEvent('unlock');
    for (let i = 0; i < 10; i++, t += MIN) expect(await idle.idleMs()).toBe(0);
    expect(idle.name).toBe('whole-seconds');
  });
});
