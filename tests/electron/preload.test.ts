import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type SitwellBridge } from '../../shared/bridge.js';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';
import { ensureBuilt, PRELOAD_BUNDLE } from './support/built.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Runs the built preload in a fresh V8 context with stand-ins for contextBridge and ipcRenderer. */
function loadPreload(reply: (method: string, input: unknown) => unknown) {
  const exposed: Record<string, unknown> = {};
  const invokes: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: async (channel: string, method: string, input: unknown) => {
        invokes.push([channel, method, input]);
        return reply(method, input);
      },
      on: (channel: string, l: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(l);
      },
      removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l),
    },
  };
  const req = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(`(function (require, module, exports) {${readFileSync(PRELOAD_BUNDLE, 'utf8')}\n})`, {}) as (
    r: typeof req,
    m: typeof module,
    e: object,
  ) => void;
  wrapper(req, module, module.exports);
  const emit = (...args: unknown[]) => listeners.get(IPC_CHANNELS.event)?.forEach((l) => l({ sender: 'secret ipc event' }, ...args));
  return { exposed, invokes, listeners, required, emit };
}

beforeAll(() => ensureBuilt());

describe('preload bundle (stand-in contextBridge and ipcRenderer; the built dist/electron/preload.cjs)', () => {
  it('exposes window.sitwell and window.sitwellIpc only, and requires nothing but electron', () => {
    const p = loadPreload(() => ({ ok: true, value: null }));
    expect(Object.keys(p.exposed).sort()).toEqual(['sitwell', 'sitwellIpc']);
    expect(new Set(p.required)).toEqual(new Set(['electron']));
    const bridge = p.exposed.sitwell as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
  });

  it('sends every call over the one call channel and resolves with its value', async () => {
    const p = loadPreload((method) => ({ ok: true, value: { echoed: method } }));
    const bridge = p.exposed.sitwell as SitwellBridge;
    expect(await bridge.getNow({})).toEqual({ echoed: 'getNow' });
    expect(await bridge.pause({ minutes: 30 })).toEqual({ echoed: 'pause' });
    expect(p.invokes).toEqual([
      [IPC_CHANNELS.call, 'getNow', {}],
      [IPC_CHANNELS.call, 'pause', { minutes: 30 }],
    ]);
  });

  it('rejects with the error message when main refuses; the raw transport keeps the whole error body', async () => {
    const body = { code: 'invalid-request', message: 'sitLimitMinutes: must be at least 1 minutes', field: 'sitLimitMinutes' };
    const p = loadPreload(() => ({ ok: false, error: body }));
    const bridge = p.exposed.sitwell as SitwellBridge;
    await expect(bridge.updateSettings({ sitLimitMinutes: 0 })).rejects.toThrow(body.message);
    const ipc = p.exposed.sitwellIpc as { call(m: string, i: unknown): Promise<unknown> };
    expect(await ipc.call('updateSettings', { sitLimitMinutes: 0 })).toEqual({ ok: false, error: body });
  });

  it('delivers known events without the IPC event object, and unsubscribes', () => {
    const p = loadPreload(() => ({ ok: true, value: null }));
    const bridge = p.exposed.sitwell as SitwellBridge;
    const got: unknown[][] = [];
    const off = bridge.on('posture', (...args: unknown[]) => got.push(args));
    expect(p.listeners.get(IPC_CHANNELS.event)?.size).toBe(1);
    p.emit('posture', { at: 5 });
    p.emit('not-an-event', { at: 6 });
    p.emit({ toString: () => 'posture' }, { at: 7 });
    expect(got).toEqual([[{ at: 5 }]]);
    off();
    expect(p.listeners.get(IPC_CHANNELS.event)?.size).toBe(0);
    p.emit('posture', { at: 8 });
    expect(got).toHaveLength(1);
  });

  it('refuses to subscribe to an unknown event name', () => {
    const p = loadPreload(() => ({ ok: true, value: null }));
    const bridge = p.exposed.sitwell as { on(e: string, l: () => void): () => void };
    expect(() => bridge.on('everything', () => {})).toThrow('unknown event');
  });
});
