/**
 * The main process's catalogs (notifications, their buttons, the tray), bundled: a few KB, and a
 * notification must never wait for a file. The renderer loads its own namespaces lazily (renderer/i18n.ts).
 */
import type { Resource, TFunction } from 'i18next';
import type { CatalogLanguage } from './languages.js';
import { createTranslator } from './translator.js';
import en from './locales/en/notify.json';
import de from './locales/de/notify.json';
import fr from './locales/fr/notify.json';
import es from './locales/es/notify.json';
import it from './locales/it/notify.json';
import ptBR from './locales/pt-BR/notify.json';
import nl from './locales/nl/notify.json';
import pl from './locales/pl/notify.json';
import tr from './locales/tr/notify.json';
import ja from './locales/ja/notify.json';
import zhCN from './locales/zh-CN/notify.json';
import ko from './locales/ko/notify.json';
import ar from './locales/ar/notify.json';
import enXA from './locales/en-XA/notify.json';

const NOTIFY: Record<CatalogLanguage, Resource[string]> = {
  'en': { notify: en },
  'de': { notify: de },
  'fr': { notify: fr },
  'es': { notify: es },
  'it': { notify: it },
  'pt-BR': { notify: ptBR },
  'nl': { notify: nl },
  'pl': { notify: pl },
  'tr': { notify: tr },
  'ja': { notify: ja },
  'zh-CN': { notify: zhCN },
  'ko': { notify: ko },
  'ar': { notify: ar },
  'en-XA': { notify: enXA },
};

const cache = new Map<string, TFunction>();

/** `t` for the notify namespace in `lng` (English filling any gap); one instance per language, kept. */
export function notifyTranslator(lng: CatalogLanguage): TFunction {
  let t = cache.get(lng);
  if (!t) {
    t = createTranslator(lng, { [lng]: NOTIFY[lng], en: NOTIFY.en });
    cache.set(lng, t);
  }
  return t;
}

/** English, the default wherever no language was chosen (tests, the CLI). */
export const englishT = (): TFunction => notifyTranslator('en');
