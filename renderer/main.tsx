// The built page runs prefetchRoute from its own small early entry (early.ts), before this bundle
// arrives; importing it here too keeps the calls starting once wherever that entry is absent (dev server).
import './prefetchRoute.js';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './App.js';

// Marks for the benchmark's breakdown: bundle evaluated → data in → view drawn.
performance.mark('sitwell-app-start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
