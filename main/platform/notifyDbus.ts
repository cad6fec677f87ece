import { DbusConnection, errorText, isServiceMissing } from './dbusConnection.js';
import { Listeners } from './listeners.js';
import { warnToStderr, type BreakPromptNotice, type Notifier, type NotifierAction, type NotifierActionEvent, type Warn } from './types.js';

const NOTIFICATIONS = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';
const IFACE = 'org.freedesktop.Notifications';

/** Action keys sent with the break prompt, in button order; "default" is the click on the body. */
export const BREAK_ACTIONS: readonly [key: string, label: string][] = [
  ['default', 'Open Sitwell'],
  ['start-stretch', 'Start stretch'],
  // At a sit-stand desk (DESIGN.md §7): answered by standing up where one sits; recorded `stood`.
  ['stand', 'Stand'],
  ['snooze', 'Snooze'],
  ['skip', 'Skip'],
];

const ACTION_BY_KEY: Record<string, NotifierAction> = {
  default: 'open',
  'start-stretch': 'start-stretch',
  stand: 'stand',
  snooze: 'snooze',
  skip: 'skip',
};

export interface ServerInfo {
  name: string;
  vendor: string;
  version: string;
  specVersion: string;
  capabilities: string[];
}

export interface DbusNotifierOptions {
  appName?: string;
  /** An icon name or absolute path; empty for none. */
  icon?: string;
  timeoutMs?: number;
  warn?: Warn;
}

/** Asks the session bus's notification service who it is and what it can do; rejects when there is none. */
export async function queryNotificationServer(conn: DbusConnection, timeoutMs?: number): Promise<ServerInfo> {
  const [name, vendor, version, specVersion] = (await conn.call({ destination: NOTIFICATIONS, path: PATH, iface: IFACE, member: 'GetServerInformation', timeoutMs })) as string[];
  let capabilities: string[] = [];
  try {
    [capabilities] = (await conn.call({ destination: NOTIFICATIONS, path: PATH, iface: IFACE, member: 'GetCapabilities', timeoutMs })) as [string[]];
  } catch {
    // A server without GetCapabilities still shows plain notifications.
  }
  return { name: name ?? '?', vendor: vendor ?? '?', version: version ?? '?', specVersion: specVersion ?? '?', capabilities: capabilities ?? [] };
}

/**
 * freedesktop Notifications over the session bus (the only Linux path with action buttons: node-notifier's
 * notify-send backend sends none). One break notification at a time, replaced in place (replaces_id).
 *
 * Survives the notification daemon going away and coming back (dunst restarted) and the bus connection
 * dropping: a failed send reconnects and retries once, then warns once per outage and resolves; the next
 * prompt tries again. Notification ids from before an outage are forgotten, since a restarted server
 * reuses them.
 */
