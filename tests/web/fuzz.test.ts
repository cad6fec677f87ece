import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkShape } from '../../main/app/bridge/validate.js';
import { LONG_TEXT, METHOD_NAMES, type Method } from '../../shared/bridge.js';
import { METHODS } from '../../shared/bridgeSchemas.js';
import { RED_FLAGS } from '../../shared/checkin.js';
import { callHttp, dbSnapshot, rawRequest, startHarness, ZONE, type Harness } from './helpers.js';

/**
 * Hostile input against every bridge method, through the real handlers over a real SQLite
 * file (and, for a share of the cases, through the real HTTP server): every refused payload
 * gets a typed invalid-request error, nothing throws, and not one byte of history changes.
 */

const noFlags = Object.fromEntries(RED_FLAGS.map((f) => [f.id, false]));
/** A valid input per method: the starting point that mutations break. */
const VALID: Record<Method, Record<string, unknown>> = {
  getInfo: {},
  getNow: {},
  stand: {},
  sit: {},
  answerPrompt: { action: 'snooze' },
  startStretch: { routineId: 'quick-2' },
  finishStretch: { id: 1, completed: true, stepsDone: 1 },
  pause: { minutes: 30 },
  resume: {},
  getSettings: {},
  updateSettings: { sitLimitMinutes: 30, quietHours: { start: '22:00', end: '07:00' } },
  getStats: { from: '2026-03-01', to: '2026-03-31' },
  suggestStretch: {},
  addCheckIn: { soreness: 3, areas: ['lower-back'], redFlags: noFlags, note: 'ok' },
  exportData: { format: 'json' },
  previewImport: { fileText: '{"format":"sitwell-export"}' },
  importData: { fileText: '{"format":"sitwell-export"}' },
  deleteAllData: { confirm: 'DELETE' },
  getSync: {},
  setSyncFolder: { folder: null },
  setDeviceName: { name: 'laptop' },
  pickSyncFolder: {},
};

const NUM_RUNS = Number(process.env.SITWELL_FUZZ_RUNS ?? 150);

/** Would the dispatcher accept this? (Only refused inputs are generated; this filters out accidental valid ones.) */
function acceptable(method: Method, input: unknown): boolean {
  return checkShape(input, LONG_TEXT[method]) === null && METHODS[method].input.safeParse(input).success;
}

function nest(depth: number, leaf: unknown, arrays: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

const wrongValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.constantFrom('2026-02-30', '9999-99-99', '../../etc/passwd', "'; DROP TABLE bouts; --", '\u0000', 'DELETE '),
);

/** The hostile payloads, as functions of the method's valid input. */
function hostile(method: Method): fc.Arbitrary<{ kind: string; input: unknown }> {
  const valid = VALID[method];
  const keys = Object.keys(valid);
  const polluting = fc.constantFrom('__proto__', 'constructor', 'prototype');
  return fc.oneof(
    // Not an object at all.
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 4 })).map((input) => ({ kind: 'not-object', input })),
    // One field of the valid input with a wrong type or out-of-range value.
    ...(keys.length
      ? [fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ kind: 'wrong-type', input: { ...valid, [k]: v } }))]
      : []),
    // An unknown extra field.
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)), fc.jsonValue()).map(([k, v]) => ({ kind: 'extra-key', input: { ...valid, [k]: v } })),
    // Prototype-polluting keys, at the top or nested, made the way JSON.parse makes them (own properties).
    fc.tuple(polluting, fc.boolean(), fc.jsonValue({ maxDepth: 2 })).map(([k, deep, v]) => {
      const inner = JSON.parse(`{"${k}": ${JSON.stringify({ polluted: true, sitLimitMinutes: 1, value: v })}}`) as unknown;
      const key = keys[0] ?? 'x';
      return { kind: 'polluting', input: deep ? { ...valid, [key]: inner } : Object.assign(JSON.parse(`{"${k}": {"polluted": true}}`) as object, valid) };
    }),
    // Deeply nested.
    fc.tuple(fc.integer({ min: 9, max: 3000 }), fc.boolean()).map(([depth, arrays]) => ({ kind: 'deep', input: { ...valid, [keys[0] ?? 'x']: nest(depth, 1, arrays) } })),
    // Oversized: a long string, a long array, many keys.
    fc.integer({ min: 10_001, max: 200_000 }).map((n) => ({ kind: 'long-string', input: { ...valid, [keys[0] ?? 'x']: 'x'.repeat(n) } })),
    fc.integer({ min: 2001, max: 20_000 }).map((n) => ({ kind: 'long-array', input: { ...valid, [keys[0] ?? 'x']: Array.from({ length: n }, (_, i) => i) } })),
    fc.integer({ min: 2001, max: 5000 }).map((n) => ({ kind: 'many-keys', input: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])) })),
    // Anything at all (kept only when the contract refuses it).
    fc.anything({ maxDepth: 3 }).map((input) => ({ kind: 'anything', input })),
  );
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Some history, so "nothing changed" means something (a wipe or an overwrite would show).
  const t = Date.parse('2026-03-10T09:00:00+01:00');
  h.store.addBout({ start: t, end: t + 40 * 60_000, durationMs: 40 * 60_000, zone: ZONE });
  h.store.updateSettings({ sitLimitMinutes: 35 });
  h.store.addCheckIn({ at: t, soreness: 2, areas: ['lower-back'], redFlags: [], note: '', zone: ZONE });
  const s = h.store.startStretch({ start: t, routineId: 'quick-2', stepsTotal: 4, zone: ZONE });
  h.store.finishStretch(s.id, { end: t + 120_000, completed: true, stepsDone: 4 });
});
afterAll(async () => {
  await h.close();
});

