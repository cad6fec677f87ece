import { createInstance, type Resource, type TFunction } from 'i18next';
import * as cardinals from 'make-plural/cardinals';
import * as categories from 'make-plural/pluralCategories';
import { NAMESPACES } from './languages.js';

type PluralFn = (n: number | string) => string;

/**
 * CLDR's plural rules as plain functions (make-plural, generated from CLDR), in place of the
 * Intl.PluralRules i18next would build: the first Intl formatter maps ~8 MB of ICU locale data into
 * the process, which the background daemon cannot afford (tests/reliability/daemonWithoutIntl.test.ts).
 * The same categories, so the catalogs' _one/_few/_many keys are chosen as Intl would choose them.
 */
function cldrRule(code: string): { select(n: number): string; resolvedOptions(): { pluralCategories: string[] } } | undefined {
  const lang = (code === 'dev' ? 'en' : code).split(/[-_]/)[0]!.toLowerCase();
  const select = (cardinals as unknown as Record<string, PluralFn | undefined>)[lang];
  const cats = (categories as unknown as Record<string, { cardinal: string[] } | undefined>)[lang];
  if (!select || !cats) return undefined;
  return { select: (n) => select(n), resolvedOptions: () => ({ pluralCategories: [...cats.cardinal] }) };
}

/**
 * A synchronous i18next instance over catalogs already in memory: the main process and the daemon
 * (notifications, tray) bundle their few namespaces; the renderer loads its own lazily (renderer/i18n.ts).
 * Plurals follow CLDR through i18next's `count` suffixes (_one, _few, _other…), chosen by make-plural's rules.
 */
export function createTranslator(lng: string, resources: Resource): TFunction {
  const i18n = createInstance();
  void i18n.init({
    lng,
    fallbackLng: 'en',
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'notify',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const resolver = i18n.services.pluralResolver as unknown as { getRule(code: string, options?: { ordinal?: boolean }): unknown };
  const intlRule = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options = {}) => (options.ordinal ? intlRule(code, options) : (cldrRule(code) ?? intlRule(code, options)));
  return i18n.t;
}