export class DbusNotifier implements Notifier {
  readonly name = 'dbus-notifications';
  private conn: DbusConnection | null;
  private info: ServerInfo | null;
  private readonly listeners = new Listeners<NotifierActionEvent>();
  /** Notification id → engine prompt id, for the break notifications still on screen. */
  private readonly promptByNotification = new Map<number, number>();
  private currentBreak: { promptId: number; notificationId: number } | null = null;
  private postureId = 0;
  private outage: string | null = null;
  private closed = false;
  private readonly appName: string;
  private readonly icon: string;
  private readonly warn: Warn;

  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    conn: DbusConnection,
    info: ServerInfo | null,
    private readonly opts: DbusNotifierOptions,
  ) {
    this.conn = conn;
    this.info = info;
    this.appName = opts.appName ?? 'Sitwell';
    this.icon = opts.icon ?? '';
    this.warn = opts.warn ?? warnToStderr;
  }

  /**
   * Connects to the session bus and asks the notification service who it is. Rejects when the bus is
   * unreachable, and also when no service answers unless `waitForServer` is set: then the notifier is
   * returned anyway (server null) and starts delivering once a service appears (a daemon started
   * before dunst at login).
   */
  static async create(env: NodeJS.ProcessEnv = process.env, opts: DbusNotifierOptions & { waitForServer?: boolean } = {}): Promise<DbusNotifier> {
    const conn = await DbusConnection.open('session', env, opts.timeoutMs);
    let info: ServerInfo | null = null;
    try {
      info = await queryNotificationServer(conn, opts.timeoutMs);
    } catch (e) {
      if (!opts.waitForServer) {
        conn.close();
        throw new Error(isServiceMissing(e) ? `no notification service (${NOTIFICATIONS}) on the session bus` : `the notification service did not answer: ${errorText(e)}`, {
          cause: e,
        });
      }
    }
    const n = new DbusNotifier(env, conn, info, opts);
    await n.subscribe(conn);
    return n;
  }

  /** The notification service last seen, or null while none has answered. */
  get server(): ServerInfo | null {
    return this.info;
  }

  /** Assumed true until a server that answered says otherwise (every common Linux notification daemon has actions). */
  get supportsActions(): boolean {
    return this.info ? this.info.capabilities.includes('actions') : true;
  }

  async posture(text: { title: string; body: string }): Promise<void> {
    const id = await this.notify({ replacesId: this.postureId, title: text.title, body: text.body, actions: [], urgency: 0, expireMs: -1 });
    if (id !== null) this.postureId = id;
  }

  async breakPrompt(p: BreakPromptNotice): Promise<void> {
    const previous = this.currentBreak;
    const offered = p.offerStretch === false ? BREAK_ACTIONS.filter(([k]) => k !== 'start-stretch') : BREAK_ACTIONS;
    const actions = this.supportsActions ? offered.flatMap(([k, l]) => [k, p.actionLabels?.[k] ?? l]) : [];
    // Never expires: a break prompt stays until it is answered, replaced or withdrawn.
    const id = await this.notify({ replacesId: previous?.notificationId ?? 0, title: p.title, body: p.body, actions, urgency: 1, expireMs: 0 });
    if (id === null) return;
    if (previous) this.promptByNotification.delete(previous.notificationId);
    this.currentBreak = { promptId: p.id, notificationId: id };
    this.promptByNotification.set(id, p.id);
  }

  async closeBreak(id: number): Promise<void> {
    const current = this.currentBreak;
    if (!current || current.promptId !== id) return;
    this.currentBreak = null;
    this.promptByNotification.delete(current.notificationId);
    const conn = this.conn;
    if (!conn || conn.closed) return;
    try {
      await conn.call({ destination: NOTIFICATIONS, path: PATH, iface: IFACE, member: 'CloseNotification', signature: 'u', body: [current.notificationId], timeoutMs: this.opts.timeoutMs });
    } catch {
      // Already closed by the user, or the server is gone: either way it is off the screen.
    }
  }

  onAction(listener: (a: NotifierActionEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.conn?.close();
    this.conn = null;
  }

  /** Sends one Notify; returns the notification id, or null after warning (never throws). */
  private async notify(n: { replacesId: number; title: string; body: string; actions: string[]; urgency: 0 | 1 | 2; expireMs: number }): Promise<number | null> {
    if (this.closed) return null;
    const send = async (conn: DbusConnection, replacesId: number) => {
      const hints = { urgency: conn.variant('y', n.urgency), 'desktop-entry': conn.variant('s', 'sitwell') };
      const [id] = await conn.call({
        destination: NOTIFICATIONS,
        path: PATH,
        iface: IFACE,
        member: 'Notify',
        signature: 'susssasa{sv}i',
        body: [this.appName, replacesId, this.icon, n.title, n.body, n.actions, hints, n.expireMs],
        timeoutMs: this.opts.timeoutMs,
      });
      return Number(id);
    };
    let lastError: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const conn = await this.connection();
        const id = await send(conn, this.outage ? 0 : n.replacesId);
        if (this.outage) {
          this.warn(`notifications work again (${this.outage} is over)`);
          this.outage = null;
        }
        if (!this.info) this.info = await queryNotificationServer(conn, this.opts.timeoutMs).catch(() => null);
        return id;
      } catch (e) {
        lastError = e;
        // A dead connection is replaced on the retry; a missing service gets one more chance too,
        // since a restarting daemon can take a moment to claim the name.
        if (this.conn?.closed) this.conn = null;
        if (attempt === 0 && isServiceMissing(e)) await new Promise((r) => setTimeout(r, 250));
      }
    }
    const why = isServiceMissing(lastError) ? 'the notification service is not running' : errorText(lastError);
    if (!this.outage) {
      this.warn(`cannot show a notification: ${why}; Sitwell keeps tracking and will try again at the next prompt`);
      this.outage = why;
      this.forgetIds();
    }
    return null;
  }

  private forgetIds(): void {
    this.promptByNotification.clear();
    this.currentBreak = null;
    this.postureId = 0;
  }

  private async connection(): Promise<DbusConnection> {
    if (this.conn && !this.conn.closed) return this.conn;
    const conn = await DbusConnection.open('session', this.env, this.opts.timeoutMs);
    try {
      await this.subscribe(conn);
    } catch (e) {
      conn.close();
      throw e;
    }
    if (this.closed) {
      conn.close();
      throw new Error('notifier closed');
    }
    this.conn = conn;
    return conn;
  }

  private async subscribe(conn: DbusConnection): Promise<void> {
    await conn.onSignal({ sender: NOTIFICATIONS, iface: IFACE, member: 'ActionInvoked', path: PATH }, (s) => {
      if (conn !== this.conn) return;
      const [notificationId, key] = s.body as [number, string];
      const promptId = this.promptByNotification.get(Number(notificationId));
      const action = ACTION_BY_KEY[key];
      if (promptId === undefined || !action) return;
      this.listeners.emit({ promptId, action });
    });
    await conn.onSignal({ sender: NOTIFICATIONS, iface: IFACE, member: 'NotificationClosed', path: PATH }, (s) => {
      if (conn !== this.conn) return;
      const notificationId = Number(s.body[0]);
      // ActionInvoked comes before NotificationClosed, so forgetting the id here loses no answer.
      this.promptByNotification.delete(notificationId);
      if (this.currentBreak?.notificationId === notificationId) this.currentBreak = null;
      if (this.postureId === notificationId) this.postureId = 0;
    });
    // A restarted notification daemon numbers its notifications afresh: old ids mean nothing to it.
    await conn.onSignal({ sender: 'org.freedesktop.DBus', iface: 'org.freedesktop.DBus', member: 'NameOwnerChanged', arg0: NOTIFICATIONS }, (s) => {
      if (conn !== this.conn || s.body[0] !== NOTIFICATIONS) return;
      this.forgetIds();
      // The next daemon may be a different one with other capabilities; ask again at the next send.
      this.info = null;
    });
  }
}
