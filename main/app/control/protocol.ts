import { StringDecoder } from 'node:string_decoder';

/**
 * The control channel's wire format, shared by the tracker and `sitwell stand`/`sit`: one JSON
 * object per line each way. A request is `{"method": "...", "input": {...}}`, the answer is the
 * bridge's own call result, `{"ok": true, "value": ...}` or `{"ok": false, "error": {...}}`.
 */

/** The longest line either side accepts; the largest real request is a few hundred bytes. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface ControlRequest {
  method: string;
  input?: unknown;
}

export const encodeLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * Splits a byte stream into lines. Past MAX_LINE_BYTES without a newline the stream is refused
 * (`onTooLong`) instead of buffered without end.
 */
export function lineReader(onLine: (line: string) => void, onTooLong: () => void): (chunk: Buffer) => void {
  // A multi-byte character may be split across chunks.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let refused = false;
  const refuse = () => {
    refused = true;
    pending = '';
    onTooLong();
  };
  return (chunk) => {
    if (refused) return;
    pending += decoder.write(chunk);
    let nl: number;
    while (!refused && (nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (Buffer.byteLength(line) > MAX_LINE_BYTES) refuse();
      else if (line.trim() !== '') onLine(line);
    }
    if (!refused && Buffer.byteLength(pending) > MAX_LINE_BYTES) refuse();
  };
}
