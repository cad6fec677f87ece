import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethod, LONG_TEXT, type BridgeErrorBody } from '../../../shared/bridge.js';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy.js';
import { TOKEN_HEADER } from '../../../shared/webToken.js';
import type { BridgeDispatcher } from '../bridge/dispatcher.js';
import { bodyLimit, readBody } from './body.js';
import { eventStreams } from './events.js';
import { assetCookieName, cookieValue, hostAllowed, originAllowed, tokensEqual } from './guards.js';
import { NOT_BUILT_PAGE } from './notBuiltPage.js';
import { readStatic } from './staticFiles.js';

/**
 * The local web mode: the built renderer and the bridge over HTTP, on loopback only.
 * Routes: POST /api/call/:method (JSON body = input), GET /api/events (SSE), GET of the
 * renderer's files. Everything else, and anything without the token, is refused.
 */

export interface WebServerOptions {
  dispatcher: BridgeDispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  host?: '127.0.0.1';
  log?: (line: string) => void;
  /** Open event streams at once; more are refused with 503. */
  maxEventStreams?: number;
  heartbeatMs?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  /** What the socket is bound to, as node:http reports it (always 127.0.0.1). */
  address: AddressInfo;
  /** Pages with an open event stream: 0 means no tab would hear a notification click. */
  readonly openPages: number;
  close(): Promise<void>;
}


const STATUS: Record<BridgeErrorBody['code'], number> = {
  'invalid-request': 400,
  'unknown-method': 404,
  unavailable: 409,
  forbidden: 403,
  internal: 500,
};

const CALL_PATH = /^\/api\/call\/([A-Za-z][A-Za-z0-9]{0,63})$/;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', PERMISSIONS_POLICY);
}

/** The page needs no device or sensor: say so, so nothing injected could ask for one. */
const PERMISSIONS_POLICY = [
  'camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'bluetooth', 'payment', 'display-capture',
  'clipboard-read', 'accelerometer', 'gyroscope', 'magnetometer', 'midi', 'screen-wake-lock', 'publickey-credentials-get',
].map((f) => `${f}=()`).join(', ');

