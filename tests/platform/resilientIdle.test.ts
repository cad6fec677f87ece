import { describe, expect, it } from 'vitest';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { resilientIdleSource } from '../../main/platform/resilientIdle.js';

const MIN = 60_000;

describe('resilientIdleSource: a stuck source is replaced by the next one that works (scripted sources stand in for real mechanisms)', () => {
  it('falls back from a source frozen at 0 (electron#27912) to the next candidate, and says so once', async () => {
    let t = 0;
    let real = 0;
    const stuck = createScriptedIdleSource(() => 0, 'stuck-wayland');
    const working = createScriptedIdleSource(() => real, 'working-x11');
    const log: string[] = [];
    const idle = resilientIdleSource(stuck, {}, (l) => log.push(l), { candidates: [stuck, working], now: () => t });
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

  it('passes other errors through for the caller to retry, and rejects when nothing else works', async () => {
    let t = 0;
    const failing = createScriptedIdleSource(() => {
      throw new Error('xprintidle: cannot open display');
    }, 'x11');
    const idle = resilientIdleSource(failing, {}, () => {}, { candidates: [failing], now: () => t });
    await expect(idle.idleMs()).rejects.toThrow(/cannot open display/);

    const stuck = createScriptedIdleSource(() => 0, 'only-one');
    const alone = resilientIdleSource(stuck, {}, () => {}, { candidates: [stuck], now: () => t });
    for (let i = 0; i < 3; i++) {
      await alone.idleMs();
      t += MIN;
    }
    await expect(alone.idleMs()).rejects.toThrow(/no idle-time source works here/);
  });
});
