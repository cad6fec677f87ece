import { errorText, isServiceMissing } from './dbusConnection.js';
import { LazySessionConnection } from './lazyDbus.js';
import type { IdleSource } from './types.js';

export interface DbusIdleMethod {
  name: string;
  destination: string;
  path: string;
  iface: string;
  member: string;
  /** Turns the reply's first value into milliseconds, throwing on anything odd. */
  toMs(value: unknown): number;
  /** Said when the service is not on the bus, e.g. "not a GNOME session". */
  missingHint: string;
}

/**
 * An idle source that asks a session-bus service for the idle time. Keeps one connection and
 * reconnects on the next reading after it drops, so a restarted bus or service is picked up again.
 */
export function createDbusIdleSource(env: NodeJS.ProcessEnv, m: DbusIdleMethod, opts: { timeoutMs?: number } = {}): IdleSource {
  const connection = new LazySessionConnection(env, m.name, opts.timeoutMs);

  return {
    name: m.name,
    async idleMs() {
      const c = await connection.get();
      let body: unknown[];
      try {
        body = await c.call({ destination: m.destination, path: m.path, iface: m.iface, member: m.member, timeoutMs: opts.timeoutMs });
      } catch (e) {
        if (isServiceMissing(e)) throw new Error(`${m.destination} is not on the session bus (${m.missingHint})`, { cause: e });
        throw new Error(`${m.iface}.${m.member} failed: ${errorText(e)}`, { cause: e });
      }
      return m.toMs(body[0]);
    },
    close() {
      connection.close();
    },
  };
}

/** D-Bus integers arrive as number (u) or bigint (t); accept only a finite non-negative count. */
export function nonNegativeInteger(value: unknown, what: string): number {
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    throw new Error(`${what} returned ${String(value)}, not a non-negative integer`);
  }
  return n;
}
