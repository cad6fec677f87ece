import { useEffect, useRef, useState } from 'react';
import { TRANSITION_SECONDS, type RoutineStep } from '../../shared/routines.js';
import { queryParam } from '../lib/route.js';
import { playChime } from './chime.js';
import { initialState, phaseRanOut, skip, tick, togglePause, type PlayerState } from './playerModel.js';

/**
 * The documented testing hook: `?speed=N` (in the page query or the hash query) runs the
 * player's clock N times faster, so end-to-end tests can finish a routine in seconds.
 */
export function playerSpeed(): number {
  const n = Number(queryParam('speed'));
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** `chime`: sound the chime when a hold or a get-ready runs out (read at each phase end, so the toggle applies at once). */
export function usePlayer(steps: readonly RoutineStep[], chime: () => boolean = () => false) {
  const readyMs = TRANSITION_SECONDS * 1000;
  const [state, setState] = useState<PlayerState>(() => initialState(steps, readyMs));
  const speed = useRef(playerSpeed()).current;
  const chimeRef = useRef(chime);
  chimeRef.current = chime;
  const previous = useRef(state);
  // A step skipped by hand is no phase running out: no chime for it.
  const skipped = useRef(false);
  useEffect(() => {
    if (phaseRanOut(previous.current, state) && !skipped.current && chimeRef.current()) playChime();
    skipped.current = false;
    previous.current = state;
  }, [state]);

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
    skip: () => {
      skipped.current = true;
      setState((s) => skip(s, steps, readyMs));
    },
  };
}
