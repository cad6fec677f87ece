import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createCalendarSource } from '../../main/platform/busyCalendar.js';

/** Real .ics files read by the real parser (ical.js). */

const dir = mkdtempSync(join(tmpdir(), 'sitwell-ics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ics = (name: string, events: string, extra = '') => {
  const file = join(dir, name);
  writeFileSync(file, `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sitwell tests//EN\r\n${extra}${events}END:VCALENDAR\r\n`);
  return file;
};
const stamp = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");

describe('calendar busy source (real .ics files, ical.js)', () => {
  it('a weekly event in New York that is under way now is busy, whatever the user zone (TZID without VTIMEZONE)', async () => {
    // Started 20 minutes ago, three weeks ago, in New York local time; it lasts an hour.
    const first = DateTime.now().setZone('America/New_York').minus({ weeks: 3, minutes: 20 }).startOf('second');
    const file = ics(
      'weekly.ics',
      `BEGIN:VEVENT\r\nUID:standup@sitwell\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Stand-up\r\nDTSTART;TZID=America/New_York:${stamp(first)}\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n`,
    );
    const source = createCalendarSource(file, { zone: () => 'Asia/Tokyo' });
    const r = await source.check();
    expect(r.busy).toBe(true);
    expect(r.detail).toMatch(/^"Stand-up" until /);
    // 45 minutes later it is over.
    const later = createCalendarSource(file, { zone: () => 'Asia/Tokyo', now: () => Date.now() + 45 * 60_000 });
    expect(await later.check()).toEqual({ busy: false, detail: 'no event under way (1 in the file)' });
  });

  const at = (iso: string) => () => DateTime.fromISO(iso, { setZone: true }).toMillis();

  it('the file\'s own VTIMEZONE decides, across a DST change; EXDATE and a moved occurrence are followed', async () => {
    const vtimezone = `BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n`;
    const file = ics(
      'berlin.ics',
      `BEGIN:VEVENT\r\nUID:weekly@sitwell\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Planning\r\nDTSTART;TZID=W. Europe Standard Time:20260316T100000\r\nDTEND;TZID=W. Europe Standard Time:20260316T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEXDATE;TZID=W. Europe Standard Time:20260406T100000\r\nEND:VEVENT\r\n` +
        `BEGIN:VEVENT\r\nUID:weekly@sitwell\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;TZID=W. Europe Standard Time:20260413T100000\r\nSUMMARY:Planning (moved)\r\nDTSTART;TZID=W. Europe Standard Time:20260413T140000\r\nDTEND;TZID=W. Europe Standard Time:20260413T150000\r\nEND:VEVENT\r\n`,
      vtimezone,
    );
    const check = (iso: string) => createCalendarSource(file, { zone: () => 'UTC', now: at(iso) }).check();
    // Before the change (UTC+1) and after it (UTC+2): 10:30 local each time.
    expect((await check('2026-03-23T09:30:00Z')).busy).toBe(true);
    expect((await check('2026-03-30T08:30:00Z')).busy).toBe(true);
    expect((await check('2026-03-30T09:30:00Z')).busy).toBe(false);
    expect((await check('2026-04-06T08:30:00Z')).busy).toBe(false); // EXDATE
    expect((await check('2026-04-13T08:30:00Z')).busy).toBe(false); // moved away from 10:00
    expect(await check('2026-04-13T12:30:00Z')).toEqual({ busy: true, detail: '"Planning (moved)" until 2026-04-13T13:00:00.000Z' });
  });

  it('all-day, transparent and cancelled events do not make the user busy; a floating time is read in the user\'s zone', async () => {
    const file = ics(
      'mixed.ics',
      `BEGIN:VEVENT\r\nUID:a@s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Holiday\r\nDTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602\r\nEND:VEVENT\r\n` +
        `BEGIN:VEVENT\r\nUID:b@s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Focus block\r\nTRANSP:TRANSPARENT\r\nDTSTART:20260601T090000Z\r\nDTEND:20260601T120000Z\r\nEND:VEVENT\r\n` +
        `BEGIN:VEVENT\r\nUID:c@s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Cancelled\r\nSTATUS:CANCELLED\r\nDTSTART:20260601T090000Z\r\nDTEND:20260601T120000Z\r\nEND:VEVENT\r\n` +
        `BEGIN:VEVENT\r\nUID:d@s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Floating\r\nDTSTART:20260601T150000\r\nDTEND:20260601T160000\r\nEND:VEVENT\r\n`,
    );
    const check = (iso: string, zone: string) => createCalendarSource(file, { zone: () => zone, now: at(iso) }).check();
    expect(await check('2026-06-01T10:00:00Z', 'UTC')).toEqual({ busy: false, detail: 'no event under way (4 in the file)' });
    expect((await check('2026-06-01T13:30:00Z', 'Europe/Berlin')).busy).toBe(true); // 15:30 in Berlin
    expect((await check('2026-06-01T13:30:00Z', 'UTC')).busy).toBe(false);
  });

  it('a missing file and a file that is not iCalendar fail with the reason; a changed file is read again', async () => {
    await expect(createCalendarSource(join(dir, 'nope.ics'), { zone: () => 'UTC' }).check()).rejects.toThrow(`cannot read the calendar file ${join(dir, 'nope.ics')}: it does not exist`);
    const file = join(dir, 'bad.ics');
    writeFileSync(file, 'this is not a calendar');
    const source = createCalendarSource(file, { zone: () => 'UTC', now: at('2026-06-01T10:30:00Z') });
    await expect(source.check()).rejects.toThrow(`${file} is not an iCalendar file`);
    ics('bad.ics', `BEGIN:VEVENT\r\nUID:x@s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Now\r\nDTSTART:20260601T100000Z\r\nDTEND:20260601T110000Z\r\nEND:VEVENT\r\n`);
    expect((await source.check()).busy).toBe(true);
  });
});
