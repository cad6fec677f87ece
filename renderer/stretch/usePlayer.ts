import { useEffect, useRef, useState } from 'react';
import { TRANSITION_SECONDS, type RoutineStep } from '../../shared/routines.js';
import { queryParam } from '../lib/route.js';
import { initialState, skip, tick, togglePause, type PlayerState } from './playerModel.js';

/**
 * The documented testing hook: `?speed=N` (in the page query or the hash query) runs the
 * player's clock N times faster, so end-to-end tests can finish a routine in seconds.
 */
export function playerSpeed(): number {
  const n = Number(queryParam('speed'));
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

export function usePlayer(steps: readonly RoutineStep[]) {
  const readyMs = TRANSITION_SECONDS * 1000;
  const [state, setState] = useState<PlayerState>(() => initialState(steps, readyMs));
  const speed = useRef(playerSpeed()).current;

  const finished = state.phase === 'finished';
  useEffect(() => {
    if (finished || state.paused) return;
    let last = performance.now();
    const t = setInterval(
      () => {
        const now = performance.now();
        const elapsed = (now - last) * speed;
        last = now;
        setState((s) => tick(s, steps, elapsed, readyMs));
      },
      Math.max(16, Math.min(200, 200 / speed)),
    );
    return () => clearInterval(t);
  }, [finished, state.paused, steps, speed, readyMs]);

  return {
    state,
    speed,
    pauseOrResume: () => setState(togglePause),
    skip: () => setState((s) => skip(s, steps, readyMs)),
  };
}
