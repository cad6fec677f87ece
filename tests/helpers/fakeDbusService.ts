/**
 * A stand-in D-Bus service for services that cannot run here (gnome-shell's Mutter IdleMonitor, KDE's
 * ScreenSaver, systemd-logind). It owns the real well-known name on a real (private) bus and answers
 * real method calls, so the code under test goes through its whole D-Bus path. Tests that use it
 * say "stand-in" in their names.
 */
import { Message, sessionBus, type MessageBus } from '@particle/dbus-next';

export type Handler = (body: unknown[]) => { signature: string; body: unknown[] } | { error: string; text: string };

export interface FakeService {
  /** Our unique name on the bus. */
  uniqueName: string;
  emit(path: string, iface: string, member: string, signature?: string, body?: unknown[]): void;
  /** Calls received, as "iface.member". */
  calls: string[];
  stop(): Promise<void>;
}

/** `handlers` is keyed "path iface.member", e.g. "/org/gnome/Mutter/IdleMonitor/Core org.gnome.Mutter.IdleMonitor.GetIdletime". */
export async function startFakeService(address: string, names: string[], handlers: Record<string, Handler>): Promise<FakeService> {
  const bus: MessageBus = sessionBus({ busAddress: address });
  bus.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    bus.once('error', reject);
  });
  const calls: string[] = [];
  bus.addMethodHandler((msg: Message) => {
    const key = `${msg.path} ${msg.interface}.${msg.member}`;
    const h = handlers[key];
    if (!h) return false;
    calls.push(`${msg.interface}.${msg.member}`);
    const r = h(msg.body ?? []);
    // The library's typings declare newError(msg: string, …) but it takes the call Message, like newMethodReturn.
    if ('error' in r) bus.send(Message.newError(msg as unknown as string, r.error, r.text));
    else bus.send(Message.newMethodReturn(msg, r.signature, r.body));
    return true;
  });
  for (const n of names) await bus.requestName(n, 0);
  return {
    uniqueName: (bus as unknown as { name: string }).name,
    calls,
    emit(path, iface, member, signature = '', body = []) {
      bus.send(Message.newSignal(path, iface, member, signature, body));
    },
    async stop() {
      for (const n of names) await bus.releaseName(n).catch(() => {});
      bus.disconnect();
    },
  };
}
