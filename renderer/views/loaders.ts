import type { View } from '../lib/route.js';

/**
 * Each view is its own chunk, so opening one view evaluates only its code (the statistics view
 * alone brings uPlot). prefetchRoute.ts starts the current view's chunk before React has loaded.
 */
export const VIEW_LOADERS = {
  now: () => import('./NowView.js').then((m) => ({ default: m.NowView })),
  prompt: () => import('./PromptView.js').then((m) => ({ default: m.PromptView })),
  stretch: () => import('./StretchView.js').then((m) => ({ default: m.StretchView })),
  stats: () => import('./StatsView.js').then((m) => ({ default: m.StatsView })),
  settings: () => import('./SettingsView.js').then((m) => ({ default: m.SettingsView })),
  checkin: () => import('./CheckInView.js').then((m) => ({ default: m.CheckInView })),
};

// Every view has a loader.
const _everyView: Record<View, unknown> = VIEW_LOADERS;
void _everyView;
