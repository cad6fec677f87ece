import type { z } from 'zod';
import { MAX_IMPORT_BYTES, type ImportProblem } from './importFile.js';
import type { EVENTS, METHODS, NowStateSchema, StretchSessionSchema, SyncStatusSchema } from './bridgeSchemas.js';
import type { Same } from './sameType.js';

/**
 * The one contract between the renderer and the rest of the app (`window.sitwell`).
 * Each method and event name is written once, here; the Electron preload, the local web mode's
 * client and every handler are derived from these lists, and bridgeSchemas.ts holds one schema
 * per name (the compiler refuses a missing or extra one). Inputs are validated on the main side
 * with those schemas; outputs are typed. This file loads no zod at run time: the window and the
 * preload use it, and only main validates.
 */

/** Every method of `window.sitwell`. */
export const METHOD_NAMES = [
  'getInfo',
  'getNow',
  'stand',
  'sit',
  'answerPrompt',
  'startStretch',
  'finishStretch',
  'pause',
  'resume',
  'getSettings',
  'updateSettings',
  'getStats',
  'suggestStretch',
  'addCheckIn',
  'exportData',
  'previewImport',
  'importData',
  'deleteAllData',
  'getSync',
  'setSyncFolder',
  'setDeviceName',
  'pickSyncFolder',
] as const;
export type Method = (typeof METHOD_NAMES)[number];
export type MethodInput<M extends Method> = z.input<(typeof METHODS)[M]['input']>;
export type MethodOutput<M extends Method> = z.output<(typeof METHODS)[M]['output']>;

/**
 * Methods whose input carries a whole file's text, and how long that text may be (other
 * methods' strings stay short; see main/app/bridge/validate.ts). The web mode lets their
 * requests be that large, and no other.
 */
export const LONG_TEXT: Partial<Record<Method, number>> = { previewImport: MAX_IMPORT_BYTES, importData: MAX_IMPORT_BYTES };

/** Every event pushed from main to the renderer. */
export const EVENT_NAMES = ['state', 'break-prompt', 'prompt-closed', 'posture', 'open-prompt', 'start-stretch', 'settings'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

// One schema per name, no more, no less.
const schemaPerMethod: Same<keyof typeof METHODS, Method> = true;
const schemaPerEvent: Same<keyof typeof EVENTS, EventName> = true;
void schemaPerMethod;
void schemaPerEvent;

export const isMethod = (name: unknown): name is Method => typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

export type NowStateView = z.infer<typeof NowStateSchema>;
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;
export type StretchSessionView = z.infer<typeof StretchSessionSchema>;

export const ERROR_CODES = ['invalid-request', 'unknown-method', 'unavailable', 'forbidden', 'internal'] as const;
export type BridgeErrorCode = (typeof ERROR_CODES)[number];
/** What a failed call resolves to on the wire; the client throws it as a BridgeError. */
export interface BridgeErrorBody {
  code: BridgeErrorCode;
  message: string;
  /** For invalid-request: the field at fault, e.g. "sitLimitMinutes". */
  field?: string;
  /** With `field`: what is wrong with it, without its name ("must be at least 1"), to show beside it. */
  problem?: string;
  /** For a refused import file: what kind of problem, so the window can say it in the user's language. */
  reason?: ImportProblem;
}

export class BridgeError extends Error {
  constructor(readonly body: BridgeErrorBody) {
    super(body.message);
    this.name = 'BridgeError';
  }
}

/** `window.sitwell`: one async function per method, plus event subscription that returns its unsubscribe. */
export type SitwellBridge = {
  [M in Method]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** A transport moves one call and delivers events; both the preload and the web client implement it. */
/** What one bridge call answers, on every transport (Electron IPC, the web mode's HTTP): never a thrown error. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: BridgeErrorBody };

export interface BridgeTransport {
  call(method: Method, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** Builds `window.sitwell` over a transport; method names come from the contract, never retyped. */
export function createBridge(transport: BridgeTransport): SitwellBridge {
  const bridge: Record<string, unknown> = {};
  for (const m of METHOD_NAMES) {
    bridge[m] = async (input: unknown) => {
      const res = await transport.call(m, input ?? {});
      if (!res.ok) throw new BridgeError(res.error);
      return res.value;
    };
  }
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let unsubscribeTransport: (() => void) | null = null;
  bridge.on = (event: EventName, listener: (p: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`unknown event "${String(event)}"`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    unsubscribeTransport ??= transport.subscribe((name, payload) => listeners.get(name)?.forEach((l) => l(payload)));
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((s) => s.size === 0) && unsubscribeTransport) {
        unsubscribeTransport();
        unsubscribeTransport = null;
      }
    };
  };
  return bridge as SitwellBridge;
}
