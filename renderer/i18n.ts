/// <reference types="vite/client" />
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, resolveLanguage, textDirection, type CatalogLanguage } from '../shared/i18n/languages.js';
import type { Settings } from '../shared/settings.js';
// English is the default and the fallback: bundled, so an English window never waits for a catalog.
import enApp from '../shared/i18n/locales/en/app.json';

/**
 * The window's i18next: English in the bundle, any other language fetched when chosen (a Vite
 * dynamic import per language: only the active one is loaded). `<html lang dir>` follow it.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { app: enApp } },
  ns: ['app'],
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

/** One lazily loaded chunk per language (English is above, in the bundle). */
const CATALOGS = import.meta.glob<{ default: Record<string, unknown> }>(['../shared/i18n/locales/*/app.json', '!../shared/i18n/locales/en/app.json']);

async function loadCatalog(lng: CatalogLanguage): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'app')) return;
  const load = CATALOGS[`../shared/i18n/locales/${lng}/app.json`];
  if (!load) throw new Error(`no catalog for ${lng}`);
  i18n.addResourceBundle(lng, 'app', (await load()).default);
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
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  document.documentElement.dir = textDirection(lng);
}

/** The language the settings ask for ('system' → the browser's / the OS's). */
export const languageFor = (settings: Pick<Settings, 'language'> | null): CatalogLanguage =>
  settings ? resolveLanguage(settings.language, systemLocales()) : pickLanguage(systemLocales());
