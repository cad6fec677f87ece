import { LazySessionConnection } from './lazyDbus.js';
import { runTool } from './runTool.js';
import type { BusySource } from './types.js';

const KEY = '/org/gnome/desktop/notifications/show-banners';

/** What `dconf read KEY` prints for show-banners: `false` is GNOME's Do Not Disturb; empty means never set (banners on). */
export function parseShowBanners(stdout: string): { busy: boolean; detail: string } {
  const text = stdout.trim();
  if (text === '') return { busy: false, detail: 'show-banners was never set (banners are shown)' };
  if (text === 'true' || text === 'false') return { busy: text === 'false', detail: `show-banners is ${text}` };
  throw new Error(`dconf printed ${JSON.stringify(text.slice(0, 80))} for ${KEY}, not true or false`);
}

/**
 * GNOME's Do Not Disturb: `org.gnome.desktop.notifications show-banners` in the user's dconf database.
 * dconf has no read method on D-Bus (readers map the database file), so `dconf read` reads it; a change
 * is heard as dconf-service's Notify signal on the session bus.
 */
export function createGnomeDndSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number; command?: string } = {}): BusySource {
  const connection = new LazySessionConnection(env, 'dnd-gnome-show-banners', opts.timeoutMs);
  return {
    name: 'dnd-gnome-show-banners',
    reason: 'dnd',
    async check() {
      const out = await runTool(opts.command ?? 'dconf', ['read', KEY], {
        env,
        timeoutMs: opts.timeoutMs ?? 3000,
        installHint: 'install dconf-cli to read GNOME Do Not Disturb',
      });
      return parseShowBanners(out);
    },
    async watch(onChange) {
      const c = await connection.get();
      return c.onSignal({ iface: 'ca.desrt.dconf.Writer', member: 'Notify' }, (s) => {
        // Notify(prefix, changes, tag): the keys written are prefix + each change (the prefix alone when none); a dir ends in '/'.
        const prefix = String(s.body[0] ?? '');
        const changes = Array.isArray(s.body[1]) && s.body[1].length > 0 ? (s.body[1] as string[]) : [''];
        if (changes.some((c) => KEY.startsWith(prefix + c))) onChange();
      });
    },
    close() {
      connection.close();
    },
  };
}
