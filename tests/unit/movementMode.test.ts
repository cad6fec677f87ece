import { describe, expect, it } from 'vitest';
import { breakPromptText } from '../../main/app/promptText.js';
import { SettingsSchema } from '../../shared/settings.js';
import { DEFAULT_SETTINGS, settingsFromStored, settingsPatchProblem } from '../../shared/settingsRules.js';
import { routineFor, routinePosition, routinesForMode, stretchesForMode } from '../../shared/movementMode.js';
import { ROUTINES, routineById, routineDurationSeconds, routineSteps } from '../../shared/routines.js';
import { MOVEMENT_MODES } from '../../shared/settingsRules.js';
import { trayPage } from '../../main/app/trayModel.js';
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
    const positions = (mode: 'standing' | 'seated') => routineSteps(routineById(routineFor(mode, 'short'))!, STRETCHES).map((s) => stretchById(s.stretchId)!.position);
    expect(positions('seated').every((p) => p === 'seated')).toBe(true);
    // The 2-minute reset gets the user up (shoulder rolls, done either way, are the one move the catalog files as seated).
    expect(positions('standing')[0]).toBe('standing');
    expect(positions('standing').filter((p) => p === 'standing').length).toBeGreaterThanOrEqual(4);
  });

  it.each(MOVEMENT_MODES)('every routine it offers in %s mode exists, is done in that position and lasts what Now promises', (mode) => {
    for (const [length, minutes] of [['short', 2], ['long', 5]] as const) {
      const routine = routineById(routineFor(mode, length));
      expect(routine, `${mode} ${length}`).toBeDefined();
      expect(routinePosition(routine!, STRETCHES)).toBe(mode);
      expect(Math.abs(routineDurationSeconds(routine!, STRETCHES) - minutes * 60)).toBeLessThanOrEqual(20);
    }
    // Seated mode: every single step of both routines is a seated stretch.
    if (mode === 'seated') {
      for (const length of ['short', 'long'] as const)
        for (const s of routineSteps(routineById(routineFor(mode, length))!, STRETCHES)) expect(stretchById(s.stretchId)!.position).toBe('seated');
    }
  });

  it('the Stretches page lists the mode\'s stretches and routines first, the others after, none lost or doubled', () => {
    for (const mode of MOVEMENT_MODES) {
      const { fit, other } = stretchesForMode(STRETCHES, mode);
      expect(fit.length).toBeGreaterThan(3);
      expect(fit.every((s) => s.position === mode)).toBe(true);
      expect(other.every((s) => s.position !== mode)).toBe(true);
      expect([...fit, ...other].map((s) => s.id).sort()).toEqual(STRETCHES.map((s) => s.id).sort());
      // Catalog order is kept within each part.
      expect(fit.map((s) => s.id)).toEqual(STRETCHES.filter((s) => s.position === mode).map((s) => s.id));

      const routines = routinesForMode(ROUTINES, STRETCHES, mode);
      expect([...routines.fit, ...routines.other].map((r) => r.id).sort()).toEqual(ROUTINES.map((r) => r.id).sort());
      expect(routines.fit.map((r) => r.id)).toEqual(expect.arrayContaining([routineFor(mode, 'short'), routineFor(mode, 'long')]));
    }
    // Seated mode hides the standing ones until asked; standing mode lists the seated ones after its own.
    expect(stretchesForMode(STRETCHES, 'seated').otherShown).toBe(false);
    expect(routinesForMode(ROUTINES, STRETCHES, 'seated').otherShown).toBe(false);
    expect(stretchesForMode(STRETCHES, 'standing').otherShown).toBe(true);
    expect(routinesForMode(ROUTINES, STRETCHES, 'standing').otherShown).toBe(true);
    // A routine with one standing stretch is a standing routine: hips-and-glutes is not offered as seated.
    expect(routinesForMode(ROUTINES, STRETCHES, 'seated').fit.map((r) => r.id)).toEqual(['seated-2', 'seated-5']);
    expect(routinePosition(routineById('hips-and-glutes')!, STRETCHES)).toBe('standing');
  });

  it('the tray\'s Start stretch plays the short routine of the mode; its other pages do not depend on it', () => {
    expect(trayPage('start-stretch', 'standing')).toBe('stretch/play/quick-2');
    expect(trayPage('start-stretch', 'seated')).toBe('stretch/play/seated-2');
    for (const mode of MOVEMENT_MODES) {
      expect(trayPage('now', mode)).toBe('now');
      expect(trayPage('stats', mode)).toBe('stats');
      expect(trayPage('settings', mode)).toBe('settings');
      expect(trayPage('pause-30', mode)).toBeNull();
      expect(trayPage('quit', mode)).toBeNull();
    }
  });

  it('the notification does not ask a seated-mode user to stand up', () => {
    expect(breakPromptText(31 * 60_000).title).toBe('Time to stand up');
    expect(breakPromptText(31 * 60_000, true, undefined, 'seated').title).toBe('Time for a break');
  });
});
