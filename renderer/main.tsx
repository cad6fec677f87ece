// The built page runs prefetchRoute from its own small early entry (early.ts), before this bundle
// arrives; importing it here too keeps the calls starting once wherever that entry is absent (dev server).
import './prefetchRoute.js';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './App.js';
import { getBridge } from './bridge/index.js';
import { prefetched } from './bridge/prefetch.js';
import { languageFor, switchLanguage } from './i18n.js';
import { rememberSettings } from './lib/hooks.js';

// Marks for the benchmark's breakdown: bundle evaluated → data in → view drawn.
performance.mark('sitwell-app-start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Where the view asked for the settings before this bundle arrived (statistics, Settings, the
// prompt, the Stretches list), their answer is in or nearly, and the view shows nothing without it: the window waits for
// it and draws once, in the chosen language, with the settings at hand. Elsewhere it is drawn at once
// in the system's language (English is in the bundle; another is one small fetch) and the chosen one
// follows. Either way a change made later is followed too.
const early = prefetched('getSettings', {});
const settings = early ?? getBridge().getSettings({});
const firstLanguage = early ? early.then(languageFor, () => languageFor(null)) : Promise.resolve(languageFor(null));
void firstLanguage
  .then(switchLanguage)
  .finally(() => createRoot(root).render(<App />))
  .then(() => settings)
  // Kept for the views too: one opened next draws with them at once (see useSettings).
  .then((s) => switchLanguage(languageFor(rememberSettings(s))), () => {});
getBridge().on('settings', (s) => void switchLanguage(languageFor(rememberSettings(s))));
