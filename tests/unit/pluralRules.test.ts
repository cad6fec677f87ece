import * as cardinals from 'make-plural/cardinals';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages.js';

/**
 * The translator picks plural forms with make-plural's CLDR functions instead of Intl.PluralRules (the
 * daemon builds no Intl formatter). They must agree with Intl for every shipped language.
 */
describe('make-plural agrees with Intl.PluralRules for every shipped language', () => {
  it.each(LANGUAGES.map((l) => [l]))('%s, 0 to 1 000', (lng) => {
    const base = lng.split('-')[0]!;
    const select = (cardinals as unknown as Record<string, (n: number) => string>)[base]!;
    const intl = new Intl.PluralRules(lng);
    for (let n = 0; n <= 1000; n++) expect(select(n), `${lng} ${n}`).toBe(intl.select(n));
  });
});
