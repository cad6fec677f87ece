/** Words and numbers as the views show them. */
import { dateFormat } from './dates.js';

const MINUTE = 60_000;

/** 95 min → "1 h 35 min"; under a minute → "0 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

export const formatMs = (ms: number): string => formatMinutes(ms / MINUTE);

/** A running timer: "12:05" or "1:02:05". */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** A countdown in whole seconds, rounded up so it reads 1 until it hits 0. */
export const secondsLeft = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

export function formatTime(at: number, zone?: string): string {
  return dateFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
}

/** "in 12 min" / "now". */
export function formatIn(ms: number): string {
  if (ms <= 30_000) return 'now';
  return `in ${formatMinutes(ms / MINUTE)}`;
}

export function formatNumber(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}
