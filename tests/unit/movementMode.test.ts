import { describe, expect, it } from 'vitest';
import { breakPromptText } from '../../main/app/promptText.js';
import { SettingsSchema } from '../../shared/settings.js';
import { DEFAULT_SETTINGS, settingsFromStored, settingsPatchProblem } from '../../shared/settingsRules.js';
import { quickRoutineId, routineById, routineSteps } from '../../shared/routines.js';
import { STRETCHES, stretchById, suggestableStretches, suggestMove } from '../../shared/stretches/index.js';

/** Issue #17: a break prompt suggests a standing move or a walk; seated ones only in seated (wheelchair) mode. */
describe('movement mode', () => {
  it('is standing by default, validated, and kept through the export schema', () => {
    expect(DEFAULT_SETTINGS.movementMode).toBe('standing');
    expect(SettingsSchema.parse({}).movementMode).toBe('standing');
    expect(SettingsSchema.parse({ movementMode: 'seated' }).movementMode).toBe('seated');
    expect(settingsPatchProblem({ movementMode: 'seated' })).toBeNull();
    expect(settingsPatchProblem({ movementMode: 'lying' })).toBe('settings.movementMode: must be one of "seated", "standing"');
    expect(SettingsSchema.safeParse({ movementMode: 'lying' }).success).toBe(false);
    expect(settingsFromStored({ movementMode: 'seated' }).movementMode).toBe('seated');
    expect(settingsFromStored({ movementMode: 'lying' }).movementMode).toBe('standing');
  });

  it('standing mode offers standing moves and the walk, never a seated stretch', () => {
    const standing = suggestableStretches(STRETCHES, 'standing');
    expect(standing.map((s) => s.id)).toContain('walk-for-water');
    expect(standing.every((s) => s.position === 'standing')).toBe(true);
    for (let seed = 0; seed < 2000; seed++) expect(suggestMove(STRETCHES, [], seed, 'standing').position).toBe('standing');
  });

  it('seated mode offers seated moves only, however the history leans', () => {
    const seated = suggestableStretches(STRETCHES, 'seated');
    expect(seated.length).toBeGreaterThan(3);
    const history = Array.from({ length: 20 }, () => ({ stretchId: 'walk-for-water', skipped: false }));
    for (let seed = 0; seed < 2000; seed++) expect(suggestMove(STRETCHES, history, seed, 'seated').position).toBe('seated');
  });

  it('the short routine offered first follows the mode: the chair break has seated moves only', () => {
    const positions = (mode: 'standing' | 'seated') => routineSteps(routineById(quickRoutineId(mode))!, STRETCHES).map((s) => stretchById(s.stretchId)!.position);
    expect(positions('seated').every((p) => p === 'seated')).toBe(true);
    // The 2-minute reset gets the user up (shoulder rolls, done either way, are the one move the catalog files as seated).
    expect(positions('standing')[0]).toBe('standing');
    expect(positions('standing').filter((p) => p === 'standing').length).toBeGreaterThanOrEqual(4);
  });

  it('the notification does not ask a seated-mode user to stand up', () => {
    expect(breakPromptText(31 * 60_000).title).toBe('Time to stand up');
    expect(breakPromptText(31 * 60_000, true, undefined, 'seated').title).toBe('Time for a break');
  });
});
