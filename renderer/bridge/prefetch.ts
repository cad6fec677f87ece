import type { Method, MethodInput, MethodOutput } from '../../shared/bridge.js';
import { getBridge } from './index.js';

interface Pending {
  promise: Promise<unknown>;
  at: number;
  /** Set once the answer is in. */
  settled?: { value: unknown };
}

/**
 * Calls started before React has even loaded, so a view's data is on its way while the rest of
 * the bundle loads. A view takes its call with `callOnce`, or its answer with `peek` when it is
 * already in; anything not prefetched is just called then.
 */
const pending = new Map<string, Pending>();
/** Older than this, a prefetched answer may be stale: call afresh. */
const FRESH_MS = 5000;
const key = (method: Method, input: unknown) => `${method} ${JSON.stringify(input)}`;
// The answers are for the view the window opened on. Once the user goes elsewhere they may be stale (the
// settings just changed on the Settings page are not what was prefetched), and the next view calls afresh.
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => pending.clear());

function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const fn = getBridge()[method] as unknown as (i: MethodInput<M>) => Promise<MethodOutput<M>>;
  return fn(input);
}

export function prefetch<M extends Method>(method: M, input: MethodInput<M>): void {
  const p = call(method, input);
  const entry: Pending = { promise: p, at: Date.now() };
  p.then(
    (value) => (entry.settled = { value }),
    () => {}, // the view that takes it reports the failure
  );
  pending.set(key(method, input), entry);
}

/**
 * A prefetched answer that is already in, for a view's first render: drawn at once instead of
 * after a render with nothing and a second one with the data. The view still takes the call
 * with `callOnce`, which then hands it the same object (no further render).
 */
export function peek<M extends Method>(method: M, input: MethodInput<M>): MethodOutput<M> | null {
  const p = pending.get(key(method, input));
  return p?.settled && Date.now() - p.at < FRESH_MS ? (p.settled.value as MethodOutput<M>) : null;
}

/**
 * A prefetched call still on its way or in, left for the view to take: for what the window itself
 * reads from the same answer before the view does (its language). Null when there is none.
 */
export function prefetched<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> | null {
  const p = pending.get(key(method, input));
  return p && Date.now() - p.at < FRESH_MS ? (p.promise as Promise<MethodOutput<M>>) : null;
}

export function callOnce<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const k = key(method, input);
  const p = pending.get(k);
  pending.delete(k);
  if (p && Date.now() - p.at < FRESH_MS) return p.promise as Promise<MethodOutput<M>>;
  return call(method, input);
}
