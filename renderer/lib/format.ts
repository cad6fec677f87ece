/** Words and numbers as the views show them, in the window's language. */
import { formatMinutes as minutesIn } from '../../shared/durationText.js';
import type { TFunction } from 'i18next';
import { i18n } from '../i18n.js';
import { filledText } from './filledText.js';
import { dateFormat } from './dates.js';

/** The duration texts take their values as they are: filled in without a t() call each (filledText says why). */
const durationT = ((key: string, values: Record<string, number>) => filledText(key, values)) as unknown as TFunction;

/** "1 h 35 min" in the window's language ("1 Std. 35 Min.", "1時間35分"). */
export const formatMinutes = (minutes: number): string => minutesIn(minutes, durationT);
export const formatMs = (ms: number): string => formatMinutes(ms / 60_000);

/** A running timer: "12:05" or "1:02:05". */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

export function formatTime(at: number, zone?: string): string {
  return dateFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
}

/** "in 12 min" / "now". */
export function formatIn(ms: number): string {
  if (ms <= 30_000) return i18n.t('time.now');
  return i18n.t('time.in', { duration: formatMinutes(ms / 60_000) });
}

/** Building an Intl.NumberFormat costs far more than using one: one per language and options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${i18n.language} ${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(i18n.language, opts)));
  return f;
}

/** A measure with a fixed number of decimals in the window's language ("0.412", "0,412"); "—" for none. */
export function formatNumber(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A whole count in the window's language ("1,234", "1.234"). */
export const formatCount = (n: number): string => numberFormat({ maximumFractionDigits: 0 }).format(n);

/** A share as a whole percentage in the window's language ("42%", "42 %", "%42"). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Minutes with one decimal, for averages and research measures: "12.5 min" ("12,5 Min."); "—" for none. */
export const formatDecimalMinutes = (minutes: number | null | undefined): string =>
  minutes === null || minutes === undefined || !Number.isFinite(minutes) ? '—' : filledText('duration.min', { m: formatNumber(minutes) });

/** An hour of the day as the window's language writes times: "9:00 AM", "09:00", "9時00分" (24 is the next midnight). */
export const formatHour = (hour: number): string =>
  dateFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, hour));

/** An instant's local day in words: "Thursday 10 December". */
export function formatDayOf(at: number): string {
  return dateFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
}

/** Until when prompts are paused: "until tomorrow" for the next midnight (not "until 12:00 AM"), "until 14:30 tomorrow", "until 14:30". */
export function formatPausedUntil(until: number, now: number): string {
  if (until >= Number.MAX_SAFE_INTEGER) return i18n.t('time.untilResume');
  const today = new Date(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
  const dayAfter = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 2).getTime();
  if (until >= tomorrow && until < tomorrow + 60_000) return i18n.t('time.untilTomorrow');
  if (until >= tomorrow && until < dayAfter) return i18n.t('time.untilTimeTomorrow', { time: formatTime(until) });
  if (until >= dayAfter) return i18n.t('time.untilDayTime', { day: formatDayOf(until), time: formatTime(until) });
  return i18n.t('time.untilTime', { time: formatTime(until) });
}
