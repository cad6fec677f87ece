import { createDbusIdleSource, nonNegativeInteger } from './idleDbusMethod.js';
import type { IdleSource } from './types.js';

/**
 * KDE Plasma (and other desktops implementing it): org.freedesktop.ScreenSaver.GetSessionIdleTime, uint32 milliseconds.
 * GNOME owns the name too but answers this method with an error, which detection records and skips.
 */
export function createFreedesktopScreenSaverIdleSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): IdleSource {
  return createDbusIdleSource(
    env,
    {
      name: 'freedesktop-screensaver',
      destination: 'org.freedesktop.ScreenSaver',
      path: '/org/freedesktop/ScreenSaver',
      iface: 'org.freedesktop.ScreenSaver',
      member: 'GetSessionIdleTime',
      toMs: (v) => nonNegativeInteger(v, 'GetSessionIdleTime'),
      missingHint: 'no KDE or other freedesktop screensaver service running',
    },
    opts,
  );
}
