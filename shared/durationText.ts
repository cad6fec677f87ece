/** Minutes as people read them, the same in the CLI, the tray and the window. */
import type { TFunction } from 'i18next';

/**
 * 95 min → "1 h 35 min"; under half a minute → "0 min". Rounds first, so 119.6 min is "2 h", never "1 h 60 min".
 * With `t` (either catalog: both carry `duration.*`) in the user's language ("1 Std. 35 Min.", "1時間35分");
 * without, English (the CLI's language).
 */
export function formatMinutes(minutes: number, t?: TFunction): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (t) return m < 60 ? t('duration.min', { m }) : rest === 0 ? t('duration.h', { h }) : t('duration.hMin', { h, m: rest });
  if (m < 60) return `${m} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

export const formatMs = (ms: number, t?: TFunction): string => formatMinutes(ms / 60_000, t);

/** Whole minutes already passed, for a counter that ticks up: 59.9 min is still "59 min". */
export const formatElapsedMs = (ms: number, t?: TFunction): string => formatMinutes(Math.floor(ms / 60_000), t);
