import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/**
 * The events of a local iCalendar file that make the user busy (DESIGN.md §6): timed, not transparent,
 * not cancelled. Parsing, recurrences (RRULE, RDATE, EXDATE, moved occurrences) and the file's own
 * VTIMEZONEs are ical.js's; a TZID without a VTIMEZONE is read as an IANA zone, and a floating time in
 * the user's zone. Loaded only when the user has picked a file.
 */

interface BusyEvent {
  event: ICAL.Event;
  summary: string;
}

export interface IcsCalendar {
  /** The first busy event under way at `wall` (epoch ms), or null. */
  eventAt(wall: number, userZone: string): { summary: string; start: number; end: number } | null;
  readonly events: number;
}

/** `seriesZone`: the TZID of the series' DTSTART, which ical.js does not carry over to the occurrences when it has no VTIMEZONE. */
function epochOf(t: ICAL.Time, userZone: string, seriesZone?: string): number {
  const zone = t.zone;
  if (zone === ICAL.Timezone.utcTimezone) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid && zone.tzid !== 'floating') return t.toUnixTime() * 1000;
  const named = (t as unknown as { timezone?: string }).timezone ?? seriesZone;
  const local = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
  if (named) {
    const inZone = DateTime.fromObject(local, { zone: named });
    if (inZone.isValid) return inZone.toMillis();
  }
  return DateTime.fromObject(local, { zone: userZone }).toMillis();
}

/** Parses iCalendar text; throws with ical.js's message when it is not one. */
export function parseIcs(text: string): IcsCalendar {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const masters = new Map<string, BusyEvent>();
  const exceptions: ICAL.Component[] = [];
  const singles: BusyEvent[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    if (vevent.hasProperty('recurrence-id')) {
      exceptions.push(vevent);
      continue;
    }
    const event = new ICAL.Event(vevent);
    const entry = { event, summary: event.summary || '(untitled event)' };
    if (event.uid) masters.set(event.uid, entry);
    else singles.push(entry);
  }
  for (const ex of exceptions) masters.get(String(ex.getFirstPropertyValue('uid')))?.event.relateException(ex);
  const all = [...masters.values(), ...singles];

  const blocks = (c: ICAL.Component) =>
    String(c.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase() !== 'TRANSPARENT' && String(c.getFirstPropertyValue('status') ?? '').toUpperCase() !== 'CANCELLED';

  return {
    events: all.length,
    eventAt(wall, userZone) {
      for (const { event, summary } of all) {
        if (!event.startDate) continue;
        const seriesZone = (event.startDate as unknown as { timezone?: string }).timezone;
        const occurrences = event.isRecurring() ? event.iterator() : null;
        const one = (start: ICAL.Time) => {
          const d = event.getOccurrenceDetails(start);
          // All-day events (DATE values) mark a day, not a meeting.
          if (d.startDate.isDate || !blocks(d.item.component)) return null;
          const s = epochOf(d.startDate, userZone, seriesZone);
          const e = epochOf(d.endDate, userZone, seriesZone);
          return { s, e, title: d.item.summary || summary };
        };
        if (!occurrences) {
          const o = one(event.startDate);
          if (o && o.s <= wall && wall < o.e) return { summary: o.title, start: o.s, end: o.e };
          continue;
        }
        for (let next = occurrences.next(); next; next = occurrences.next()) {
          const o = one(next);
          if (!o) {
            // An all-day series never becomes busy; a cancelled or transparent occurrence is skipped.
            if (next.isDate) break;
            if (epochOf(next, userZone, seriesZone) > wall) break;
            continue;
          }
          if (o.s > wall) break;
          if (wall < o.e) return { summary: o.title, start: o.s, end: o.e };
        }
      }
      return null;
    },
  };
}
