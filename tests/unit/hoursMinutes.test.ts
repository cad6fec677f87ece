import { describe, expect, it } from 'vitest';
import { formatHoursMinutes, parseHoursMinutes } from '../../renderer/settings/hoursMinutes.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { draftToPatch, toDraft } from '../../renderer/settings/draft.js';

describe('the daily sitting limit as h:mm (issue 17)', () => {
  it('reads h:mm and says what is wrong otherwise', () => {
    expect(parseHoursMinutes('7:30')).toEqual({ minutes: 450, problem: null });
    expect(parseHoursMinutes(' 06:00 ')).toEqual({ minutes: 360, problem: null });
    expect(parseHoursMinutes('7:75')).toEqual({ minutes: null, problem: 'minutes' });
    for (const bad of ['abc', '7', '7:5', '7.30', '', '-1:00']) expect(parseHoursMinutes(bad).problem).toBe('format');
    expect(formatHoursMinutes(360)).toBe('6:00');
    expect(formatHoursMinutes(1440)).toBe('24:00');
  });

  it('the form shows the default as 6:00, stores minutes, and refuses 7:75, abc and 0:10', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    expect(d.dailySittingGoalMinutes).toBe('6:00');
    expect(draftToPatch({ ...d, dailySittingGoalMinutes: '7:30' }).patch?.dailySittingGoalMinutes).toBe(450);
    for (const bad of ['7:75', 'abc', '0:10']) expect(draftToPatch({ ...d, dailySittingGoalMinutes: bad }).errors).toHaveProperty('dailySittingGoalMinutes');
  });
});
