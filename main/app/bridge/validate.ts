import type { z } from 'zod';
import type { BridgeErrorBody } from '../../../shared/bridge.js';

/**
 * Checks a bridge request's raw input before zod sees it. The input comes from a web page or
 * an IPC message, so it may be hostile: keys that reach into prototypes, values built to make
 * a validator recurse or allocate a lot, or objects that are not plain JSON at all.
 */

/** Deeper than any real request (settings.workHours.mon.start is 3). */
export const MAX_DEPTH = 8;
/** Values in one request; the largest real one (a full settings patch) has under 50. */
export const MAX_NODES = 2000;
/** Characters in one string; the longest real one is a 500-character check-in note. */
export const MAX_STRING = 10_000;

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Problem = { field: string; message: string };

const fieldName = (path: readonly PropertyKey[]): string => (path.length ? path.map(String).join('.') : '(request)');

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Walks the value once, iteratively (a hostile depth must not blow the stack), and returns the first problem. */
export function checkShape(input: unknown, maxString = MAX_STRING): Problem | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !isPlainObject(input)) {
    return { field: '(request)', message: 'the request must be a JSON object' };
  }
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  let nodes = 0;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (++nodes > MAX_NODES) return { field: '(request)', message: `the request is too large (more than ${MAX_NODES} values)` };
    if (path.length > MAX_DEPTH) return { field: fieldName(path), message: `the request is nested too deeply (more than ${MAX_DEPTH} levels)` };
    switch (typeof value) {
      case 'string':
        if (value.length > maxString) return { field: fieldName(path), message: `${fieldName(path)} is too long (more than ${maxString} characters)` };
        continue;
      case 'number':
        if (!Number.isFinite(value)) return { field: fieldName(path), message: `${fieldName(path)} must be a finite number` };
        continue;
      case 'boolean':
      case 'undefined':
        continue;
      case 'object':
        break;
      default:
        return { field: fieldName(path), message: `${fieldName(path)} must be plain JSON data, not a ${typeof value}` };
    }
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > MAX_NODES) return { field: fieldName(path), message: `${fieldName(path)} has too many items (more than ${MAX_NODES})` };
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    if (!isPlainObject(value)) return { field: fieldName(path), message: `${fieldName(path)} must be plain JSON data` };
    // Reflect.ownKeys also sees symbol keys and an own "__proto__" made by JSON.parse.
    const keys = Reflect.ownKeys(value);
    if (keys.length > MAX_NODES) return { field: fieldName(path), message: `${fieldName(path)} has too many fields (more than ${MAX_NODES})` };
    for (const key of keys) {
      if (typeof key === 'symbol') return { field: fieldName(path), message: `${fieldName(path)} must be plain JSON data` };
      if (POLLUTING_KEYS.has(key)) return { field: fieldName([...path, key]), message: `"${key}" is not allowed as a field name` };
      const desc = Object.getOwnPropertyDescriptor(value, key);
      if (!desc || !('value' in desc)) return { field: fieldName([...path, key]), message: `${fieldName([...path, key])} must be plain JSON data` };
      stack.push({ value: desc.value, path: [...path, key] });
    }
  }
  return null;
}

/** One zod issue in words a person can act on, with the field it is about. */
export function describeIssue(issue: z.core.$ZodIssue): Problem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = fieldName([...issue.path, key]);
    return { field, message: `"${field}" is not something this request accepts` };
  }
  const field = fieldName(issue.path);
  const text = issue.message.replace(/^Invalid input: /, '');
  // Our own schema messages read as a predicate ("must be at most 480 minutes").
  const message = /^(must|should|is|are)\b/.test(text) ? `${field} ${text}` : `${field}: ${text}`;
  return { field, message };
}

export function invalid(problem: Problem): { ok: false; error: BridgeErrorBody } {
  return { ok: false, error: { code: 'invalid-request', message: problem.message, field: problem.field } };
}

/** Validates the raw input: shape first, then the method's schema. `maxString`: for a method that takes a whole file's text. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, maxString = MAX_STRING): { ok: true; value: z.output<S> } | { ok: false; error: BridgeErrorBody } {
  const shape = checkShape(input, maxString);
  if (shape) return invalid(shape);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return invalid(first ? describeIssue(first) : { field: '(request)', message: 'the request is not valid' });
  }
  return { ok: true, value: parsed.data };
}
