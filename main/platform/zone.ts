import type { Settings } from '../../shared/settings.js';

/** The zone the operating system runs in, as the JS runtime reports it. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The user's chosen zone, else the system's; read each time so a zone change while running is followed. */
export function userZone(settings: Pick<Settings, 'timeZone'>): string {
  return settings.timeZone ?? systemZone();
}
