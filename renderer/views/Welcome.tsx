import { useState } from 'react';
import { useSettings } from '../lib/hooks.js';
import { href } from '../lib/route.js';

/** Remembered in this window's storage: the welcome is shown until the user closes it. */
const SEEN_KEY = 'sitwell.welcome.seen';

/** The welcome's words, in one place for translation. */
const TEXT = {
  heading: 'Welcome to Sitwell',
  rules: (sitLimit: number, minBreak: number) => [
    `Sitwell counts how long you sit at the computer without a break, from your keyboard and mouse.`,
    `After ${sitLimit} minutes of sitting it asks you to get up.`,
    `Being away from the keyboard and mouse for ${minBreak} minutes or more counts as a break, and the count starts again.`,
    'Locking the screen or putting the computer to sleep counts as time away.',
  ],
  test: 'Show me a test prompt',
  done: 'Got it',
} as const;

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** A short first-run welcome on Now: the rules in plain words and a way to see a prompt before the first real one. */
export function Welcome() {
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
      <h2 id="welcome-h">{TEXT.heading}</h2>
      <ul>
        {TEXT.rules(settings.data.sitLimitMinutes, settings.data.minBreakMinutes).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <div className="row">
        <a className="button primary" href={`${href('prompt')}?preview=1`} onClick={close}>
          {TEXT.test}
        </a>
        <button type="button" onClick={close}>
          {TEXT.done}
        </button>
      </div>
    </section>
  );
}
