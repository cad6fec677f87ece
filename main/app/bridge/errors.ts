import type { BridgeErrorBody } from '../../../shared/bridge.js';
import { StoreError } from '../../store/errors.js';

/** A refusal a handler raises on purpose; the dispatcher turns it into the error body as is. */
export class HandlerError extends Error {
  constructor(readonly body: BridgeErrorBody) {
    super(body.message);
    this.name = 'HandlerError';
  }
}

export const refuse = (field: string, message: string): HandlerError => new HandlerError({ code: 'invalid-request', field, message });
export const unavailable = (message: string): HandlerError => new HandlerError({ code: 'unavailable', message });

/** "settings.sitLimitMinutes: must be …" → field "sitLimitMinutes", message "sitLimitMinutes must be …". */
function storeProblem(message: string): { field?: string; message: string } {
  const m = /^(?:settings\.)?([A-Za-z][\w.]*): (.*)$/s.exec(message);
  if (!m) return { message };
  const [, field, rest] = m as unknown as [string, string, string];
  return { field, message: /^(must|is|are)\b/.test(rest) ? `${field} ${rest}` : `${field}: ${rest}` };
}

/** Anything a handler threw, as a typed error body; `log` hears about the unexpected ones. */
export function toErrorBody(e: unknown, log: (line: string) => void): BridgeErrorBody {
  if (e instanceof HandlerError) return e.body;
  if (e instanceof StoreError) {
    if (e.code === 'invalid' || e.code === 'not-found') return { code: 'invalid-request', ...storeProblem(e.message) };
    return { code: 'unavailable', message: e.message };
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { code: 'unavailable', message: 'the history is busy in another process; try again in a moment' };
  if (code === 'SQLITE_FULL') return { code: 'unavailable', message: 'the disk is full: Sitwell cannot save this until there is space again' };
  log(`bridge handler failed: ${(e as Error)?.stack ?? String(e)}`);
  return { code: 'internal', message: `Sitwell could not do that: ${(e as Error)?.message ?? String(e)}` };
}