/**
 * A refused request may still be sending a body (a 30 MB POST without the token): answer, then
 * close the connection instead of reading the rest, so refusals cost nothing.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: BridgeErrorBody, extra: Record<string, string> = {}): void {
  sendError(res, status, error, { connection: 'close', ...extra });
  res.on('finish', () => req.destroy());
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: BridgeErrorBody, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error }, extra);
}

function sendText(res: ServerResponse, status: number, type: string, text: string, head: boolean): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

const UNAUTHORISED_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sitwell</title></head><body>' +
  '<h1>Open the address Sitwell printed</h1><p>This page needs the one-time address that <code>sitwell ui</code> printed ' +
  '(it ends in <code>?token=…</code>). Copy it from the terminal where Sitwell runs.</p></body></html>';

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the Sitwell web server listens on 127.0.0.1 only');
  const log = opts.log ?? (() => {});
  const token = randomBytes(24).toString('base64url');
  const assetKey = randomBytes(24).toString('base64url');
  const maxStreams = opts.maxEventStreams ?? 32;
  const streams = eventStreams(opts.dispatcher, { heartbeatMs: opts.heartbeatMs ?? 15_000, log });
  let port = 0;

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // Only a JSON body: a cross-site form cannot send one without a preflight we never grant.
    if (type !== 'application/json') {
      req.resume();
      sendError(res, 415, { code: 'invalid-request', message: 'calls must send a JSON body (content-type: application/json)' });
      return;
    }
    const limit = bodyLimit(isMethod(method) ? LONG_TEXT[method] : undefined);
    const body = await readBody(req, limit);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      sendError(res, 413, { code: 'invalid-request', message: `the request is larger than ${limit / 1024} KB` }, { connection: 'close' });
      if (body.drop) res.on('finish', () => req.destroy());
      return;
    }
    let input: unknown = {};
    const text = body.body.toString('utf8');
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text);
      } catch {
        sendError(res, 400, { code: 'invalid-request', message: 'the request body is not valid JSON', field: '(request)' });
        return;
      }
    }
    const result = await opts.dispatcher.call(method, input);
    if (result.ok) sendJson(res, 200, { ok: true, value: result.value });
    else sendError(res, STATUS[result.error.code] ?? 500, result.error);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!hostAllowed(req, port)) {
      // A foreign Host means a name we were not addressed by: most likely DNS rebinding.
      refuse(req, res, 421, { code: 'forbidden', message: `this server answers only to 127.0.0.1:${port} and localhost:${port}` });
      return;
    }
    if (!originAllowed(req, port)) {
      refuse(req, res, 403, { code: 'forbidden', message: 'requests from other sites are refused' });
      return;
    }
    const target = req.url ?? '';
    if (!target.startsWith('/')) {
      sendError(res, 400, { code: 'invalid-request', message: 'malformed request target' });
      return;
    }
    const q = target.indexOf('?');
    const rawPath = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
    const isApi = rawPath === '/api' || rawPath.startsWith('/api/');

    if (isApi) {
      const call = CALL_PATH.exec(rawPath);
      const isEvents = rawPath === '/api/events';
      // Calls carry the token in a header, never in a cookie: browsers send a cookie for 127.0.0.1
      // to every local server whatever its port. EventSource cannot set headers, so the stream
      // takes it in its URL (fetched by script, never shown in the address bar).
      const given = isEvents ? query.get('token') : req.headers[TOKEN_HEADER];
      if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) {
        refuse(req, res, 401, { code: 'forbidden', message: 'missing or wrong token: open the address that `sitwell ui` printed' });
        return;
      }
      if (call && req.method === 'POST') return handleCall(req, res, call[1]!);
      if (isEvents && req.method === 'GET') {
        if (streams.count >= maxStreams) {
          sendError(res, 503, { code: 'unavailable', message: 'too many open Sitwell pages; close some and reload' });
          return;
        }
        return streams.open(req, res);
      }
      if (call || isEvents) {
        refuse(req, res, 405, { code: 'invalid-request', message: `${req.method} is not allowed here` }, { allow: call ? 'POST' : 'GET' });
        return;
      }
      req.resume();
      sendError(res, 404, { code: 'unknown-method', message: `no such endpoint: ${rawPath.slice(0, 80)}` });
      return;
    }

    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      refuse(req, res, 405, { code: 'invalid-request', message: `${req.method} is not allowed here` }, { allow: 'GET, HEAD' });
      return;
    }
    const viaQuery = tokensEqual(query.get('token'), token);
    if (!viaQuery && !tokensEqual(cookieValue(req, assetCookieName(port)), assetKey)) {
      sendText(res, 401, 'text/html; charset=utf-8', UNAUTHORISED_PAGE, head);
      return;
    }
    // The page's own files (scripts, styles) are fetched without the query. The cookie that lets
    // them through holds a second, asset-only key: it reaches every local server (cookies ignore
    // ports), so it must open nothing but the renderer's public files — never a call or the stream.
    if (viaQuery) res.setHeader('set-cookie', `${assetCookieName(port)}=${assetKey}; HttpOnly; SameSite=Strict; Path=/`);
    const file = await readStatic(opts.staticDir, rawPath);
    switch (file.kind) {
      case 'file':
        res.writeHead(200, {
          'content-type': file.type,
          'content-length': file.body.length,
          // The page itself is never stored: it was fetched with the token in its address.
          'cache-control': file.immutable ? 'private, max-age=31536000, immutable' : 'no-store',
        });
        res.end(head ? undefined : file.body);
        return;
      case 'not-built':
        sendText(res, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE, head);
        return;
      case 'refused':
        sendError(res, 403, { code: 'forbidden', message: `refused: ${file.why}` });
        return;
      case 'not-found':
        sendError(res, 404, { code: 'invalid-request', message: 'no such file' });
        return;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`web request failed: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'the Sitwell server failed to answer this request' });
      else res.destroy();
    });
  });
  // Slow or half-sent requests must not pin connections for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${opts.port} on 127.0.0.1 is already in use; choose another with --port`)
          : e.code === 'EACCES'
            ? new Error(`not allowed to listen on port ${opts.port}; choose a port above 1023 with --port`)
            : e,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port: opts.port ?? 0, host, exclusive: true });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  server.on('error', (e) => log(`web server error: ${e.message}`));

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    address,
    get openPages() {
      return streams.count;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
