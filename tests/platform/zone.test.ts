import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The system zone without an Intl formatter (TZ, else /etc/localtime, else Intl), and the daemon's
 * process clock moved to the user's zone. The module reads TZ once when loaded, so each case loads
 * it afresh under the TZ it needs.
 */

const startTz = process.env.TZ;
afterEach(() => {
  if (startTz === undefined) delete process.env.TZ;
  else process.env.TZ = startTz;
  vi.resetModules();
});

async function loadWithTz(tz: string | undefined) {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  vi.resetModules();
  return { zone: await import('../../main/platform/zone.js'), localTime: await import('../../main/core/localTime.js') };
}

/** Minutes east of UTC, the way the named zone's Intl formatter reads them. */
function offsetIn(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms);
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(parts.find((p) => p.type === 'timeZoneName')!.value);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('systemZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    [':Asia/Kolkata', 'Asia/Kolkata'],
    ['/usr/share/zoneinfo/Europe/Paris', 'Europe/Paris'],
    ['Etc/UTC', 'UTC'],
    ['Nowhere/Atlantis', 'UTC'],
  ])('TZ=%s gives %s', async (tz, expected) => {
    const { zone } = await loadWithTz(tz);
    expect(zone.systemZone()).toBe(expected);
  });

  it('a POSIX rule in TZ is left to Intl to name', async () => {
    const { zone } = await loadWithTz('CET-1CEST,M3.5.0,M10.5.0/3');
    expect(zone.systemZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });

  it.each([[undefined], ['']])('with TZ=%j, the zone /etc/localtime names: same offsets as the runtime’s own clock without TZ', async (tz) => {
    const { zone } = await loadWithTz(tz);
    const name = zone.systemZone();
    delete process.env.TZ;
    for (const ms of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) expect(offsetIn(name, ms)).toBe(0 - new Date(ms).getTimezoneOffset());
  });

  it('a chosen zone wins over the system one', async () => {
    const { zone } = await loadWithTz('Europe/Berlin');
    expect(zone.userZone({ timeZone: 'America/Chicago' })).toBe('America/Chicago');
    expect(zone.userZone({ timeZone: null })).toBe('Europe/Berlin');
  });
});

describe('adoptProcessZone (the daemon)', () => {
  it('moves the process clock to the zone, back again when the zone is unknown, and keeps TZ for systemZone', async () => {
    const { zone, localTime } = await loadWithTz('Europe/Berlin');
    const july = Date.UTC(2026, 6, 1, 12);
    expect(zone.adoptProcessZone('America/New_York')).toBe('America/New_York');
    expect(new Date(july).getTimezoneOffset()).toBe(240);
    expect(localTime.isValidZone('America/New_York')).toBe(true);
    // The OS zone is still the one the process started with.
    expect(zone.systemZone()).toBe('Europe/Berlin');

    expect(zone.adoptProcessZone('Nowhere/Atlantis')).toBe('Nowhere/Atlantis');
    expect(process.env.TZ).toBe('Europe/Berlin');
    expect(new Date(july).getTimezoneOffset()).toBe(-120);
  });

  it('knows zones by their canonical name, by their alias file, and refuses paths', async () => {
    const { zone } = await loadWithTz('UTC');
    expect(zone.runtimeKnowsZone('Europe/Berlin')).toBe(true);
    expect(zone.runtimeKnowsZone('Asia/Kolkata')).toBe(true);
    expect(zone.runtimeKnowsZone('Etc/UTC')).toBe(true);
    expect(zone.runtimeKnowsZone('../../etc/passwd')).toBe(false);
    expect(zone.runtimeKnowsZone('Europe/../../etc')).toBe(false);
    expect(zone.runtimeKnowsZone('')).toBe(false);
  });
});
