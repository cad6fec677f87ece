import { readFile, stat } from 'node:fs/promises';
import type { IcsCalendar } from './calendarIcs.js';
import type { BusySource } from './types.js';

export interface CalendarSourceOptions {
  /** The user's zone, for floating times. */
  zone: () => string;
  now?: () => number;
}

/**
 * An event under way in the .ics file the user picked. The file is parsed once and again only when it
 * changes (size or modification time); the parser (ical.js) loads on the first reading.
 */
export function createCalendarSource(file: string, opts: CalendarSourceOptions): BusySource {
  let parsed: { mtimeMs: number; size: number; calendar: IcsCalendar } | null = null;
  const now = opts.now ?? Date.now;
  return {
    name: 'calendar-ics',
    reason: 'calendar',
    async check() {
      let info;
      try {
        info = await stat(file);
      } catch (e) {
        throw new Error(`cannot read the calendar file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}`, { cause: e });
      }
      if (!parsed || parsed.mtimeMs !== info.mtimeMs || parsed.size !== info.size) {
        const { parseIcs } = await import('./calendarIcs.js');
        const text = await readFile(file, 'utf8');
        try {
          parsed = { mtimeMs: info.mtimeMs, size: info.size, calendar: parseIcs(text) };
        } catch (e) {
          throw new Error(`${file} is not an iCalendar file: ${(e as Error).message}`, { cause: e });
        }
      }
      const on = parsed.calendar.eventAt(now(), opts.zone());
      if (on) return { busy: true, detail: `"${on.summary}" until ${new Date(on.end).toISOString()}` };
      return { busy: false, detail: `no event under way (${parsed.calendar.events} in the file)` };
    },
    close() {},
  };
}
