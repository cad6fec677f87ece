import { z } from 'zod';
import { CheckinSubmissionSchema } from './checkin.js';
import { SettingsPatchSchema, type Settings } from './settings.js';
import type { StatsReport } from './statsReport.js';

/**
 * The one contract between the renderer and the rest of the app (`window.sitwell`).
 * Each method name is written once, here; the Electron preload, the local web mode's
 * client and every handler are derived from this table. Inputs are validated on the
 * main side with these schemas; outputs are typed.
 */

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const NowStateSchema = z.object({
  tracking: z.boolean(),
  bout: z.object({ start: z.number(), sittingMs: z.number() }).nullable(),
  todaySittingMs: z.number(),
  todayBouts: z.number(),
  next: z.object({ kind: z.enum(['posture', 'break']), at: z.number() }).nullable(),
  pausedUntil: z.number().nullable(),
  openPrompt: z.object({ id: z.number(), at: z.number(), sittingMs: z.number() }).nullable(),
  locked: z.boolean(),
  stretching: z.object({ id: z.number(), routineId: z.string(), start: z.number() }).nullable(),
  idleSource: z.string(),
  notifier: z.string(),
  at: z.number(),
});
export type NowStateView = z.infer<typeof NowStateSchema>;

export const StretchSessionSchema = z.object({
  id: z.number(),
  uid: z.string(),
  start: z.number(),
  end: z.number().nullable(),
  routineId: z.string(),
  completed: z.boolean(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  zone: z.string(),
});
export type StretchSessionView = z.infer<typeof StretchSessionSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataPath: z.string(),
  /** False when this window only shows history (another process tracks, or none). */
  tracking: z.boolean(),
  zone: z.string(),
});

const Empty = z.object({}).strict();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const routineId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a routine or stretch id');

/** method → [input schema, output type]. Inputs are strict: unknown keys are refused. */
export const METHODS = {
  getInfo: { input: Empty, output: AppInfoSchema },
  getNow: { input: Empty, output: NowStateSchema },
  answerPrompt: { input: z.object({ action: z.enum(['snooze', 'skip']) }).strict(), output: z.object({ answered: z.boolean() }) },
  startStretch: { input: z.object({ routineId }).strict(), output: StretchSessionSchema },
  finishStretch: {
    input: z.object({ id, completed: z.boolean(), stepsDone: z.number().int().min(0).max(1000) }).strict(),
    output: StretchSessionSchema,
  },
  /** `minutes` pauses for that long; `untilTomorrow` until the next local midnight; neither: until resumed. */
  pause: {
    input: z.object({ minutes: z.number().int().min(1).max(24 * 60).optional(), untilTomorrow: z.literal(true).optional() }).strict(),
    output: z.object({ pausedUntil: z.number().nullable() }),
  },
  resume: { input: Empty, output: z.object({ pausedUntil: z.null() }) },
  getSettings: { input: Empty, output: z.custom<Settings>() },
  updateSettings: { input: SettingsPatchSchema, output: z.custom<Settings>() },
  getStats: {
    input: z.object({ from: DateSchema, to: DateSchema }).strict().refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['from'] }),
    output: z.custom<StatsReport>(),
  },
  /** The stretch to offer in the break prompt: rotating, weighted to what the user skips least. */
  suggestStretch: { input: Empty, output: z.object({ stretchId: z.string() }) },
  /** The form's answers; the red-flag answers decide whether the UI shows the see-a-doctor screen. */
  addCheckIn: { input: CheckinSubmissionSchema, output: z.object({ id: z.number(), seeDoctor: z.boolean() }) },
  exportData: {
    input: z.object({ format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ filename: z.string(), mime: z.string(), content: z.string() }),
  },
  deleteAllData: { input: z.object({ confirm: z.literal('DELETE') }).strict(), output: z.object({ deleted: z.literal(true) }) },
} as const;

export type Method = keyof typeof METHODS;
export const METHOD_NAMES = Object.keys(METHODS) as Method[];
export type MethodInput<M extends Method> = z.input<(typeof METHODS)[M]['input']>;
export type MethodOutput<M extends Method> = z.output<(typeof METHODS)[M]['output']>;

/** Events pushed from main to the renderer. */
export const EVENTS = {
  state: NowStateSchema,
  'break-prompt': z.object({ id: z.number(), at: z.number(), sittingMs: z.number() }),
  'prompt-closed': z.object({ id: z.number() }),
  posture: z.object({ at: z.number() }),
  /** The user clicked a notification: show the prompt view / the stretch player. */
  'open-prompt': Empty,
  'start-stretch': Empty,
  settings: z.custom<Settings>(),
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export const ERROR_CODES = ['invalid-request', 'unknown-method', 'unavailable', 'forbidden', 'internal'] as const;
export type BridgeErrorCode = (typeof ERROR_CODES)[number];
/** What a failed call resolves to on the wire; the client throws it as a BridgeError. */
export interface BridgeErrorBody {
  code: BridgeErrorCode;
  message: string;
  /** For invalid-request: the field at fault, e.g. "sitLimitMinutes". */
  field?: string;
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
export interface BridgeTransport {
  call(method: Method, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: BridgeErrorBody }>;
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
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event "${String(event)}"`);
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
