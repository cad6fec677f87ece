/** Words and numbers as the views show them, in the window's language. */
import { formatMinutes as minutesIn } from '../../shared/durationText.js';
import { i18n } from '../i18n.js';
import { dateFormat } from './dates.js';

/** "1 h 35 min" in the window's language ("1 Std. 35 Min.", "1時間35分"). */
export const formatMinutes = (minutes: number): string => minutesIn(minutes, i18n.t);
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

export function formatNumber(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

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
