import { describe, expect, it } from 'vitest';
import { hoursPolicy } from '../../main/core/localTime.js';
import { SettingsSchema, type SettingsPatch, type WorkHours } from '../../shared/settings.js';
import { MIN, Rig } from './engineRig.js';

// DESIGN.md §2: prompts are not shown while paused, outside work hours or in quiet hours,
// and are recorded as `suppressed` instead (an engine prompt effect with shown:false).

const OFFICE: WorkHours = {
  mon: { start: '09:00', end: '17:00' },
  tue: { start: '09:00', end: '17:00' },
  wed: { start: '09:00', end: '17:00' },
  thu: { start: '09:00', end: '17:00' },
  fri: { start: '09:00', end: '17:00' },
  sat: null,
  sun: null,
};

function rigIn(zone: string, startWall: string, patch: SettingsPatch): Rig {
  return new Rig({ settings: patch, startWall, hours: hoursPolicy(SettingsSchema.parse(patch), zone) });
}

describe('engine: pause', () => {
  it('a pause suppresses the posture prompt; after it ends the break prompt shows as usual', () => {
    const r = new Rig();
    r.workUntil(10).send({ type: 'pause', untilWall: r.t0 + 20 * MIN }).workUntil(33).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:took-break']);
    const posture = r.log.find((e) => e.type === 'prompt' && e.kind === 'posture');
    expect(posture).toMatchObject({ shown: false, reason: 'paused', sittingMs: 15 * MIN });
  });

  it('a break prompt due while paused is suppressed, and shown within a minute of the pause ending if sitting continues', () => {
    const r = new Rig();
    r.send({ type: 'pause', untilWall: r.t0 + 35 * MIN }).workUntil(38).until(45).tick();
    const ps = r.prompts();
    expect(ps.map((p) => `${p.kind}:${p.outcome}`)).toEqual(['posture:suppressed', 'break:suppressed', 'break:took-break']);
    expect(ps[1]!.atMin).toBe(30);
    expect(ps[2]!.atMin).toBeGreaterThanOrEqual(35);
    expect(ps[2]!.atMin).toBeLessThanOrEqual(36);
  });

  it('an indefinite pause suppresses until unpause', () => {
    const r = new Rig();
    r.workUntil(5).send({ type: 'pause', untilWall: null }).workUntil(40).send({ type: 'unpause' }).workUntil(45).until(50).tick();
    const ps = r.prompts();
    expect(ps.map((p) => `${p.kind}@${p.atMin}:${p.outcome}`).slice(0, 2)).toEqual(['posture@15:suppressed', 'break@30:suppressed']);
    expect(ps[2]).toMatchObject({ kind: 'break', outcome: 'took-break' });
    expect(ps[2]!.atMin).toBeGreaterThanOrEqual(40);
    expect(ps[2]!.atMin).toBeLessThanOrEqual(41);
    expect(ps).toHaveLength(3);
  });

  it('a suppressed prompt keeps its outcome when the user goes away or stretches', () => {
    const r = new Rig();
    r.send({ type: 'pause', untilWall: null }).workUntil(31).until(40).tick();
    r.workUntil(75).send({ type: 'stretch-start' });
    expect(r.promptLine()).toEqual(['posture@15:suppressed', 'break@30:suppressed', 'posture@55:suppressed', 'break@70:suppressed']);
    for (const p of r.prompts()) expect(p.closes).toBe(0);
  });
});

describe('engine: work hours', () => {
  it('prompts before work hours are suppressed; a due break prompt shows once work hours begin', () => {
    // Wednesday 2026-06-10, 08:20 in Berlin.
    const r = rigIn('Europe/Berlin', '2026-06-10T08:20:00+02:00', { workHours: OFFICE });
    r.workUntil(45).until(50).tick();
    const ps = r.prompts();
    expect(ps.slice(0, 2).map((p) => `${p.kind}@${p.atMin}:${p.outcome}:${p.reason}`)).toEqual([
      'posture@15:suppressed:outside-work-hours',
      'break@30:suppressed:outside-work-hours',
    ]);
    // 09:00 is 40 minutes after the start.
    expect(ps[2]).toMatchObject({ kind: 'break', outcome: 'took-break' });
    expect(ps[2]!.atMin).toBeGreaterThanOrEqual(40);
    expect(ps[2]!.atMin).toBeLessThanOrEqual(41);
  });

  it('prompts after work hours end are suppressed', () => {
    const r = rigIn('Europe/Berlin', '2026-06-10T16:40:00+02:00', { workHours: OFFICE });
    r.workUntil(33).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:suppressed']);
  });

  it('a day off (null) suppresses every prompt', () => {
    const r = rigIn('Europe/Berlin', '2026-06-13T10:00:00+02:00', { workHours: OFFICE }); // Saturday
    r.workUntil(45).until(50).tick();
    expect(r.prompts().map((p) => `${p.outcome}:${p.reason}`)).toEqual(['suppressed:outside-work-hours', 'suppressed:outside-work-hours']);
  });

  it('work hours are local: 09:00 in New York is not 09:00 UTC', () => {
    const r = rigIn('America/New_York', '2026-06-10T09:10:00-04:00', { workHours: OFFICE });
    r.workUntil(31).until(40).tick();
    expect(r.promptLine()).toEqual(['posture@15:shown', 'break@30:took-break']);
  });
});

describe('engine: quiet hours', () => {
  it('a break prompt in quiet hours (12:00–13:00) is suppressed and shown when they end', () => {
    const r = rigIn('America/New_York', '2026-06-10T11:40:00-04:00', { quietHours: { start: '12:00', end: '13:00' } });
    r.workUntil(83).until(90).tick();
    const ps = r.prompts();
    expect(ps.slice(0, 2).map((p) => `${p.kind}@${p.atMin}:${p.outcome}:${p.reason ?? ''}`)).toEqual([
      'posture@15:shown:',
      'break@30:suppressed:quiet-hours',
    ]);
    expect(ps[2]).toMatchObject({ kind: 'break' });
    expect(ps[2]!.atMin).toBeGreaterThanOrEqual(80);
    expect(ps[2]!.atMin).toBeLessThanOrEqual(81);
  });

  it('quiet hours across midnight (22:00–07:00) suppress prompts late in the evening', () => {
    const r = rigIn('Europe/Berlin', '2026-06-10T21:40:00+02:00', { quietHours: { start: '22:00', end: '07:00' } });
    r.workUntil(31).until(40).tick();
    expect(r.prompts().map((p) => `${p.kind}:${p.outcome}:${p.reason ?? ''}`)).toEqual(['posture:shown:', 'break:suppressed:quiet-hours']);
  });

  it('quiet hours are checked before work hours', () => {
    const r = rigIn('Europe/Berlin', '2026-06-10T11:40:00+02:00', {
      workHours: OFFICE,
      quietHours: { start: '12:00', end: '13:00' },
    });
    r.workUntil(31).until(40).tick();
    expect(r.prompts().map((p) => p.reason ?? 'shown')).toEqual(['shown', 'quiet-hours']);
  });
});
