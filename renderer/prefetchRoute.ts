import { prefetch } from './bridge/prefetch.js';
import { isCalendarDate, rangeOf, RANGE_KINDS, type RangeKind } from '../shared/calendar.js';
import { parseHash } from './lib/route.js';

/**
 * Run by the early entry (early.ts) before the main bundle has arrived, and imported by main.tsx
 * for where that entry is absent: starts the current view's calls while React and the views are
 * still being loaded. Only what the view is certain to ask for, with the exact same input.
 */
const route = parseHash(window.location.hash);
// The Stretches list (not the player) waits for the movement mode: asked for here, it is often in by the first render.
const catalog = route.view === 'stretch' && route.rest.length === 0;
if (route.view === 'stats' || route.view === 'settings' || route.view === 'prompt' || catalog) prefetch('getSettings', {});
if (route.view === 'stats') {
  // The zone (when the settings leave it to the system) and the computers for the selector: asked
  // after the first frame otherwise, their answers arriving while the report is being drawn.
  prefetch('getInfo', {});
  prefetch('getSync', {});
  const q = route.query;
  const from = q.get('from');
  const to = q.get('to');
  const kind = q.get('range') as RangeKind | null;
  const date = q.get('date');
  if (isCalendarDate(from) && isCalendarDate(to) && from <= to) prefetch('getStats', { from, to });
  else if (kind && (RANGE_KINDS as readonly string[]).includes(kind) && isCalendarDate(date)) prefetch('getStats', rangeOf(kind, date));
}
