import type { Method, MethodInput, MethodOutput } from '../../shared/bridge.js';
import { getBridge } from './index.js';

/**
 * Calls started before React has even loaded, so a view's data is on its way while the rest of
 * the bundle evaluates. A view takes its call with `callOnce`; anything not prefetched is just
 * called then.
 */
const pending = new Map<string, { promise: Promise<unknown>; at: number }>();
/** Older than this, a prefetched answer may be stale: call afresh. */
const FRESH_MS = 5000;
const key = (method: Method, input: unknown) => `${method} ${JSON.stringify(input)}`;

function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const fn = getBridge()[method] as unknown as (i: MethodInput<M>) => Promise<MethodOutput<M>>;
  return fn(input);
}

export function prefetch<M extends Method>(method: M, input: MethodInput<M>): void {
  const p = call(method, input);
  p.catch(() => {}); // the view that takes it reports the failure
  pending.set(key(method, input), { promise: p, at: Date.now() });
}

export function callOnce<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const k = key(method, input);
  const p = pending.get(k);
  pending.delete(k);
  if (p && Date.now() - p.at < FRESH_MS) return p.promise as Promise<MethodOutput<M>>;
  return call(method, input);
}
