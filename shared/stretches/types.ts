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

/**
 * Cautions that several stretches carry, worded once (`stretches:caution.<key>`): the same warning reads the
 * same everywhere, in every language.
 */
export const SHARED_CAUTIONS = ['legNerve', 'handOnSupport', 'hipReplacement', 'kneeCrossed', 'bonesPregnancy', 'shoulderInjury'] as const;
export type SharedCaution = (typeof SHARED_CAUTIONS)[number];

/**
 * A catalog entry without its words: what main needs to time, suggest and record it, and its art. The words
 * are in the `stretches` i18n namespace under `stretch.<id>` (see words.ts).
 */
export interface StretchDef {
  /** Stable kebab-case id; stored in session history, so never rename one. */
  id: string;
  area: StretchArea;
  position: StretchPosition;
  /** How long one hold (or one timed block of a moving exercise) lasts, per side. */
  holdSeconds: number;
  sides: StretchSides;
  /** Holds per side. */
  repetitions: number;
  /** Shown after the stretch's own cautions (`stretch.<id>.cautions`). */
  sharedCautions: readonly SharedCaution[];
  /**
   * A complete SVG document as a string: viewBox "0 0 120 120", strokes in currentColor (so it follows the
   * theme), no scripts and no external references. Safe to inline. Without its <title>: words.ts adds the
   * text alternative in the reader's language (`stretch.<id>.picture`).
   */
  illustration: string;
}

export interface StretchStep {
  /** One imperative sentence ("Sit tall near the front of the chair."). */
  text: string;
}

/** A stretch with its words in one language (words.ts); its illustration has its <title>. */
export interface Stretch extends StretchDef {
  name: string;
  /** One sentence saying what it does and for whom. */
  summary: string;
  /** 2–5 imperative steps. */
  steps: StretchStep[];
  /** Its own cautions, then the shared ones. */
  cautions: string[];
}
