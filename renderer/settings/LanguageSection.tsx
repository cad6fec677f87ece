import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, pickLanguage, type Language } from '../../shared/i18n/languages.js';
import type { Settings } from '../../shared/settings.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { languageFor, switchLanguage, systemLocales } from '../i18n.js';

/** The language picker: applies at once (no Save), for the window, the tray and the next notification. */
export function LanguageSection({ value, onSaved }: { value: Settings['language']; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const system = pickLanguage(systemLocales());
  const systemName = system in LANGUAGE_NAMES ? LANGUAGE_NAMES[system as Language] : system;

  async function choose(language: Settings['language']) {
    setError(null);
    try {
      const saved = await getBridge().updateSettings({ language });
      await switchLanguage(languageFor(saved));
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="card" aria-labelledby="language-h">
      <h2 id="language-h">{t('language')}</h2>
      <select id="language-select" aria-labelledby="language-h" value={value} onChange={(e) => void choose(e.target.value as Settings['language'])}>
        <option value="system">{t('systemLanguage', { name: systemName })}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
