import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../lib/format.js';
import { useSettings } from '../lib/hooks.js';
import { href } from '../lib/route.js';

/** Remembered in this window's storage: the welcome is shown until the user closes it. */
const SEEN_KEY = 'sitwell.welcome.seen';

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** A short first-run welcome on Now: the rules in plain words and a way to see a prompt before the first real one. */
export function Welcome() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [hidden, setHidden] = useState(seen);
  if (hidden || !settings.data) return null;
  const close = () => {
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      /* storage refused: it closes for this visit */
    }
    setHidden(true);
  };
  return (
    <section className="card welcome" aria-labelledby="welcome-h" data-testid="welcome">
      <h2 id="welcome-h">{t('welcome.heading')}</h2>
      <ul>
        <li>{t('welcome.rule1')}</li>
        <li>{t('welcome.rule2', { duration: formatMinutes(settings.data.sitLimitMinutes) })}</li>
        <li>{t('welcome.rule3', { duration: formatMinutes(settings.data.minBreakMinutes) })}</li>
        <li>{t('welcome.rule4')}</li>
      </ul>
      <div className="row">
        <a className="button primary" href={`${href('prompt')}?preview=1`} onClick={close}>
          {t('welcome.test')}
        </a>
        <button type="button" onClick={close}>
          {t('welcome.done')}
        </button>
      </div>
    </section>
  );
}
