/**
 * The movement mode's one rule (Settings: standing moves and walks, or seated moves only), asked by
 * every place that offers a move: the break prompt's suggestion, the Stretches page, Now's routine
 * buttons and the tray's "Start stretch". Pure data, usable by the renderer, main and the daemon.
 */
import type { Routine } from './routines.js';
import type { MovementMode } from './settingsRules.js';
import type { StretchDef, StretchPosition } from './stretches/types.js';

/** A mode offers the moves done in its position: standing moves in 'standing', seated ones in 'seated'. */
export const fitsMode = (position: StretchPosition, mode: MovementMode): boolean => position === mode;

/**
 * Where a routine is done: seated only if every stretch in it is seated (a seated user can do all of it);
 * one standing stretch makes it a standing routine. An unknown stretch id counts as standing.
 */
export function routinePosition(routine: Routine, catalog: readonly StretchDef[]): StretchPosition {
  const seated = routine.items.every((i) => catalog.find((s) => s.id === i.stretchId)?.position === 'seated');
  return seated ? 'seated' : 'standing';
}

/** The two lengths Now and the tray offer: a short routine and the 5-minute one. */
export type RoutineLength = 'short' | 'long';

const MODE_ROUTINES: Readonly<Record<MovementMode, Readonly<Record<RoutineLength, string>>>> = {
  standing: { short: 'quick-2', long: 'full-5' },
  seated: { short: 'seated-2', long: 'seated-5' },
};

/** The routine Now's buttons, the prompt's fallback and the tray's "Start stretch" play in a mode. */
export const routineFor = (mode: MovementMode, length: RoutineLength): string => MODE_ROUTINES[mode][length];

/**
 * Items split by the mode, order kept within each part: those that fit it, then the others.
 * `otherShown`: whether a list shows the others before the user asks. Seated mode hides the standing
 * ones (no use to someone who cannot stand, and a wall of them buries what they can do); standing mode
 * lists everything after its own, since a seated stretch is still fine for someone who can stand.
 */
export interface ForMode<T> {
  fit: T[];
  other: T[];
  otherShown: boolean;
}

function split<T>(items: readonly T[], positionOf: (item: T) => StretchPosition, mode: MovementMode): ForMode<T> {
  const fit: T[] = [];
  const other: T[] = [];
  for (const item of items) (fitsMode(positionOf(item), mode) ? fit : other).push(item);
  return { fit, other, otherShown: mode === 'standing' };
}

/** The catalog for the Stretches page and the prompt: the mode's stretches, then the rest. */
export function stretchesForMode<S extends StretchDef>(catalog: readonly S[], mode: MovementMode): ForMode<S> {
  return split(catalog, (s) => s.position, mode);
}

/** The routines for the Stretches page: those done in the mode's position, then the rest. */
export function routinesForMode<R extends Routine>(routines: readonly R[], catalog: readonly StretchDef[], mode: MovementMode): ForMode<R> {
  return split(routines, (r) => routinePosition(r, catalog), mode);
}
