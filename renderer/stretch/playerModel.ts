import type { RoutineStep } from '../../shared/routines.js';

/**
 * The guided player as a pure state machine (time comes in as `tick(ms)`), so it can be driven
 * by a real clock, a sped-up one (`?speed=N`) or a test.
 *
 * A step is a `hold`; before every step, the first included, there is a `ready` pause to get into position.
 * Skip abandons the current (or upcoming) hold; only holds that ran out count as done.
 */
export type Phase = 'hold' | 'ready' | 'finished';

export interface PlayerState {
  index: number;
  phase: Phase;
  remainingMs: number;
  /** Length of the current phase, for the progress ring. */
  phaseMs: number;
  paused: boolean;
  holdsDone: number;
  /** True once the end was reached by running or skipping through every step (not by Stop). */
  completed: boolean;
}

export function initialState(steps: readonly RoutineStep[], readyMs: number): PlayerState {
  if (steps.length === 0) return { index: 0, phase: 'finished', remainingMs: 0, phaseMs: 0, paused: false, holdsDone: 0, completed: true };
  return { index: 0, phase: 'ready', remainingMs: readyMs, phaseMs: readyMs, paused: false, holdsDone: 0, completed: false };
}

function readyFor(s: PlayerState, steps: readonly RoutineStep[], index: number, readyMs: number): PlayerState {
  if (index >= steps.length) return { ...s, index: steps.length - 1, phase: 'finished', remainingMs: 0, phaseMs: 0, completed: true };
  return { ...s, index, phase: 'ready', remainingMs: readyMs, phaseMs: readyMs };
}

function holdOf(s: PlayerState, steps: readonly RoutineStep[], index: number): PlayerState {
  const ms = (steps[index]?.seconds ?? 0) * 1000;
  return { ...s, index, phase: 'hold', remainingMs: ms, phaseMs: ms };
}

export function tick(s: PlayerState, steps: readonly RoutineStep[], ms: number, readyMs: number): PlayerState {
  let state = s;
  let left = ms;
  // A large tick (a throttled background tab) may cross several phases; carry the remainder over.
  while (left > 0 && state.phase !== 'finished' && !state.paused) {
    if (left < state.remainingMs) return { ...state, remainingMs: state.remainingMs - left };
    left -= state.remainingMs;
    state =
      state.phase === 'hold'
        ? readyFor({ ...state, holdsDone: state.holdsDone + 1 }, steps, state.index + 1, readyMs)
        : holdOf(state, steps, state.index);
  }
  return state;
}

export function skip(s: PlayerState, steps: readonly RoutineStep[], readyMs: number): PlayerState {
  if (s.phase === 'finished') return s;
  return readyFor(s, steps, s.index + 1, readyMs);
}

export const togglePause = (s: PlayerState): PlayerState => (s.phase === 'finished' ? s : { ...s, paused: !s.paused });

/**
 * Whether the optional chime sounds between two states: a hold or a get-ready ran out (the clock moved the
 * player to another phase or step). Pausing does not; a step skipped by hand does not (the user is already
 * looking); the end of the last hold does.
 */
export const phaseRanOut = (before: PlayerState, after: PlayerState): boolean =>
  !before.paused && before.phase !== 'finished' && (after.phase !== before.phase || after.index !== before.index);
