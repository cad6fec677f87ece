import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from './bridge/index.js';
import { href, navigate, parseHash, type View } from './lib/route.js';
import { useHash } from './lib/useHash.js';
import { UnsavedSettingsGuard } from './settings/UnsavedSettings.js';
import { CheckInView } from './views/CheckInView.js';
import { NowView } from './views/NowView.js';
import { PromptView } from './views/PromptView.js';
import { SettingsView } from './views/SettingsView.js';
import { StatsView } from './views/StatsView.js';
import { StretchView } from './views/StretchView.js';

const NAV: readonly View[] = ['now', 'prompt', 'stretch', 'stats', 'checkin', 'settings'];

export function App() {
  const route = parseHash(useHash());
  const [promptWaiting, setPromptWaiting] = useState(false);
  const { t } = useTranslation();
  const title = t(`nav.${route.view}`);

  useEffect(() => {
    document.title = `${title} · Sitwell`;
  }, [title]);

  // A new prompt is announced, never forced on screen: switching views under someone's cursor or
  // typing would steal their focus. Notification clicks are explicit requests, so they do switch.
  useEffect(() => {
    const b = getBridge();
    const offs = [
      b.on('break-prompt', () => setPromptWaiting(true)),
      b.on('prompt-closed', () => setPromptWaiting(false)),
      b.on('open-prompt', () => navigate('prompt')),
      b.on('start-stretch', () => {
        b.suggestStretch({}).then(
          // While stretches are on hold the prompt says what to do instead.
          ({ stretchId, hold }) => (hold ? navigate('prompt') : navigate('stretch', 'play', stretchId)),
          () => navigate('stretch'),
        );
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('skip')}
      </a>
      <header className="app-header">
        <a className="brand" href={href('now')}>
          Sitwell
        </a>
        <nav className="app-nav" aria-label={t('navLabel')}>
          <ul>
            {NAV.map((view) => (
              <li key={view}>
                <a href={href(view)} aria-current={route.view === view ? 'page' : undefined}>
                  {t(`nav.${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {/* Now shows the open prompt itself: one notice, not two. */}
      {promptWaiting && route.view !== 'prompt' && route.view !== 'now' && (
        <div className="banner" role="status">
          <span>{t('banner.text')}</span>
          <a className="button primary" href={href('prompt')}>
            {t('banner.open')}
          </a>
        </div>
      )}
      <UnsavedSettingsGuard view={route.view} />
      <main id="main" tabIndex={-1}>
        {route.view === 'now' && <NowView />}
        {route.view === 'prompt' && <PromptView />}
        {route.view === 'stretch' && <StretchView rest={route.rest} />}
        {route.view === 'stats' && <StatsView query={route.query} />}
        {route.view === 'checkin' && <CheckInView />}
        {route.view === 'settings' && <SettingsView />}
      </main>
    </>
  );
}

/** The skip link must not change the hash (that is the router's). */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
