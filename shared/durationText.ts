/** Minutes as people read them, the same in the CLI, the tray and the window. */

/** 95 min → "1 h 35 min"; under half a minute → "0 min". Rounds first, so 119.6 min is "2 h", never "1 h 60 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

export const formatMs = (ms: number): string => formatMinutes(ms / 60_000);

/** Whole minutes already passed, for a counter that ticks up: 59.9 min is still "59 min". */
export const formatElapsedMs = (ms: number): string => formatMinutes(Math.floor(ms / 60_000));
