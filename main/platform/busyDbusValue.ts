import type { BusyReason } from '../../shared/domain.js';
import { dbusErrorName, errorText, isServiceMissing, type CallSpec, type SignalFilter } from './dbusConnection.js';
import { LazySessionConnection } from './lazyDbus.js';
import type { BusyReading, BusySource } from './types.js';

/** A busy state a session-bus service answers for: one call to read it, one signal that says it changed. */
export interface DbusBusyValue {
  name: string;
  reason: BusyReason;
  read: Omit<CallSpec, 'timeoutMs'>;
  /** Turns the reply's first value (variants already unwrapped) into a reading; throws on anything odd. */
  toReading(value: unknown): BusyReading;
  /** Said when the service is not on the bus, e.g. "dunst is not running". */
  missingHint: string;
  /** Said when the service is there but has no such value (an older or different server). */
  unsupportedHint?: string;
  changed?: SignalFilter;
  /** D-Bus errors that mean "never set", hence not busy (xfconfd's answer for a property nobody wrote). */
  unsetErrors?: { names: string[]; detail: string };
}

const UNSUPPORTED = new Set([
  'org.freedesktop.DBus.Error.UnknownProperty',
  'org.freedesktop.DBus.Error.UnknownMethod',
  'org.freedesktop.DBus.Error.UnknownInterface',
  'org.freedesktop.DBus.Error.InvalidArgs',
]);

/** A D-Bus variant arrives as `{ signature, value }`; properties and xfconf values come wrapped in one. */
export function unwrapVariant(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && 'signature' in v && 'value' in v) return (v as { value: unknown }).value;
  return v;
}

/** org.freedesktop.DBus.Properties.Get of one property. */
export function propertyRead(destination: string, path: string, iface: string, property: string): DbusBusyValue['read'] {
  return { destination, path, iface: 'org.freedesktop.DBus.Properties', member: 'Get', signature: 'ss', body: [iface, property] };
}

/** PropertiesChanged of `iface` on `path` (arg0 is the interface whose properties changed). */
export function propertiesChanged(path: string, iface: string): SignalFilter {
  return { iface: 'org.freedesktop.DBus.Properties', member: 'PropertiesChanged', path, arg0: iface };
}

export function booleanValue(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw new Error(`${what} is ${JSON.stringify(v)}, not true or false`);
  return v;
}

/** A busy source read from a session-bus service, over one connection kept between readings. */
export function createDbusBusySource(env: NodeJS.ProcessEnv, spec: DbusBusyValue, opts: { timeoutMs?: number } = {}): BusySource {
  const connection = new LazySessionConnection(env, spec.name, opts.timeoutMs);
  return {
    name: spec.name,
    reason: spec.reason,
    async check() {
      const c = await connection.get();
      let body: unknown[];
      try {
        body = await c.call({ ...spec.read, timeoutMs: opts.timeoutMs });
      } catch (e) {
        if (spec.unsetErrors?.names.includes(dbusErrorName(e) ?? '')) return { busy: false, detail: spec.unsetErrors.detail };
        if (isServiceMissing(e)) throw new Error(`${spec.read.destination} is not on the session bus (${spec.missingHint})`, { cause: e });
        if (UNSUPPORTED.has(dbusErrorName(e) ?? '') && spec.unsupportedHint) throw new Error(`${spec.unsupportedHint} (${errorText(e)})`, { cause: e });
        throw new Error(`${spec.read.iface}.${spec.read.member} failed: ${errorText(e)}`, { cause: e });
      }
      return spec.toReading(unwrapVariant(body[0]));
    },
    watch: spec.changed
      ? async (onChange) => {
          const c = await connection.get();
          return c.onSignal(spec.changed!, () => onChange());
        }
      : undefined,
    close() {
      connection.close();
    },
  };
}
