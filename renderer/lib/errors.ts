import { BridgeError } from '../../shared/bridge.js';

/** Any failure, in words a person can act on. */
export function errorText(e: unknown): string {
  if (e instanceof BridgeError) {
    switch (e.body.code) {
      case 'unavailable':
        return `Not available right now: ${e.body.message}`;
      case 'forbidden':
        return 'This page is not allowed to talk to Sitwell. Open the address that `sitwell ui` printed.';
      case 'invalid-request':
        return e.body.message;
      default:
        return `Something went wrong: ${e.body.message}`;
    }
  }
  if (e instanceof TypeError) return 'Sitwell is not reachable. Is `sitwell ui` still running?';
  return e instanceof Error ? e.message : String(e);
}

/** What is wrong with the field a refused request names, without its name, to show beside it. */
export function errorProblem(e: unknown): string | null {
  return e instanceof BridgeError && e.body.code === 'invalid-request' ? (e.body.problem ?? null) : null;
}

/** The field a refused request names, for showing the message next to it. */
export function errorField(e: unknown): string | null {
  return e instanceof BridgeError && e.body.code === 'invalid-request' ? (e.body.field ?? null) : null;
}
