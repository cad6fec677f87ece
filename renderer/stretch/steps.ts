import { routineById, routineSteps, stretchSteps, type RoutineStep } from '../../shared/routines.js';
import { STRETCHES, stretchById, type StretchDef } from '../../shared/stretches/index.js';
import type { StretchWords } from './useStretchWords.js';

export interface Playable {
  id: string;
  name: string;
  steps: RoutineStep[];
}

/**
 * A routine id or a single stretch id, expanded into the player's steps: the same expansion main uses
 * to count a session's steps, so "steps done" means the same on both sides. Its name in the window's language.
 */
export function playable(id: string, words: Pick<StretchWords, 'stretch' | 'routine'>): Playable | null {
  const routine = routineById(id);
  if (routine) return { id, name: words.routine(routine).name, steps: routineSteps(routine, STRETCHES) };
  const stretch = stretchById(id);
  if (stretch) return { id, name: words.stretch(stretch).name, steps: stretchSteps(stretch) };
  return null;
}

export function stretchOf(step: RoutineStep): StretchDef {
  const s = stretchById(step.stretchId);
  if (!s) throw new Error(`unknown stretch "${step.stretchId}"`);
  return s;
}