describe('bridge fuzzing: hostile payloads are refused with a typed error and write nothing', () => {
  for (const method of METHOD_NAMES) {
    it(`${method}`, async () => {
      const before = dbSnapshot(h.home.dbPath);
      const seen = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(hostile(method), async ({ kind, input }) => {
          fc.pre(!acceptable(method, input));
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
          const result = await h.dispatcher.call(method, input);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code, JSON.stringify(result.error)).toBe('invalid-request');
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(5);
          expect(typeof result.error.field).toBe('string');
        }),
        { numRuns: NUM_RUNS, seed: Number(process.env.SITWELL_FUZZ_SEED ?? Date.now() % 2 ** 31) },
      );
      expect(dbSnapshot(h.home.dbPath)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('sitLimitMinutes');
      // Every kind of hostile payload was tried.
      expect([...seen.keys()].length).toBeGreaterThanOrEqual(7);
    });
  }

  it('the same payloads over HTTP: typed 400/413 answers, never a 500, history untouched', async () => {
    const before = dbSnapshot(h.home.dbPath);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHOD_NAMES).chain((m) => hostile(m).map((x) => ({ method: m, ...x }))),
        async ({ method, input }) => {
          let body: string | undefined;
          try {
            body = JSON.stringify(input);
          } catch {
            body = undefined; // not representable as JSON: cannot be sent over HTTP
          }
          // What the server receives is the JSON form (NaN becomes null, undefined fields vanish…).
          fc.pre(body !== undefined && body !== '{}' && !acceptable(method, JSON.parse(body)));
          const r = await callHttp(h, method, body!);
          expect([400, 413], JSON.stringify(r.body).slice(0, 200)).toContain(r.status);
          expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        },
      ),
      { numRuns: NUM_RUNS * 2 },
    );
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
  });

  it('random bytes and broken JSON as a request body: a typed 400, the server keeps answering', async () => {
    const before = dbSnapshot(h.home.dbPath);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ maxLength: 200 }).map((s) => Buffer.from(`{"a":${s}`))), async (method, bytes) => {
        const r = await rawRequest(h.port, {
          method: 'POST',
          path: `/api/call/${method}`,
          headers: { 'content-type': 'application/json', 'x-sitwell-token': h.token, 'content-length': String(bytes.length) },
          body: Buffer.from(bytes),
        });
        expect(r.status).toBeLessThan(500);
        if (r.status !== 200) expect(JSON.parse(r.body)).toMatchObject({ ok: false });
      }),
      { numRuns: NUM_RUNS },
    );
    // Deeper than JSON.parse's recursion: still a clean refusal.
    const deep = await callHttp(h, 'updateSettings', '['.repeat(60_000));
    expect(deep.status).toBe(400);
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
    expect((await callHttp(h, 'getInfo', {})).status).toBe(200);
  });
});
