import { createDbusIdleSource, nonNegativeInteger } from './idleDbusMethod.js';
import type { IdleSource } from './types.js';

/** GNOME (Mutter, X11 or Wayland): org.gnome.Mutter.IdleMonitor.GetIdletime, uint64 milliseconds, on the core monitor. */
export function createMutterIdleSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): IdleSource {
  return createDbusIdleSource(
    env,
    {
      name: 'gnome-mutter-idlemonitor',
      destination: 'org.gnome.Mutter.IdleMonitor',
      path: '/org/gnome/Mutter/IdleMonitor/Core',
      iface: 'org.gnome.Mutter.IdleMonitor',
      member: 'GetIdletime',
      toMs: (v) => nonNegativeInteger(v, 'GetIdletime'),
      missingHint: 'not a GNOME session',
    },
    opts,
  );
}
