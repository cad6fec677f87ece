import { DbusConnection, errorText, isServiceMissing, type SignalMessage } from './dbusConnection.js';
import { Listeners } from './listeners.js';
import type { SessionEvent, SessionEvents } from './types.js';

/** A lock/sleep mechanism either works (with a word on what it found) or says why not. */
export type SessionEventsResult = { ok: true; events: SessionEvents; detail: string } | { ok: false; why: string };

const LOGIND = 'org.freedesktop.login1';
const MANAGER_PATH = '/org/freedesktop/login1';
const MANAGER_IFACE = 'org.freedesktop.login1.Manager';
const SESSION_IFACE = 'org.freedesktop.login1.Session';

export interface LogindOptions {
  timeoutMs?: number;
  pid?: number;
  uid?: number;
}

/**
 * systemd-logind on the SYSTEM bus: Lock/Unlock on our session object (sent when something asks the
 * locker to lock, e.g. `loginctl lock-session`), LockedHint changes (set by the locker itself),
 * and PrepareForSleep(true/false) / PrepareForShutdown(true) on the manager.
 */
export async function openLogindEvents(env: NodeJS.ProcessEnv, opts: LogindOptions = {}): Promise<SessionEventsResult> {
  let conn: DbusConnection;
  try {
    conn = await DbusConnection.open('system', env, opts.timeoutMs);
  } catch (e) {
    return { ok: false, why: errorText(e) };
  }
  const call = (member: string, signature: string, body: unknown[], path = MANAGER_PATH, iface = MANAGER_IFACE) =>
    conn.call({ destination: LOGIND, path, iface, member, signature, body, timeoutMs: opts.timeoutMs });

  let sessionPath: string;
  let how: string;
  try {
    ({ sessionPath, how } = await findSession(call, env, opts));
  } catch (e) {
    conn.close();
    if (isServiceMissing(e)) return { ok: false, why: `${LOGIND} (systemd-logind) is not on the system bus at ${conn.address}` };
    return { ok: false, why: `logind has no session for this process: ${errorText(e)}` };
  }

  const listeners = new Listeners<SessionEvent>();
  const emit = (type: SessionEvent['type']) => listeners.emit({ type, source: 'logind' });
  try {
    await conn.onSignal({ sender: LOGIND, iface: SESSION_IFACE, path: sessionPath }, (s: SignalMessage) => {
      if (s.member === 'Lock') emit('lock');
      else if (s.member === 'Unlock') emit('unlock');
    });
    await conn.onSignal({ sender: LOGIND, iface: 'org.freedesktop.DBus.Properties', member: 'PropertiesChanged', path: sessionPath }, (s) => {
      const [iface, changed] = s.body as [string, Record<string, { value: unknown }>];
      const hint = iface === SESSION_IFACE ? changed?.LockedHint?.value : undefined;
      if (hint === true) emit('lock');
      else if (hint === false) emit('unlock');
    });
    await conn.onSignal({ sender: LOGIND, iface: MANAGER_IFACE, path: MANAGER_PATH }, (s) => {
      if (s.member === 'PrepareForSleep') emit(s.body[0] === true ? 'suspend' : 'resume');
      else if (s.member === 'PrepareForShutdown' && s.body[0] === true) emit('shutdown');
    });
  } catch (e) {
    conn.close();
    return { ok: false, why: `cannot subscribe to logind signals: ${errorText(e)}` };
  }

  return {
    ok: true,
    detail: `session ${sessionPath} (${how}) on ${conn.address}`,
    events: {
      on: (l) => listeners.add(l),
      close: async () => {
        listeners.clear();
        conn.close();
      },
    },
  };
}

type Call = (member: string, signature: string, body: unknown[], path?: string, iface?: string) => Promise<unknown[]>;

/** XDG_SESSION_ID names the session; without it, ask by PID; a systemd user service has neither, so use the user's display session. */
async function findSession(call: Call, env: NodeJS.ProcessEnv, opts: LogindOptions): Promise<{ sessionPath: string; how: string }> {
  const tries: string[] = [];
  if (env.XDG_SESSION_ID) {
    try {
      const [p] = await call('GetSession', 's', [env.XDG_SESSION_ID]);
      return { sessionPath: String(p), how: `XDG_SESSION_ID=${env.XDG_SESSION_ID}` };
    } catch (e) {
      if (isServiceMissing(e)) throw e;
      tries.push(`GetSession(${env.XDG_SESSION_ID}): ${errorText(e)}`);
    }
  }
  const pid = opts.pid ?? process.pid;
  try {
    const [p] = await call('GetSessionByPID', 'u', [pid]);
    return { sessionPath: String(p), how: `GetSessionByPID(${pid})` };
  } catch (e) {
    if (isServiceMissing(e)) throw e;
    tries.push(`GetSessionByPID(${pid}): ${errorText(e)}`);
  }
  const uid = opts.uid ?? process.getuid?.() ?? 0;
  try {
    const [userPath] = await call('GetUser', 'u', [uid]);
    const [display] = await call('Get', 'ss', ['org.freedesktop.login1.User', 'Display'], String(userPath), 'org.freedesktop.DBus.Properties');
    // Display is a variant holding (so): session id and object path; "/" means the user has no display session.
    const path = (display as { value?: [string, string] })?.value?.[1];
    if (path && path !== '/') return { sessionPath: path, how: `display session of uid ${uid}` };
    tries.push(`uid ${uid} has no display session`);
  } catch (e) {
    tries.push(`GetUser(${uid}): ${errorText(e)}`);
  }
  throw new Error(tries.join('; '));
}
