/** The stretch catalog with its words in one language, as the window shows it (the `stretches` namespace through i18next). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTINES } from '../../shared/routines.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { routineWords, STRETCHES, stretchWords, type Stretch, type WordsT } from '../../shared/stretches/index.js';

export const LOCALES = join(import.meta.dirname, '../../shared/i18n/locales');

export const stretchesCatalog = (lng: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(LOCALES, lng, 'stretches.json'), 'utf8')) as Record<string, unknown>;

/** `t` over the `stretches` catalog of `lng` alone (no English fallback, so a gap shows as its key). */
export const wordsT = (lng: string): WordsT => createTranslator(lng, { [lng]: { stretches: stretchesCatalog(lng) } }) as unknown as WordsT;

export function stretchesIn(lng: string): Stretch[] {
  const t = wordsT(lng);
  return STRETCHES.map((d) => stretchWords(t, d));
}

export function routinesIn(lng: string) {
  const t = wordsT(lng);
  return ROUTINES.map((r) => ({ ...r, ...routineWords(t, r) }));
}
