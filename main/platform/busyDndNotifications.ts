import { booleanValue, createDbusBusySource, propertiesChanged, propertyRead } from './busyDbusValue.js';
import type { BusySource } from './types.js';

const IFACE = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

/**
 * Do Not Disturb as the notification server itself reports it: the `Inhibited` property of
 * org.freedesktop.Notifications (KDE Plasma, and other servers that implement the 1.3 draft).
 */
export function createNotificationsInhibitedSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return createDbusBusySource(
    env,
    {
      name: 'dnd-notifications-inhibited',
      reason: 'dnd',
      read: propertyRead(IFACE, PATH, IFACE, 'Inhibited'),
      toReading: (v) => (booleanValue(v, 'Inhibited') ? { busy: true, detail: 'notifications are inhibited' } : { busy: false, detail: 'notifications are not inhibited' }),
      missingHint: 'no notification service running',
      unsupportedHint: 'the notification service has no Inhibited property (it is not KDE Plasma or another server that has one)',
      changed: propertiesChanged(PATH, IFACE),
    },
    opts,
  );
}
