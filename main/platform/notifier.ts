import { execFileSync } from 'node:child_process';
import { busAddress } from './dbusConnection.js';
import { DbusNotifier, type DbusNotifierOptions } from './notifyDbus.js';
import { NullNotifier } from './notifyNull.js';
import type { Notifier, Probe, Warn } from './types.js';

export interface CreateNotifierOptions extends DbusNotifierOptions {
  platform?: NodeJS.Platform;
  warn?: Warn;
  /** Skip mechanisms by kind, e.g. ['dbus'] to force the fallback in tests. */
  exclude?: ('dbus' | 'node-notifier')[];
}

function hasCommand(cmd: string, env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { env, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The notifier the daemon should use (see chooseNotifier). Never rejects. */
/** Loaded only where it is used (macOS, Windows, a Linux bus our client cannot use): a daemon on D-Bus never pays for it. */
async function nodeNotifier(warn: Warn | undefined, platform: NodeJS.Platform): Promise<Notifier> {
  const { NodeNotifierNotifier } = await import('./notifyNodeNotifier.js');
  return new NodeNotifierNotifier({ warn, platform });
}

export async function createNotifier(env: NodeJS.ProcessEnv = process.env, opts: CreateNotifierOptions = {}): Promise<Notifier> {
  return (await chooseNotifier(env, opts)).notifier;
}

/**
 * Picks the notification mechanism: freedesktop Notifications over D-Bus when the session bus is
 * reachable (Linux/BSD; even before a notification daemon runs there), else node-notifier (macOS,
 * Windows, or Linux with notify-send and a bus our D-Bus client could not use), else a NullNotifier
 * that warns once. Never rejects; `tried` says what each mechanism did.
 */
export async function chooseNotifier(
  env: NodeJS.ProcessEnv = process.env,
  opts: CreateNotifierOptions = {},
): Promise<{ notifier: Notifier; tried: Probe[] }> {
  const platform = opts.platform ?? process.platform;
  const exclude = new Set(opts.exclude ?? []);
  const tried: Probe[] = [];
  const unix = platform !== 'darwin' && platform !== 'win32';
  if (unix && !exclude.has('dbus')) {
    try {
      // notify-send talks to the same service, so with the bus up but no service yet, D-Bus stays the
      // better choice: it starts delivering (with buttons) as soon as a notification daemon appears.
      const n = await DbusNotifier.create(env, { ...opts, waitForServer: true });
      const s = n.server;
      tried.push({
        name: 'dbus-notifications',
        ok: s !== null,
        why: s
          ? `${s.name} ${s.version} answers; action buttons ${n.supportsActions ? 'supported' : 'NOT supported (a click opens the prompt)'}`
          : `no notification service (org.freedesktop.Notifications) on the session bus yet; start one (e.g. dunst) — Sitwell will use it when it appears`,
      });
      return { notifier: n, tried };
    } catch (e) {
      tried.push({ name: 'dbus-notifications', ok: false, why: e instanceof Error ? e.message : String(e) });
    }
  }
  if (!exclude.has('node-notifier')) {
    if (!unix) {
      tried.push({ name: 'node-notifier', ok: true, why: `${platform === 'darwin' ? 'Notification Center' : 'Windows toasts'} (clicking a break notification opens the prompt; no buttons)` });
      return { notifier: await nodeNotifier(opts.warn, platform), tried };
    }
    // notify-send speaks D-Bus too, through libdbus/GIO: it helps where our client cannot connect
    // (an auth method or address type @particle/dbus-next lacks), not where there is no bus at all.
    const bus = busAddress('session', env);
    if ('why' in bus) {
      tried.push({ name: 'node-notifier', ok: false, why: `notify-send needs a session bus as well (${bus.why})` });
    } else if (hasCommand('notify-send', env)) {
      tried.push({ name: 'node-notifier', ok: true, why: 'notify-send found (no buttons, no click callback)' });
      return { notifier: await nodeNotifier(opts.warn, platform), tried };
    } else {
      tried.push({ name: 'node-notifier', ok: false, why: 'notify-send is not installed (Debian/Ubuntu: sudo apt install libnotify-bin)' });
    }
  }
  const why = tried.map((t) => `${t.name}: ${t.why}`).join('; ') || 'every mechanism was excluded';
  return { notifier: new NullNotifier(why, opts.warn), tried };
}
