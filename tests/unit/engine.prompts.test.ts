import { describe, expect, it } from 'vitest';
import { Rig, SEC } from './engineRig.js';

// DESIGN.md §2: posture prompts, break prompts, snooze/skip/repeat and the recorded outcomes.

describe('engine: posture prompts', () => {
  it('fire every postureEveryMinutes of continuous sitting, only before the first break prompt', () => {
    const r = new Rig({ settings: { sitLimitMinutes: 60 } });
    r.workUntil(85).until(100).tick();
    expect(r.promptLine()).toEqual([
      'posture@15:shown',
      'posture@30:shown',
      'posture@45:shown',
      'break@60:unanswered',
      'break@70:unanswered',
      'break@80:took-break',
    ]);
    expect(r.prompts().filter((p) => p.kind === 'posture').map((p) => p.sittingMin)).toEqual([15, 30, 45]);
  });

  it('with the defaults there is one posture prompt (15) and then the break prompt (30), none after it', () => {
    const r = new Rig();
    r.workUntil(30.5).respond('snooze').workUntil(48).until(60).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:snoozed', 'break@40.5:took-break']);
  });

  it('a posture time that coincides with the break prompt gives only the break prompt', () => {
    const r = new Rig({ settings: { postureEveryMinutes: 10 } });
    r.workUntil(31).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@10:shown', 'posture@20:shown', 'break@30:took-break']);
  });

  it('postureEnabled false means no posture prompts at all', () => {
    const r = new Rig({ settings: { postureEnabled: false } });
    r.workUntil(31).until(40).tick();
    expect(r.promptLine()).toEqual(['break@30:took-break']);
  });

  it('restart with every new bout', () => {
    const r = new Rig();
    r.workUntil(16).until(20).workUntil(36).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'posture@35:shown']);
    expect(r.prompts().map((p) => p.sittingMin)).toEqual([15, 15]);
  });
});

describe('engine: break prompts', () => {
  it('falls due when continuous sitting reaches sitLimitMinutes', () => {
    const r = new Rig({ settings: { sitLimitMinutes: 45 } });
    r.workUntil(46).until(60).tick();
    const brk = r.prompts().filter((p) => p.kind === 'break');
    expect(brk.map((p) => [p.atMin, p.sittingMin])).toEqual([[45, 45]]);
  });

  it('an unanswered prompt repeats every snoozeMinutes while sitting continues; each earlier one is unanswered', () => {
    const r = new Rig({ settings: { snoozeMinutes: 7 } });
    r.workUntil(55).until(70).tick();
    expect(r.promptLine()).toEqual([
      'posture@15:shown',
      'break@30:unanswered',
      'break@37:unanswered',
      'break@44:unanswered',
      'break@51:took-break',
    ]);
  });

  it('snooze chain: each snooze postpones the next prompt by snoozeMinutes from the answer', () => {
    const r = new Rig();
    r.workUntil(31).respond('snooze');
    r.workUntil(41.5).respond('snooze');
    r.workUntil(53).respond('snooze');
    r.workUntil(70).until(80).tick();
    expect(r.promptLine()).toEqual([
      'posture@15:shown',
      'break@30:snoozed',
      'break@41:snoozed',
      'break@51.5:snoozed',
      'break@63:took-break',
    ]);
  });

  it('skip chain: each skip postpones the next prompt by a full sitLimitMinutes from the answer', () => {
    const r = new Rig();
    r.workUntil(30.5).respond('skip');
    r.workUntil(61).respond('skip');
    r.workUntil(95).until(110).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:skipped', 'break@60.5:skipped', 'break@91:took-break']);
  });

  it('a prompt falling due at the very instant of an answer is shown first, then answered', () => {
    const r = new Rig();
    r.workUntil(30).respond('snooze').workUntil(40).respond('skip').workUntil(45).until(60).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:snoozed', 'break@40:skipped']);
  });

  it('an unanswered prompt repeated, then snoozed: the snooze counts from the answer', () => {
    const r = new Rig();
    r.workUntil(44).respond('snooze').workUntil(56).until(70).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered', 'break@40:snoozed', 'break@54:took-break']);
  });
});

describe('engine: prompt outcomes', () => {
  it('stretched: a guided stretch started while the prompt is open', () => {
    const r = new Rig();
    r.workUntil(32).send({ type: 'stretch-start' });
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:stretched']);
  });

  it('took-break: the user went away while it was open (the break closes the open prompt)', () => {
    const r = new Rig();
    r.workUntil(33).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
  });

  it('unanswered: the app quit while it was open', () => {
    const r = new Rig();
    r.workUntil(33).send({ type: 'quit' });
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered']);
  });

  it('unanswered: still open when the trace ends (close)', () => {
    const r = new Rig();
    r.workUntil(33).close();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered']);
  });

  it('every shown break prompt is closed exactly once, posture prompts never', () => {
    const r = new Rig();
    r.workUntil(52).respond('skip').workUntil(85).respond('snooze').workUntil(100).send({ type: 'stretch-start' });
    r.until(105).send({ type: 'stretch-end' }).workUntil(140).send({ type: 'quit' });
    const ps = r.prompts();
    expect(ps.length).toBeGreaterThan(5);
    for (const p of ps) expect(p.closes, `${p.kind}@${p.atMin}`).toBe(p.kind === 'break' ? 1 : 0);
  });
});

describe('engine: late answers', () => {
  it('a respond with no open prompt, mid-bout, is an input and changes nothing else', () => {
    const r = new Rig();
    r.workUntil(10).respond('skip').workUntil(12).respond('snooze').workUntil(33).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
  });

  it('a respond after the prompt already ended as took-break starts a new bout and leaves the outcome alone', () => {
    const r = new Rig();
    r.workUntil(31).until(40).respond('snooze');
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
    expect(r.boutStarts().map((b) => b.startMin)).toEqual([0, 40]);
    r.workUntil(70.5).until(80).tick();
    // The new bout gets its own prompts at 15 and 30 minutes, not a snooze-shortened schedule.
    expect(r.promptLine().slice(2)).toEqual(['posture@55:shown', 'break@70:took-break']);
  });

  it('respond as the only activity: the click is the input that keeps sitting going', () => {
    const r = new Rig();
    r.workUntil(10).wait(100 * SEC).respond('snooze').wait(100 * SEC).respond('skip').until(20).tick();
    // Gaps of 100 s each (< minBreak): one bout from 0 to the last click at 13 min 20 s.
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 13.333, minutes: 13.333 }]);
  });
});
