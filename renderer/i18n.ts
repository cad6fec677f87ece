/// <reference types="vite/client" />
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, resolveLanguage, textDirection, type CatalogLanguage } from '../shared/i18n/languages.js';
import type { Settings } from '../shared/settings.js';
// English is the default and the fallback: bundled, so an English window never waits for a catalog.
import enApp from '../shared/i18n/locales/en/app.json';
import enStretches from '../shared/i18n/locales/en/stretches.json';

/**
 * The window's i18next: English in the bundle, any other language fetched when chosen (a Vite
 * dynamic import per language: only the active one is loaded). `<html lang dir>` follow it.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { app: enApp, stretches: enStretches } },
  ns: ['app', 'stretches'],
  defaultNS: 'app',
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
});

/** The browser's languages (in Electron they are the app's locale), `?lng=` first for tests and links. */
export function systemLocales(): string[] {
  const forced = new URLSearchParams(window.location.search).get('lng');
  return [...(forced ? [forced] : []), ...navigator.languages];
}

/** The window's namespaces: `app` (its own words) and `stretches` (the stretch catalog's words). */
const WINDOW_NAMESPACES = ['app', 'stretches'] as const;

/** One lazily loaded chunk per language and namespace (English is above, in the bundle). */
const CATALOGS = import.meta.glob<{ default: Record<string, unknown> }>([
  '../shared/i18n/locales/*/app.json',
  '../shared/i18n/locales/*/stretches.json',
  '!../shared/i18n/locales/en/*.json',
]);

async function loadCatalog(lng: CatalogLanguage): Promise<void> {
  await Promise.all(
    WINDOW_NAMESPACES.map(async (ns) => {
      if (i18n.hasResourceBundle(lng, ns)) return;
      const load = CATALOGS[`../shared/i18n/locales/${lng}/${ns}.json`];
      if (!load) {
        if (ns === 'app') throw new Error(`no ${ns} catalog for ${lng}`);
        return; // a namespace still being translated (scripts/i18n-pending.json): English fills in
      }
      i18n.addResourceBundle(lng, ns, (await load()).default);
    }),
  );
}

let wanted: CatalogLanguage = 'en';

/** Switches the window to `lng` once its catalog is in; a later call wins over an earlier one still loading. */
export async function switchLanguage(lng: CatalogLanguage): Promise<void> {
  wanted = lng;
  try {
    await loadCatalog(lng);
  } catch {
    lng = 'en'; // a catalog that failed to load: English rather than a half-translated window
  }
  if (wanted !== lng && lng !== 'en') return;
  // The same language again (the settings' answer, and every settings change pushed to the window):
  // changeLanguage would still announce a change, and every translated component would render again,
  // the statistics page rebuilding its charts.
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  document.documentElement.dir = textDirection(lng);
}

/** The language the settings ask for ('system' → the browser's / the OS's). */
export const languageFor = (settings: Pick<Settings, 'language'> | null): CatalogLanguage =>
  settings ? resolveLanguage(settings.language, systemLocales()) : pickLanguage(systemLocales());
