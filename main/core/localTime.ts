import { DateTime, IANAZone, SystemZone, type Zone } from 'luxon';
import type { HoursPolicy } from './engine.js';
import { WEEKDAYS, type Settings, type TimeSpan } from '../../shared/settingsRules.js';

/** Local calendar arithmetic in an IANA zone. Days have 23, 24 or 25 hours; luxon knows which. */

/**
 * The zone the JS runtime's own clock (Date) runs in, when the shell has set it (the daemon sets
 * TZ to the user's zone). Arithmetic in that zone then goes through Date's offsets rather than
 * an Intl formatter per zone: the same time-zone data, but the first Intl formatter maps ~8 MB
 * of locale data into the process, an eighth of the daemon's memory.
 */
let runtimeZone: string | null = null;

/** Only for a shell that has just set the process's TZ to `zone` (or null to stop). */
export function setRuntimeZone(zone: string | null): void {
  runtimeZone = zone;
}

/** The zone last given to setRuntimeZone, or null. */
export function getRuntimeZone(): string | null {
  return runtimeZone;
}

const zoneValidity = new Map<string, boolean>();

/** Memoized: an import checks the zone of every record, and luxon's check builds an Intl formatter each time. */
export function isValidZone(zone: string): boolean {
  if (zone === runtimeZone) return true;
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, ok);
  }
  return ok;
}

// Formats here are fixed (ISO dates and times), never the user's locale: naming it spares luxon
// from asking Intl for the system's.
const LOCALE = 'en-US';

function zoneOf(zone: string): Zone | string {
  return zone === runtimeZone ? SystemZone.instance : zone;
}

function at(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: zoneOf(zone), locale: LOCALE });
}

/** ISO-8601 with the zone's offset at that instant, e.g. 2026-03-29T02:20:00+01:00 (never "Z"). */
export function formatInstant(ms: number, zone: string): string {
  return at(ms, zone).toFormat(ms % 1000 === 0 ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}

export function localDate(ms: number, zone: string): string {
  return at(ms, zone).toFormat('yyyy-MM-dd');
}

/** The local time of day as HH:mm (24-hour, the same in every language). */
export function localClock(ms: number, zone: string): string {
  return at(ms, zone).toFormat('HH:mm');
}

/** Start of the local day after the one containing `ms` (handles days whose midnight does not exist). */
export function nextLocalMidnight(ms: number, zone: string): number {
  // The next calendar date by UTC arithmetic, then its first instant in the zone. Not luxon's plus(),
  // which builds a Duration without a locale and so makes luxon ask Intl for the system's (~8 MB).
  const d = at(ms, zone);
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  const day = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return DateTime.fromObject(day, { zone: zoneOf(zone), locale: LOCALE }).startOf('day').toMillis();
}

export function startOfLocalDay(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone: zoneOf(zone), locale: LOCALE }).startOf('day').toMillis();
}

export interface DayPart {
  date: string;
  ms: number;
}

/** Splits [start, end) at local midnights. */
export function splitByDay(start: number, end: number, zone: string): DayPart[] {
  const parts: DayPart[] = [];
  let from = start;
  while (from < end) {
    const midnight = nextLocalMidnight(from, zone);
    // Never stall: should a zone's rules ever give a midnight at or before `from`, move on by an hour.
    const cut = Math.min(end, midnight > from ? midnight : from + 3_600_000);
    parts.push({ date: localDate(from, zone), ms: cut - from });
    from = cut;
  }
  return parts;
}

export interface HourPart {
  date: string;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  hour: number;
  ms: number;
}

/** Splits [start, end) at local hour boundaries, for the hour × weekday heatmap. */
export function splitByHour(start: number, end: number, zone: string): HourPart[] {
  const parts: HourPart[] = [];
  let from = start;
  while (from < end) {
    const local = at(from, zone);
    // Arithmetic on the local minute, not startOf('hour') + 1 h: with a 30-minute DST shift (Lord Howe)
    // the local hour can start twice or half-way, and startOf would then not move forward.
    const toNextHour = ((59 - local.minute) * 60 + (60 - local.second)) * 1000 - local.millisecond;
    const cut = Math.min(end, from + toNextHour);
    parts.push({ date: local.toFormat('yyyy-MM-dd'), weekday: local.weekday - 1, hour: local.hour, ms: cut - from });
    from = cut;
  }
  return parts;
}

function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Is local minute-of-day `m` inside the span? A span whose end is before its start runs past midnight. */
export function inSpan(m: number, span: TimeSpan): boolean {
  const s = minutesOfDay(span.start);
  const e = minutesOfDay(span.end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** Work hours and quiet hours of the settings, as the engine's suppression policy. */
export function hoursPolicy(settings: Pick<Settings, 'workHours' | 'quietHours'>, zone: string): HoursPolicy {
  const { workHours, quietHours } = settings;
  if (!workHours && !quietHours) return () => null;
  return (wall) => {
    const local = at(wall, zone);
    const m = local.hour * 60 + local.minute;
    if (quietHours && inSpan(m, quietHours)) return 'quiet-hours';
    if (workHours) {
      const today = workHours[WEEKDAYS[local.weekday - 1]!];
      if (!today || !inSpan(m, today)) return 'outside-work-hours';
    }
    return null;
  };
}
