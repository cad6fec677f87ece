import type { Server, Socket } from 'node:net';
import { isMethod, type BridgeErrorBody, type CallResult, type Method } from '../../../shared/bridge.js';
import type { ControlAddress } from '../../platform/controlPath.js';
import { listenPrivate } from '../../platform/controlSocket.js';
import type { BridgeDispatcher } from '../bridge/dispatcher.js';
import { encodeLine, lineReader, type ControlRequest } from './protocol.js';

/**
 * The running tracker's local control channel: what `sitwell stand` / `sitwell sit` (and a desk
 * controller's script behind them) talk to. Every request goes through the same bridge dispatcher
 * as the window, so it is validated by the same schemas and answered with the same error bodies.
 */

/**
 * What the channel offers: saying what the user does, reading or pausing the tracker, and the sync
 * folder and device name that `sitwell sync` sets (the tracker follows them at once). History edits
 * (settings, import, delete) stay in the window, where the user sees what they change.
 */
export const CONTROL_METHODS: readonly Method[] = ['getInfo', 'getNow', 'stand', 'sit', 'answerPrompt', 'pause', 'resume', 'getSync', 'setSyncFolder', 'setDeviceName'];

/** A client that says nothing for this long is dropped (a stuck script must not hold a connection). */
const IDLE_TIMEOUT_MS = 10_000;
/** Connections at once; a desk script needs one. */
const MAX_CONNECTIONS = 16;

export interface ControlServerOptions {
  address: ControlAddress;
  /**
   * The dispatcher, made on first use: the daemon does not load the bridge schemas (zod, ~5 MB
   * resident) until someone actually calls.
   */
  dispatcher: () => BridgeDispatcher | Promise<BridgeDispatcher>;
  log?: (line: string) => void;
  methods?: readonly Method[];
  idleTimeoutMs?: number;
}

export interface ControlServer {
  readonly path: string;
  close(): Promise<void>;
}

const failure = (code: BridgeErrorBody['code'], message: string, field?: string): CallResult => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

function parseRequest(line: string): ControlRequest | CallResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return failure('invalid-request', 'each request must be one JSON object on one line, like {"method":"stand","input":{}}');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return failure('invalid-request', 'the request must be a JSON object');
  const { method, input } = value as Record<string, unknown>;
  if (typeof method !== 'string') return failure('invalid-request', 'the request needs a "method" naming a Sitwell bridge method', 'method');
  return { method, input: input ?? {} };
}

/** Starts listening at `address`; the caller holds the history's tracker lock (so no other tracker listens there). */
export async function startControlServer(opts: ControlServerOptions): Promise<ControlServer> {
  const log = opts.log ?? (() => {});
  const methods = new Set<string>(opts.methods ?? CONTROL_METHODS);
  const idleTimeoutMs = opts.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const sockets = new Set<Socket>();
  let dispatcher: Promise<BridgeDispatcher> | null = null;

  const answer = async (line: string): Promise<CallResult> => {
    const req = parseRequest(line);
    if ('ok' in req) return req;
    if (!isMethod(req.method)) return failure('unknown-method', `"${req.method.slice(0, 60)}" is not a Sitwell bridge method`);
    if (!methods.has(req.method)) return failure('forbidden', `"${req.method}" is not offered on the control channel; use the Sitwell window for it`);
    try {
      dispatcher ??= Promise.resolve(opts.dispatcher());
      return await (await dispatcher).call(req.method, req.input);
    } catch (e) {
      dispatcher = null;
      log(`control channel: ${(e as Error).message}`);
      return failure('internal', `Sitwell could not do that: ${(e as Error).message}`);
    }
  };

  const onConnection = (socket: Socket) => {
    if (sockets.size >= MAX_CONNECTIONS) {
      socket.end(encodeLine(failure('unavailable', 'too many control connections at once; try again in a moment')));
      return;
    }
    sockets.add(socket);
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Answers go back in the order the requests came, one at a time.
    let queue = Promise.resolve();
    socket.on(
      'data',
      lineReader(
        (line) => {
          queue = queue.then(async () => {
            const result = await answer(line);
            if (!socket.destroyed) socket.write(encodeLine(result));
          });
        },
        () => socket.end(encodeLine(failure('invalid-request', 'the request is too long'))),
      ),
    );
  };

  const server: Server = await listenPrivate(opts.address, onConnection);
  server.on('error', (e) => log(`control channel: ${e.message}`));
  return {
    path: opts.address.path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        // Closing the server removes the socket file too.
        server.close(() => resolve());
      }),
  };
}
