import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatInstant, hoursPolicy, localDate, nextLocalMidnight, setRuntimeZone, splitByHour, startOfLocalDay } from '../../main/core/localTime.js';

/**
 * The daemon computes local time in its own zone through Date (the process TZ set to that zone)
 * instead of an Intl formatter. Both read the same time-zone data; this holds them to the same
 * answers on random instants from 1970 to 2060 and around each zone's clock changes, in zones with
 * DST, half-hour and 45-minute offsets, a 30-minute DST shift and a negative DST.
 */

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Dublin', 'UTC'];
const startTz = process.env.TZ;
afterAll(() => {
  setRuntimeZone(null);
  if (startTz === undefined) delete process.env.TZ;
  else process.env.TZ = startTz;
});

const policy = { workHours: null, quietHours: { start: '01:30', end: '02:45' } };

function answers(ms: number, zone: string) {
  return {
    date: localDate(ms, zone),
    midnight: nextLocalMidnight(ms, zone),
    iso: formatInstant(ms, zone),
    hours: splitByHour(ms, ms + 3 * 3_600_000, zone),
    quiet: hoursPolicy(policy, zone)(ms),
    dayStart: startOfLocalDay(localDate(ms, zone), zone),
  };
}

function viaIntl(ms: number, zone: string) {
  setRuntimeZone(null);
  return answers(ms, zone);
}

function viaProcessClock(ms: number, zone: string) {
  process.env.TZ = zone;
  setRuntimeZone(zone);
  try {
    return answers(ms, zone);
  } finally {
    setRuntimeZone(null);
  }
}

const instant = fc.integer({ min: 0, max: Date.UTC(2060, 0, 1) });
/** Instants within two hours of a clock change somewhere: late March/October and early April/November, any year. */
const nearChange = fc
  .tuple(fc.integer({ min: 1980, max: 2050 }), fc.constantFrom(2, 3, 8, 9, 9, 10), fc.integer({ min: 0, max: 13 * 24 * 60 }))
  .map(([y, month, minutes]) => Date.UTC(y, month, 24, 0, 0) + minutes * 60_000 - 7 * 24 * 3_600_000);

describe('local time through the process clock equals local time through Intl (fast-check)', () => {
  it.each(ZONES)('%s', (zone) => {
    fc.assert(
      fc.property(fc.oneof(instant, nearChange), (ms) => {
        expect(viaProcessClock(ms, zone), new Date(ms).toISOString()).toEqual(viaIntl(ms, zone));
      }),
      { numRuns: 400 },
    );
  });
});
