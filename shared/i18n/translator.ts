import { createInstance, type Resource, type TFunction } from 'i18next';
import { NAMESPACES } from './languages.js';

/**
 * A synchronous i18next instance over catalogs already in memory: the main process and the daemon
 * (notifications, tray) bundle their few namespaces; the renderer loads its own lazily (renderer/i18n.ts).
 * Plurals go through Intl.PluralRules (CLDR) via i18next's `count` suffixes (_one, _few, _other…).
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
  return i18n.t;
}
