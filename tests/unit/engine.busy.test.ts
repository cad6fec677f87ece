import { describe, expect, it } from 'vitest';
import type { BusyReason } from '../../shared/domain.js';
import { MIN, Rig, SEC } from './engineRig.js';

// DESIGN.md §6: busy (dnd, fullscreen, call, app, calendar) changes prompts only. Posture prompts due while busy
// are suppressed for good; a break prompt is recorded suppressed once and held, then shown at the free.

const busy = (r: Rig, reason: BusyReason) => r.send({ type: 'busy', reason });
const free = (r: Rig, reason: BusyReason) => r.send({ type: 'free', reason });

describe('engine: busy', () => {
  it('sitting counts exactly as before: same bouts with or without a call', () => {
    const plain = new Rig().workUntil(50).until(60).tick();
    const r = new Rig();
    busy(r.workUntil(10), 'call').workUntil(50).until(60).tick();
    expect(r.recordedBouts()).toEqual(plain.recordedBouts());
    expect(r.recordedBouts()).toEqual([{ startMin: 0, endMin: 50, minutes: 50 }]);
  });

  it('records the busy reason on suppressed prompts, and holds the break prompt without repeats', () => {
    const r = new Rig();
    busy(r.workUntil(10), 'call').workUntil(55);
    expect(r.prompts().map((p) => `${p.kind}@${p.atMin}:${p.outcome}:${p.reason}`)).toEqual([
      'posture@15:suppressed:busy:call',
      'break@30:suppressed:busy:call',
    ]);
    expect(r.engine.snapshot().held).toEqual({ at: r.t0 + 30 * MIN, reason: 'busy:call' });
    expect(r.engine.snapshot().busy).toEqual(['call']);
    // Nothing to wake up for while held: busy costs no wakeups of its own (only the away timer remains).
    expect(r.engine.nextWake()).toBe(r.mono + 2 * MIN);
  });

  it('shows the held prompt at the free (not a minute later), then repeats every snooze interval', () => {
    const r = new Rig();
    busy(r.workUntil(10), 'call').workUntil(40);
    free(r, 'call').workUntil(62);
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:suppressed', 'break@40:unanswered', 'break@50:unanswered', 'break@60:unanswered']);
    expect(r.engine.snapshot().held).toBeNull();
  });

  it('a free at the same instant as the due time: the prompt falls due first (held), and is shown at once', () => {
    const r = new Rig();
    busy(r.workUntil(1), 'dnd').workUntil(30);
    free(r, 'dnd');
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:suppressed', 'break@30:unanswered']);
  });

  it('the longest-standing reason is the one recorded and shown; the prompt waits for the last free', () => {
    const r = new Rig();
    busy(r.workUntil(5), 'fullscreen');
    busy(r.workUntil(10), 'call');
    free(r.workUntil(20), 'fullscreen');
    r.workUntil(31);
    expect(r.prompts()[1]).toMatchObject({ kind: 'break', outcome: 'suppressed', reason: 'busy:call' });
    busy(r, 'fullscreen');
    expect(r.engine.snapshot().held?.reason).toBe('busy:call');
    free(r.workUntil(35), 'call');
    expect(r.engine.snapshot().held?.reason).toBe('busy:fullscreen');
    free(r.workUntil(38), 'fullscreen');
    expect(r.promptLine().slice(-1)).toEqual(['break@38:unanswered']);
  });

  it('pause and the user\'s hours come before busy as the recorded reason', () => {
    const r = new Rig();
    busy(r.workUntil(1), 'call').send({ type: 'pause', untilWall: null }).workUntil(31);
    expect(r.prompts().map((p) => p.reason)).toEqual(['paused', 'paused']);
    // Unpausing while busy keeps the prompt held, now for the call, until the free.
    r.send({ type: 'unpause' }).workUntil(40);
    expect(r.engine.snapshot().held?.reason).toBe('busy:call');
    free(r, 'call');
    expect(r.promptLine().slice(-1)).toEqual(['break@40:unanswered']);
  });

  it('an open prompt ends unanswered when its repeat falls due while busy; an answer while held changes nothing', () => {
    const r = new Rig();
    r.workUntil(32);
    busy(r, 'app').workUntil(41);
    r.respond('snooze').workUntil(45);
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:unanswered', 'break@40:suppressed']);
    expect(r.engine.snapshot().held).not.toBeNull();
    free(r, 'app');
    expect(r.promptLine().slice(-1)).toEqual(['break@45:unanswered']);
  });

  it('a held prompt is dropped when the bout ends first (away, stretch, quit); a later free shows nothing', () => {
    for (const end of ['away', 'stretch', 'quit'] as const) {
      const r = new Rig();
      busy(r.workUntil(1), 'call').workUntil(35);
      if (end === 'away') r.until(40).tick();
      if (end === 'stretch') r.send({ type: 'stretch-start' }).wait(MIN).send({ type: 'stretch-end' });
      if (end === 'quit') r.send({ type: 'quit' }).wait(MIN).send({ type: 'start' });
      expect(r.engine.snapshot().held, end).toBeNull();
      free(r.wait(MIN), 'call');
      expect(r.promptLine(), end).toEqual(['posture@15:suppressed', 'break@30:suppressed']);
    }
  });

  it('a held prompt counts as the first break prompt: no posture prompt after it, even when settings change', () => {
    const r = new Rig();
    busy(r.workUntil(1), 'calendar').workUntil(31);
    r.engine.setSettings({ ...r.settings, sitLimitMinutes: 90, postureEveryMinutes: 10 });
    r.workUntil(60);
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:suppressed']);
  });

  it('locks first: a prompt deferred by a lock is held at unlock while busy; a free while locked shows it at unlock', () => {
    const r = new Rig();
    r.workUntil(29).send({ type: 'lock' });
    busy(r.wait(30 * SEC), 'fullscreen').until(30.5).send({ type: 'unlock' });
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30.5:suppressed']);
    r.workUntil(40).send({ type: 'lock' });
    free(r.wait(30 * SEC), 'fullscreen');
    expect(r.promptLine()).toHaveLength(2); // nothing shown on a locked screen
    r.wait(30 * SEC).send({ type: 'unlock' });
    expect(r.promptLine().slice(-1)).toEqual(['break@41:unanswered']);
  });

  it('busy and free are not input: they neither start a bout nor keep one going', () => {
    const r = new Rig();
    busy(r, 'call');
    free(r.wait(5 * MIN), 'call');
    expect(r.boutStarts()).toEqual([]);
    r.workUntil(10);
    busy(r.wait(MIN), 'dnd');
    free(r.wait(MIN), 'dnd');
    r.until(20).tick();
    expect(r.recordedBouts()).toEqual([{ startMin: 5, endMin: 10, minutes: 5 }]);
  });

  it('a free with no busy, or for a reason that is not on, changes nothing', () => {
    const r = new Rig();
    free(r.workUntil(5), 'dnd');
    busy(r, 'call');
    free(r.workUntil(31), 'app');
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:suppressed']);
    expect(r.engine.snapshot().busy).toEqual(['call']);
  });
});
