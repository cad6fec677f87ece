import { DbusConnection, errorText } from './dbusConnection.js';
import { Listeners } from './listeners.js';
import type { SessionEventsResult } from './sessionLogind.js';
import type { SessionEvent } from './types.js';

/** Screensaver services that announce ActiveChanged(bool) with the same meaning; the name is also the interface. */
export const SCREENSAVER_NAMES = ['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver', 'org.mate.ScreenSaver', 'org.cinnamon.ScreenSaver'];

/**
 * ActiveChanged on the SESSION bus: true when the screensaver / lock screen comes up, false when it goes.
 * Treated as lock/unlock: with the screensaver up the user is not working, locked or not.
 */
export async function openScreenSaverEvents(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number; names?: string[] } = {}): Promise<SessionEventsResult> {
  let conn: DbusConnection;
  try {
    conn = await DbusConnection.open('session', env, opts.timeoutMs);
  } catch (e) {
    return { ok: false, why: errorText(e) };
  }
  const names = opts.names ?? SCREENSAVER_NAMES;
  const present: string[] = [];
  try {
    for (const n of names) if (await conn.nameHasOwner(n)) present.push(n);
  } catch (e) {
    conn.close();
    return { ok: false, why: `cannot ask the session bus for screensaver services: ${errorText(e)}` };
  }
  if (present.length === 0) {
    conn.close();
    return { ok: false, why: `no screensaver service on the session bus (looked for ${names.join(', ')})` };
  }
  const listeners = new Listeners<SessionEvent>();
  try {
    for (const name of present) {
      await conn.onSignal({ sender: name, iface: name, member: 'ActiveChanged' }, (s) => {
        if (s.body[0] === true) listeners.emit({ type: 'lock', source: 'screensaver' });
        else if (s.body[0] === false) listeners.emit({ type: 'unlock', source: 'screensaver' });
      });
    }
  } catch (e) {
    conn.close();
    return { ok: false, why: `cannot subscribe to ActiveChanged: ${errorText(e)}` };
  }
  return {
    ok: true,
    detail: `ActiveChanged from ${present.join(', ')}`,
    events: {
      on: (l) => listeners.add(l),
      close: async () => {
        listeners.clear();
        conn.close();
      },
    },
  };
}
