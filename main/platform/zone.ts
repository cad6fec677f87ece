import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { getRuntimeZone, setRuntimeZone } from '../core/localTime.js';
import type { Settings } from '../../shared/settings.js';

/**
 * The operating system's zone, and the daemon's process clock set to the user's zone.
 *
 * Both avoid building an Intl formatter: the first one maps ~8 MB of locale data into the
 * process, an eighth of the daemon's resident memory, only to learn a zone name the system
 * keeps in a file anyway.
 */

/** TZ as the process was started with: the daemon overwrites process.env.TZ with the user's zone. */
const STARTUP_TZ = process.env.TZ;
/** An empty TZ (`export TZ=` in a shell profile) is read as no TZ: the system's zone, not UTC. */
const STARTUP_ZONE_FROM_ENV = STARTUP_TZ ? STARTUP_TZ : undefined;
const ZONEINFO = '/usr/share/zoneinfo';
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
/** Names of UTC; Intl reports each of them as "UTC", and so do we. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'GMT', 'Etc/GMT', 'GMT0', 'Etc/GMT0', 'Greenwich', 'Etc/Greenwich']);

let supported: Set<string> | null = null;

/** True when the runtime's time-zone data knows `name` (checked without an Intl formatter). */
export function runtimeKnowsZone(name: string): boolean {
  if (!ZONE_NAME.test(name) || name.includes('..')) return false;
  if (UTC_NAMES.has(name)) return true;
  supported ??= new Set(Intl.supportedValuesOf('timeZone'));
  // The list holds canonical names only; an alias (Asia/Kolkata, US/Eastern) is known by its file.
  return supported.has(name) || existsSync(`${ZONEINFO}/${name}`);
}

/** "Europe/Berlin" from ":Europe/Berlin" or a path into a zoneinfo directory; null for anything else. */
export function zoneNameFrom(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.startsWith(':') ? value.slice(1) : value;
  const i = v.lastIndexOf('zoneinfo/');
  const name = i >= 0 ? v.slice(i + 'zoneinfo/'.length) : v;
  if (!runtimeKnowsZone(name)) return null;
  return UTC_NAMES.has(name) ? 'UTC' : name;
}

function fromSystemFiles(): string | null {
  try {
    return zoneNameFrom(readlinkSync('/etc/localtime'));
  } catch {
    // Not a link (copied into place) or absent: Debian also writes the name down.
  }
  try {
    return zoneNameFrom(readFileSync('/etc/timezone', 'utf8').trim());
  } catch {
    return null;
  }
}

/** The zone the operating system runs in: TZ, else /etc/localtime, else what Intl reports (Windows). */
export function systemZone(): string {
  if (STARTUP_ZONE_FROM_ENV !== undefined) {
    const fromEnv = zoneNameFrom(STARTUP_ZONE_FROM_ENV);
    // A TZ the runtime cannot name (a POSIX rule such as "CET-1CEST") is left to Intl to interpret.
    if (fromEnv) return fromEnv;
  } else {
    const fromFiles = fromSystemFiles();
    if (fromFiles) return fromFiles;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The user's chosen zone, else the system's; read each time so a zone change while running is followed. */
export function userZone(settings: Pick<Settings, 'timeZone'>): string {
  return settings.timeZone ?? systemZone();
}

/**
 * For the daemon only (it changes the whole process): runs the process clock in `zone`, so local-time
 * arithmetic uses Date's offsets instead of an Intl formatter (core/localTime). A zone the runtime does
 * not know is left alone and computed as before. Returns `zone`.
 */
export function adoptProcessZone(zone: string): string {
  const adopted = getRuntimeZone();
  if (zone === adopted) return zone;
  if (runtimeKnowsZone(zone)) {
    process.env.TZ = zone;
    setRuntimeZone(zone);
  } else if (adopted !== null) {
    if (STARTUP_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = STARTUP_TZ;
    setRuntimeZone(null);
  }
  return zone;
}
