// The built page runs prefetchRoute from its own small early entry (early.ts), before this bundle
// arrives; importing it here too keeps the calls starting once wherever that entry is absent (dev server).
import './prefetchRoute.js';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './App.js';
import { getBridge } from './bridge/index.js';
import { languageFor, switchLanguage } from './i18n.js';

// Marks for the benchmark's breakdown: bundle evaluated → data in → view drawn.
performance.mark('sitwell-app-start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Drawn at once in the system's language (English is in the bundle; another is one small fetch);
// a language chosen in Settings follows as soon as the settings are in, and on every change.
void switchLanguage(languageFor(null)).finally(() => createRoot(root).render(<App />));
getBridge()
  .getSettings({})
  .then((s) => switchLanguage(languageFor(s)), () => {});
getBridge().on('settings', (s) => void switchLanguage(languageFor(s)));
