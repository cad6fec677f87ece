import { booleanValue, createDbusBusySource, propertiesChanged, propertyRead } from './busyDbusValue.js';
import type { BusySource } from './types.js';

const IFACE = 'org.dunstproject.cmd0';
const PATH = '/org/freedesktop/Notifications';

/** dunst's pause (`dunstctl set-paused true`, what its Do Not Disturb toggles do): the `paused` property of org.dunstproject.cmd0. */
export function createDunstPausedSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return createDbusBusySource(
    env,
    {
      name: 'dnd-dunst-paused',
      reason: 'dnd',
      read: propertyRead('org.freedesktop.Notifications', PATH, IFACE, 'paused'),
      toReading: (v) => (booleanValue(v, 'paused') ? { busy: true, detail: 'dunst is paused' } : { busy: false, detail: 'dunst is not paused' }),
      missingHint: 'no notification service running',
      unsupportedHint: 'the notification service is not dunst 1.5 or later',
      changed: propertiesChanged(PATH, IFACE),
    },
    opts,
  );
}
