import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PSEUDO_LANGUAGE } from '../../shared/i18n/languages.js';
import { ROUTINES } from '../../shared/routines.js';
import { SHARED_CAUTIONS, STRETCHES } from '../../shared/stretches/index.js';
import pending from '../../scripts/i18n-pending.json';
import { LOCALES, routinesIn, stretchesCatalog, stretchesIn } from '../helpers/stretchWords.js';

const underWay = new Set<string>(pending.stretches);
const translated = LANGUAGES.filter((l) => !underWay.has(l));
const EN = stretchesIn('en');

describe('the stretch catalog has its words in every language', () => {
  it('a language still being translated is listed in scripts/i18n-pending.json; every other one has its file', () => {
    for (const lng of LANGUAGES) expect(existsSync(join(LOCALES, lng, 'stretches.json')), lng).toBe(!underWay.has(lng));
  });

  describe.each([...translated, PSEUDO_LANGUAGE])('%s', (lng) => {
    const stretches = stretchesIn(lng);
    // A key i18next cannot find comes back as the key itself.
    const isWord = (s: string) => s.trim().length > 0 && !/^(stretch|routine|caution)\.[\w.-]+$/.test(s);

    it.each(STRETCHES.map((s, i) => [s.id, i] as const))('%s: name, summary, every step and caution as in English, the drawing\'s text alternative', (_id, i) => {
      const s = stretches[i]!;
      const en = EN[i]!;
      expect([s.name, s.summary].every(isWord), `${s.id} name/summary`).toBe(true);
      expect(s.steps.length, `${s.id} steps`).toBe(en.steps.length);
      expect(s.cautions.length, `${s.id} cautions`).toBe(en.cautions.length);
      const picture = /<title>([^<]*)<\/title>/.exec(s.illustration)?.[1] ?? '';
      for (const text of [...s.steps.map((x) => x.text), ...s.cautions, picture]) expect(isWord(text), `${s.id}: ${text}`).toBe(true);
      if (lng !== 'en') for (const [a, b] of s.steps.map((x, k) => [x.text, en.steps[k]!.text])) expect(a, `${s.id}: untranslated step`).not.toBe(b);
    });

    it('the shared cautions and the routines', () => {
      const cat = stretchesCatalog(lng) as { caution: Record<string, string> };
      for (const c of SHARED_CAUTIONS) expect(isWord(cat.caution[c] ?? ''), c).toBe(true);
      const routines = routinesIn(lng);
      expect(routines.map((r) => r.id)).toEqual(ROUTINES.map((r) => r.id));
      for (const r of routines) expect([r.name, r.summary].every(isWord), r.id).toBe(true);
    });
  });

  it('cautions: a stretch\'s own, then the shared ones, worded once for the whole catalog', () => {
    const piriformis = EN.find((s) => s.id === 'seated-piriformis')!;
    expect(piriformis.cautions[0]).toMatch(/without wheels/);
    expect(piriformis.cautions.slice(-4)).toEqual(
      ['legNerve', 'hipReplacement', 'kneeCrossed', 'bonesPregnancy'].map((c) => (stretchesCatalog('en') as { caution: Record<string, string> }).caution[c]),
    );
  });
});
