import type { IncomingMessage } from 'node:http';

export const BODY_LIMIT = 64 * 1024;

/** A call's body limit: 64 KB, or room for a whole file's text (JSON escaping of quotes and line breaks at most doubles a real export). */
export const bodyLimit = (longText: number | undefined): number => (longText === undefined ? BODY_LIMIT : 2 * longText + 4096);
/** Past this (or the limit, if larger) we stop reading politely (draining so the client sees the 413) and drop the connection. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too-large'; drop: boolean } | { kind: 'aborted' };

/**
 * Reads a request body of at most `limit` bytes. An oversized body is still read to its end
 * (up to DRAIN_LIMIT) but not kept, because a client that is cut off mid-upload often never
 * sees the 413 it was sent.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  const drainLimit = Math.max(DRAIN_LIMIT, limit);
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > drainLimit) {
      resolve({ kind: 'too-large', drop: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        req.pause();
        finish({ kind: 'too-large', drop: true });
      } else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => finish(size > limit ? { kind: 'too-large', drop: false } : { kind: 'ok', body: Buffer.concat(chunks, size) }));
    req.on('aborted', () => finish({ kind: 'aborted' }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}
