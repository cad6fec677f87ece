import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the local web server: a page that was handed the per-run token, loaded from
 * this very loopback origin. The Host check defeats DNS rebinding (a foreign name resolving to
 * 127.0.0.1); the Origin check defeats other sites' pages; the token defeats everything else
 * on the machine that can reach the port but did not see the printed URL.
 */


export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** Browsers send Origin on every POST and on cross-origin reads; when present it must be ours. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedOrigins(port).has(origin.toLowerCase());
}

export function tokensEqual(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The asset cookie's name carries the port: cookies are per host, not per port, and two runs must
 * not clash. It holds an asset-only key, never the API token (see server.ts).
 */
export const assetCookieName = (port: number): string => `sitwell_assets_${port}`;

export function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
