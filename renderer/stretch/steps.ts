import { routineById, routineSteps, stretchSteps, type RoutineStep } from '../../shared/routines.js';
import { STRETCHES, stretchById, type Stretch } from '../../shared/stretches/index.js';

export interface Playable {
  id: string;
  name: string;
  steps: RoutineStep[];
}

/**
 * A routine id or a single stretch id, expanded into the player's steps: the same expansion main uses
 * to count a session's steps, so "steps done" means the same on both sides.
 */
export function playable(id: string): Playable | null {
  const routine = routineById(id);
  if (routine) return { id, name: routine.name, steps: routineSteps(routine, STRETCHES) };
  const stretch = stretchById(id);
  if (stretch) return { id, name: stretch.name, steps: stretchSteps(stretch) };
  return null;
}

export function stretchOf(step: RoutineStep): Stretch {
  const s = stretchById(step.stretchId);
  if (!s) throw new Error(`unknown stretch "${step.stretchId}"`);
  return s;
}
