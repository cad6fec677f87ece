import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../../../shared/bridge.js';
import type { BridgeDispatcher } from '../bridge/dispatcher.js';

/**
 * Server-Sent Events: the bridge's events, one stream per open page. Each stream holds exactly
 * one dispatcher subscription, released when the page goes away or the server closes.
 */

/** A page that stops reading this much is dropped rather than buffered forever. */
const MAX_BUFFERED = 1024 * 1024;

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): Promise<void>;
  readonly count: number;
  closeAll(): void;
}

export function eventStreams(dispatcher: BridgeDispatcher, opts: { heartbeatMs: number; log: (line: string) => void }): EventStreams {
  const open = new Set<() => void>();

  return {
    get count() {
      return open.size;
    },
    closeAll() {
      for (const close of [...open]) close();
    },
    async open(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.flushHeaders();
      let closed = false;
      const send = (chunk: string) => {
        if (closed) return;
        if (res.writableLength > MAX_BUFFERED) {
          opts.log('an event stream stopped reading; dropping it');
          close();
          return;
        }
        res.write(chunk);
      };
      const sendEvent = (event: EventName, payload: unknown) => send(`event: ${event}\ndata: ${JSON.stringify(payload ?? {})}\n\n`);

      // Subscribe before reading the state, so no event between the two is lost.
      const unsubscribe = dispatcher.subscribe(sendEvent);
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), opts.heartbeatMs);
      heartbeat.unref();
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        res.end();
      };
      open.add(close);
      req.on('close', close);
      res.on('close', close);
      res.on('error', close);

      send('retry: 2000\n\n');
      const now = await dispatcher.call('getNow', {});
      if (now.ok) sendEvent('state', now.value);
    },
  };
}
