import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBus, Variant } from '@particle/dbus-next';

type DbusLibrary = typeof import('@particle/dbus-next');

/**
 * Loaded on the first connection, not with this module: where there is no bus (a server, a
 * container) the daemon never pays the library's ~2.5 MB of resident memory.
 */
let library: DbusLibrary | null = null;
async function loadLibrary(): Promise<DbusLibrary> {
  if (!library) {
    // A CommonJS package: its exports arrive named under Node, but only as `default` from the bundle.
    const mod = (await import('@particle/dbus-next')) as DbusLibrary & { default?: DbusLibrary };
    library = typeof mod.sessionBus === 'function' ? mod : mod.default!;
  }
  return library;
}

/**
 * A thin, fail-fast layer over @particle/dbus-next's low-level API. The library never rejects a call
 * whose peer or bus went away (the promise just hangs) and emits 'error' events that crash the process
 * when nobody listens, so every call here has a timeout and every connection has an error listener.
 * The high-level proxy API is avoided on purpose: it introspects first, which doubles the round trips
 * and fails on services (such as stand-ins or minimal daemons) that do not implement Introspect.
 */

export type BusKind = 'session' | 'system';

const SYSTEM_BUS_DEFAULT = 'unix:path=/var/run/dbus/system_bus_socket';

/** The bus address to use, or why there is none. Reads only `env`, so tests can point at private buses. */
export function busAddress(kind: BusKind, env: NodeJS.ProcessEnv): { address: string } | { why: string } {
  if (kind === 'system') {
    const address = env.DBUS_SYSTEM_BUS_ADDRESS || SYSTEM_BUS_DEFAULT;
    return { address };
  }
  if (env.DBUS_SESSION_BUS_ADDRESS) return { address: env.DBUS_SESSION_BUS_ADDRESS };
  // systemd user sessions put the bus here without always exporting the variable (e.g. over ssh).
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && existsSync(join(runtime, 'bus'))) return { address: `unix:path=${join(runtime, 'bus')}` };
  return { why: 'DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus (not inside a desktop session?)' };
}

export class DbusUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DbusUnavailableError';
  }
}

export interface CallSpec {
  destination: string;
  path: string;
  iface: string;
  member: string;
  signature?: string;
  body?: unknown[];
  timeoutMs?: number;
}

export interface SignalFilter {
  iface: string;
  member?: string;
  path?: string;
  /** Bus-side filter on the first string argument (e.g. the name in NameOwnerChanged). */
  arg0?: string;
}

export interface SignalMessage {
  sender: string;
  path: string;
  iface: string;
  member: string;
  body: unknown[];
}

const DEFAULT_CALL_TIMEOUT_MS = 3000;

/** One connection to one bus. After it closes, every call rejects at once; make a new one to reconnect. */
/** A method call to one of our exported objects. */
export interface IncomingCall {
  path: string;
  iface: string;
  member: string;
  body: unknown[];
}

export type OutgoingReply = { signature: string; body: unknown[] } | { error: string; text: string };

export class DbusConnection {
  private closedWhy: string | null = null;
  private readonly closeListeners = new Set<(why: string) => void>();
  private readonly pending = new Set<(e: Error) => void>();

  private constructor(
    readonly kind: BusKind,
    readonly address: string,
    private readonly bus: MessageBus,
    private readonly lib: DbusLibrary,
  ) {
    bus.on('error', (e: unknown) => this.markClosed(`${kind} bus connection error: ${errorText(e)}`));
    // The library does not surface the socket's end; without this a dead bus is only noticed by timeouts.
    const stream = (bus as unknown as { _connection?: { stream?: NodeJS.EventEmitter } })._connection?.stream;
    stream?.on('close', () => this.markClosed(`${kind} bus connection closed`));
  }

