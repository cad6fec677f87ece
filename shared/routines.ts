/**
 * Routines: fixed sequences of catalog stretches, and their expansion into the player's list of timed steps.
 * Pure data and arithmetic, usable by the renderer (player) and main (recording sessions) alike.
 */
import type { StretchDef } from './stretches/types.js';

export interface RoutineItem {
  stretchId: string;
  /** Overrides the stretch's holdSeconds inside this routine. */
  seconds?: number;
  /** Overrides the stretch's repetitions inside this routine. */
  repetitions?: number;
}

/** A routine's name and summary are words in the `stretches` i18n namespace (`routine.<id>`, stretches/words.ts). */
export interface Routine {
  id: string;
  /** The length the name promises; the routine's real duration stays within ±20 s of it (tested). */
  targetSeconds: number;
  items: RoutineItem[];
}

/** One countdown in the player. `repetition` counts from 1 within the stretch (and side). */
export interface RoutineStep {
  stretchId: string;
  side: 'left' | 'right' | null;
  seconds: number;
  repetition: number;
}

/**
 * Get-ready time before every step, the first included (to read the step, get into position, switch sides).
 * Durations below include it so a "2-minute" routine really takes about 2 minutes.
 */
export const TRANSITION_SECONDS = 10;

export const ROUTINES: readonly Routine[] = [
  {
    id: 'quick-2',
    targetSeconds: 120,
    items: [
      { stretchId: 'march-in-place', seconds: 20 },
      { stretchId: 'standing-hip-flexor', seconds: 15 },
      { stretchId: 'chest-opener', seconds: 20, repetitions: 1 },
      { stretchId: 'shoulder-rolls', seconds: 15 },
    ],
  },
  {
    id: 'full-5',
    targetSeconds: 300,
    items: [
      { stretchId: 'march-in-place', seconds: 30 },
      { stretchId: 'standing-hip-flexor', seconds: 20 },
      { stretchId: 'standing-figure-four', seconds: 20 },
      { stretchId: 'calf-raises', seconds: 25 },
      { stretchId: 'chest-opener', seconds: 20, repetitions: 1 },
      { stretchId: 'standing-side-reach', seconds: 15 },
      { stretchId: 'neck-side-tilt', seconds: 10 },
    ],
  },
  {
    id: 'hips-and-glutes',
    targetSeconds: 240,
    items: [
      { stretchId: 'standing-figure-four', seconds: 22 },
      { stretchId: 'standing-hip-flexor', seconds: 22 },
      { stretchId: 'seated-piriformis', seconds: 22 },
      { stretchId: 'knee-to-opposite-shoulder', seconds: 22 },
    ],
  },
  {
    id: 'seated-2',
    targetSeconds: 120,
    items: [
      { stretchId: 'neck-side-tilt', seconds: 10 },
      { stretchId: 'shoulder-rolls', seconds: 15 },
      { stretchId: 'upper-back-reach', seconds: 15, repetitions: 1 },
      { stretchId: 'seated-spinal-twist', seconds: 12 },
    ],
  },
  {
    // The 5-minute break for seated mode (shared/movementMode.ts): every stretch done in the chair.
    id: 'seated-5',
    targetSeconds: 300,
    items: [
      { stretchId: 'shoulder-rolls', seconds: 30 },
      { stretchId: 'neck-side-tilt', seconds: 15 },
      { stretchId: 'upper-back-reach', seconds: 15 },
      { stretchId: 'seated-spinal-twist', seconds: 15 },
      { stretchId: 'seated-piriformis', seconds: 20 },
      { stretchId: 'wrist-forearm-stretch', seconds: 15 },
    ],
  },
];

export function routineById(id: string): Routine | undefined {
  return ROUTINES.find((r) => r.id === id);
}

/** The steps for one stretch on its own (or with a routine's overrides): repetitions × (left, right) or × once. */
export function stretchSteps(stretch: StretchDef, override: Omit<RoutineItem, 'stretchId'> = {}): RoutineStep[] {
  const seconds = override.seconds ?? stretch.holdSeconds;
  const repetitions = override.repetitions ?? stretch.repetitions;
  if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`"${stretch.id}": seconds must be a positive whole number, got ${seconds}`);
  if (!Number.isInteger(repetitions) || repetitions <= 0)
    throw new Error(`"${stretch.id}": repetitions must be a positive whole number, got ${repetitions}`);
  const sides = stretch.sides === 'both' ? (['left', 'right'] as const) : ([null] as const);
  const steps: RoutineStep[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    for (const side of sides) steps.push({ stretchId: stretch.id, side, seconds, repetition });
  }
  return steps;
}

/** Expands a routine into the player's step list; both-sided stretches run left then right. */
export function routineSteps(routine: Routine, catalog: readonly StretchDef[]): RoutineStep[] {
  return routine.items.flatMap(({ stretchId, ...override }) => {
    const stretch = catalog.find((s) => s.id === stretchId);
    if (!stretch) throw new Error(`routine "${routine.id}" uses unknown stretch "${stretchId}"`);
    return stretchSteps(stretch, override);
  });
}

/** Total time of a step list: every hold plus a get-ready pause before each step. */
export function stepsDurationSeconds(steps: readonly RoutineStep[], transitionSeconds = TRANSITION_SECONDS): number {
  const holds = steps.reduce((sum, s) => sum + s.seconds, 0);
  return holds + transitionSeconds * steps.length;
}

export function routineDurationSeconds(
  routine: Routine,
  catalog: readonly StretchDef[],
  transitionSeconds = TRANSITION_SECONDS,
): number {
  return stepsDurationSeconds(routineSteps(routine, catalog), transitionSeconds);
}
