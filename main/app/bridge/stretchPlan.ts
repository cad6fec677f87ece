import { routineById, routineSteps, stepsDurationSeconds, stretchSteps, type RoutineStep } from '../../../shared/routines.js';
import { STRETCHES, stretchById, suggestMove, type StretchPosition, type SuggestionHistoryEntry } from '../../../shared/stretches/index.js';
import type { StretchSession } from '../../store/types.js';

/** A routine's or a single stretch's steps, as the player plays them; null for an id that is neither. */
function sessionSteps(routineId: string): RoutineStep[] | null {
  const routine = routineById(routineId);
  if (routine) return routineSteps(routine, STRETCHES);
  const stretch = stretchById(routineId);
  return stretch ? stretchSteps(stretch) : null;
}

/** How many steps a session has and how long the player takes for them; null for an unknown id. */
export function sessionPlan(routineId: string): { stepsTotal: number; lengthSeconds: number } | null {
  const steps = sessionSteps(routineId);
  return steps ? { stepsTotal: steps.length, lengthSeconds: stepsDurationSeconds(steps) } : null;
}

/** The stretch ids of a session's steps, in order. */
function sessionStretchIds(routineId: string): string[] {
  return (sessionSteps(routineId) ?? []).map((s) => s.stretchId);
}

/**
 * What the user did with each stretch in past sessions: a stretch whose steps were all reached
 * was kept; one the session stopped before (skipped or stopped early) was skipped.
 */
export function suggestionHistory(sessions: readonly StretchSession[]): SuggestionHistoryEntry[] {
  const out: SuggestionHistoryEntry[] = [];
  for (const s of sessions) {
    if (s.end === null) continue;
    const ids = sessionStretchIds(s.routineId);
    const reached = new Map<string, boolean>();
    ids.forEach((id, i) => reached.set(id, (reached.get(id) ?? true) && (s.completed || i < s.stepsDone)));
    for (const [stretchId, kept] of reached) out.push({ stretchId, skipped: !kept });
  }
  return out;
}

/** The break prompt's suggestion in the user's movement mode (standing moves and walks, or seated ones). */
export function suggest(sessions: readonly StretchSession[], seed: number, mode: StretchPosition): string {
  return suggestMove(STRETCHES, suggestionHistory(sessions), seed, mode).id;
}