  static async open(kind: BusKind, env: NodeJS.ProcessEnv, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): Promise<DbusConnection> {
    const where = busAddress(kind, env);
    if ('why' in where) throw new DbusUnavailableError(`no ${kind} bus: ${where.why}`);
    const lib = await loadLibrary();
    let bus: MessageBus;
    try {
      bus = lib.sessionBus({ busAddress: where.address });
    } catch (e) {
      throw new DbusUnavailableError(`cannot connect to the ${kind} bus at ${where.address}: ${errorText(e)}`);
    }
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        bus.removeAllListeners('connect');
        bus.removeAllListeners('error');
        bus.on('error', () => {});
        try {
          bus.disconnect();
        } catch {
          // already gone
        }
        reject(new DbusUnavailableError(`cannot connect to the ${kind} bus at ${where.address}: ${why}`));
      };
      const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
      bus.once('connect', () => {
        clearTimeout(timer);
        bus.removeAllListeners('error');
        resolve();
      });
      bus.on('error', (e: unknown) => fail(errorText(e)));
    });
    return new DbusConnection(kind, where.address, bus, lib);
  }

  get closed(): boolean {
    return this.closedWhy !== null;
  }

  /** Our unique name on the bus (":1.42"). */
  get uniqueName(): string {
    return (this.bus as unknown as { name: string | null }).name ?? '';
  }

  /** Calls a method and resolves with the reply's body. Rejects on D-Bus errors, timeouts and a closed connection. */
  call(spec: CallSpec): Promise<unknown[]> {
    if (this.closedWhy) return Promise.reject(new DbusUnavailableError(this.closedWhy));
    const timeoutMs = spec.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const msg = new this.lib.Message({
      type: this.lib.MessageType.METHOD_CALL,
      destination: spec.destination,
      path: spec.path,
      interface: spec.iface,
      member: spec.member,
      ...(spec.signature ? { signature: spec.signature, body: spec.body ?? [] } : {}),
    });
    return new Promise<unknown[]>((resolve, reject) => {
      const abort = (e: Error) => {
        clearTimeout(timer);
        this.pending.delete(abort);
        reject(e);
      };
      const timer = setTimeout(
        () => abort(new Error(`${spec.destination} did not answer ${spec.iface}.${spec.member} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.pending.add(abort);
      this.bus.call(msg).then(
        (reply) => {
          clearTimeout(timer);
          this.pending.delete(abort);
          resolve(reply?.body ?? []);
        },
        (e: unknown) => abort(e instanceof Error ? e : new Error(String(e))),
      );
    });
  }

  /** Asks the bus to route matching broadcast signals to us (unicast signals arrive anyway). */
  async addMatch(rule: string): Promise<void> {
    await this.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      iface: 'org.freedesktop.DBus',
      member: 'AddMatch',
      signature: 's',
      body: [rule],
    });
  }

  async nameHasOwner(name: string): Promise<boolean> {
    const [has] = await this.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      iface: 'org.freedesktop.DBus',
      member: 'NameHasOwner',
      signature: 's',
      body: [name],
    });
    return has === true;
  }

  /** Adds the match rule for `filter` (restricted to `sender` when given) and calls `listener` for each matching signal. */
  async onSignal(filter: SignalFilter & { sender?: string }, listener: (s: SignalMessage) => void): Promise<() => void> {
    const rule = [
      "type='signal'",
      filter.sender ? `sender='${filter.sender}'` : '',
      `interface='${filter.iface}'`,
      filter.member ? `member='${filter.member}'` : '',
      filter.path ? `path='${filter.path}'` : '',
      filter.arg0 ? `arg0='${filter.arg0}'` : '',
    ]
      .filter(Boolean)
      .join(',');
    const handler = (m: InstanceType<DbusLibrary['Message']>) => {
      if (m.type !== this.lib.MessageType.SIGNAL) return;
      if (m.interface !== filter.iface) return;
      if (filter.member && m.member !== filter.member) return;
      if (filter.path && m.path !== filter.path) return;
      if (filter.arg0 && m.body?.[0] !== filter.arg0) return;
      listener({ sender: m.sender, path: m.path, iface: m.interface, member: m.member, body: m.body ?? [] });
    };
    this.bus.on('message', handler);
    try {
      await this.addMatch(rule);
    } catch (e) {
      this.bus.off('message', handler);
      throw e;
    }
    return () => this.bus.off('message', handler);
  }

  /**
   * Serves method calls to objects we export (the tray). `handler` answers a call it knows, or returns
   * null to leave it to the library (which answers "unknown method"). Returns an unsubscribe.
   */
  serve(handler: (call: IncomingCall) => OutgoingReply | null): () => void {
    const fn = (m: InstanceType<DbusLibrary['Message']>): boolean => {
      let r: OutgoingReply | null;
      try {
        r = handler({ path: m.path ?? '', iface: m.interface ?? '', member: m.member ?? '', body: m.body ?? [] });
      } catch (e) {
        r = { error: 'org.freedesktop.DBus.Error.InvalidArgs', text: errorText(e) };
      }
      if (!r) return false;
      // newError takes the call message; the library's .d.ts says string.
      this.bus.send('error' in r ? this.lib.Message.newError(m as unknown as string, r.error, r.text) : this.lib.Message.newMethodReturn(m, r.signature, r.body));
      return true;
    };
    this.bus.addMethodHandler(fn);
    return () => this.bus.removeMethodHandler(fn);
  }

  /** Broadcasts a signal from one of our objects. */
  emit(path: string, iface: string, member: string, signature = '', body: unknown[] = []): void {
    if (this.closedWhy) return;
    this.bus.send(this.lib.Message.newSignal(path, iface, member, signature, body));
  }

  /** A D-Bus variant (for hints and properties) built with the connection's library. */
  variant(signature: string, value: unknown): Variant {
    return new this.lib.Variant(signature, value);
  }

  onClose(listener: (why: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    if (this.closedWhy) return;
    this.markClosed(`${this.kind} bus connection closed by Sitwell`);
    try {
      this.bus.disconnect();
    } catch {
      // the socket may already be gone
    }
  }

  private markClosed(why: string): void {
    if (this.closedWhy) return;
    this.closedWhy = why;
    const error = new DbusUnavailableError(why);
    for (const abort of [...this.pending]) abort(error);
    for (const l of [...this.closeListeners]) l(why);
  }
}

/** The D-Bus error name of a failed call ("org.freedesktop.DBus.Error.ServiceUnknown"), if it was one. */
export function dbusErrorName(e: unknown): string | null {
  return isDbusError(e) ? e.type : null;
}

/** The library's DBusError, recognised without loading the library. */
function isDbusError(e: unknown): e is Error & { type: string; text: string } {
  return e instanceof Error && e.name === 'DBusError' && typeof (e as { type?: unknown }).type === 'string';
}

/** True when the error means "nobody owns that name (right now)". */
export function isServiceMissing(e: unknown): boolean {
  const name = dbusErrorName(e);
  return name === 'org.freedesktop.DBus.Error.ServiceUnknown' || name === 'org.freedesktop.DBus.Error.NameHasNoOwner';
}

export function errorText(e: unknown): string {
  if (isDbusError(e)) return e.text ? `${e.type}: ${e.text}` : e.type;
  if (e instanceof Error) return e.message;
  return String(e);
}
