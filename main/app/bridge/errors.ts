import type { BridgeErrorBody } from '../../../shared/bridge.js';
import { StoreError } from '../../store/errors.js';
import { storageFailure } from '../../store/sqliteErrors.js';

/** A refusal a handler raises on purpose; the dispatcher turns it into the error body as is. */
export class HandlerError extends Error {
  constructor(readonly body: BridgeErrorBody) {
    super(body.message);
    this.name = 'HandlerError';
  }
}

export const refuse = (field: string, message: string): HandlerError => new HandlerError({ code: 'invalid-request', field, message });
export const unavailable = (message: string): HandlerError => new HandlerError({ code: 'unavailable', message });


/** Anything a handler threw, as a typed error body; `log` hears about the unexpected ones. */
export function toErrorBody(e: unknown, log: (line: string) => void): BridgeErrorBody {
  if (e instanceof HandlerError) return e.body;
  if (e instanceof StoreError) {
    if (e.code === 'invalid' || e.code === 'not-found') {
      const { detail } = e;
      return detail ? { code: 'invalid-request', field: detail.field, problem: detail.problem, message: `${detail.field}: ${detail.problem}` } : { code: 'invalid-request', message: e.message };
    }
    return { code: 'unavailable', message: e.message };
  }
  const failure = storageFailure(e);
  if (failure === 'busy') return { code: 'unavailable', message: 'the history is busy in another process; try again in a moment' };
  if (failure === 'full') return { code: 'unavailable', message: 'the disk is full: Sitwell cannot save this until there is space again' };
  log(`bridge handler failed: ${(e as Error)?.stack ?? String(e)}`);
  return { code: 'internal', message: `Sitwell could not do that: ${(e as Error)?.message ?? String(e)}` };
}
