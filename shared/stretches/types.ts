/** The stretch catalog's types. Pure data: no Node or DOM APIs, so both the main process and the renderer can import it. */

export const STRETCH_AREAS = [
  'hips',
  'glutes',
  'lower-back',
  'neck',
  'shoulders',
  'upper-back',
  'legs',
  'wrists',
  'whole-body',
] as const;
export type StretchArea = (typeof STRETCH_AREAS)[number];

export const STRETCH_POSITIONS = ['seated', 'standing'] as const;
export type StretchPosition = (typeof STRETCH_POSITIONS)[number];

/** 'both' means the player runs the hold on the left side, then on the right. */
export type StretchSides = 'none' | 'both';

export interface StretchStep {
  /** One imperative sentence ("Sit tall near the front of the chair."). */
  text: string;
}

export interface Stretch {
  /** Stable kebab-case id; stored in session history, so never rename one. */
  id: string;
  name: string;
  area: StretchArea;
  position: StretchPosition;
  /** One sentence saying what it does and for whom. */
  summary: string;
  /** 2–5 imperative steps. */
  steps: StretchStep[];
  /** How long one hold (or one timed block of a moving exercise) lasts, per side. */
  holdSeconds: number;
  sides: StretchSides;
  /** Holds per side. */
  repetitions: number;
  cautions: string[];
  /**
   * A complete SVG document as a string: viewBox "0 0 120 120", strokes in currentColor (so it follows the
   * theme), a <title> for screen readers, no scripts and no external references. Safe to inline.
   */
  illustration: string;
}
