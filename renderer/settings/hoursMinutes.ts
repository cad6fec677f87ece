/**
 * The daily sitting limit is typed as h:mm ("6:00", "7:30"), which reads as a day's time; the
 * settings keep minutes. Pure, so the form and its tests share one reading.
 */
export type HoursMinutes = { minutes: number; problem: null } | { minutes: null; problem: 'format' | 'minutes' };

export function parseHoursMinutes(text: string): HoursMinutes {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return { minutes: null, problem: 'format' };
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59) return { minutes: null, problem: 'minutes' };
  return { minutes: h * 60 + min, problem: null };
}

/** 360 → "6:00". */
export function formatHoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
