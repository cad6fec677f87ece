/**
 * The catalog's words in one language: a stretch's name, summary, steps, cautions and the text alternative of
 * its drawing (the SVG <title> a screen reader says), a routine's name and
 * summary (the page around them, its tags and the safety line are the window's `app` words), from the `stretches` i18n namespace (shared/i18n/locales/<language>/stretches.json, keyed by id).
 * Pure: the caller passes its `t` (the window's react-i18next, or a translator over the bundled English).
 */
import type { Routine } from '../routines.js';
import { withTitle } from './drawing.js';
import type { Stretch, StretchDef } from './types.js';

/** The part of i18next's `t` this needs (any namespace bound: the keys name theirs). */
export type WordsT = (key: string, options: { ns: 'stretches'; returnObjects?: boolean }) => unknown;

const NS = { ns: 'stretches' } as const;
const list = (t: WordsT, key: string): string[] => {
  const v = t(key, { ...NS, returnObjects: true });
  return Array.isArray(v) ? v.map(String) : [];
};

export function stretchWords(t: WordsT, def: StretchDef): Stretch {
  const key = `stretch.${def.id}`;
  return {
    ...def,
    name: String(t(`${key}.name`, NS)),
    summary: String(t(`${key}.summary`, NS)),
    steps: list(t, `${key}.steps`).map((text) => ({ text })),
    cautions: [...list(t, `${key}.cautions`), ...def.sharedCautions.map((c) => String(t(`caution.${c}`, NS)))],
    illustration: withTitle(def.illustration, String(t(`${key}.picture`, NS))),
  };
}

export interface RoutineWords {
  name: string;
  summary: string;
}

export const routineWords = (t: WordsT, routine: Pick<Routine, 'id'>): RoutineWords => ({
  name: String(t(`routine.${routine.id}.name`, NS)),
  summary: String(t(`routine.${routine.id}.summary`, NS)),
});
