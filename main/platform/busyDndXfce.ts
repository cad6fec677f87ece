import { booleanValue, createDbusBusySource, unwrapVariant } from './busyDbusValue.js';
import type { BusySource } from './types.js';

/**
 * XFCE's Do Not Disturb: the `/do-not-disturb` property of the `xfce4-notifyd` channel, read from
 * xfconfd over D-Bus (what `xfconf-query -c xfce4-notifyd -p /do-not-disturb` prints).
 */
export function createXfceDndSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return createDbusBusySource(
    env,
    {
      name: 'dnd-xfce-xfconf',
      reason: 'dnd',
      read: { destination: 'org.xfce.Xfconf', path: '/org/xfce/Xfconf', iface: 'org.xfce.Xfconf', member: 'GetProperty', signature: 'ss', body: ['xfce4-notifyd', '/do-not-disturb'] },
      toReading: (v) =>
        booleanValue(unwrapVariant(v), '/do-not-disturb') ? { busy: true, detail: 'xfce4-notifyd do-not-disturb is on' } : { busy: false, detail: 'xfce4-notifyd do-not-disturb is off' },
      missingHint: 'not an XFCE session',
      // xfconfd answers a property nobody set with an error of its own: the user never switched it on.
      unsetErrors: { names: ['org.xfce.Xfconf.Error.PropertyNotFound', 'org.xfce.Xfconf.Error.ChannelNotFound'], detail: 'xfce4-notifyd do-not-disturb was never set' },
      changed: { iface: 'org.xfce.Xfconf', member: 'PropertyChanged', path: '/org/xfce/Xfconf', arg0: 'xfce4-notifyd' },
    },
    opts,
  );
}
