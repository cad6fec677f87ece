import { EVENT_NAMES, type BridgeErrorBody, type BridgeTransport, type CallResult, type EventName, type Method } from '../../shared/bridge.js';
import { TOKEN_HEADER } from '../../shared/webToken.js';

/**
 * The bridge over HTTP, for the local web mode (`sitwell ui`): one POST per call, one
 * Server-Sent Events stream for all events. The token comes from the address `sitwell ui`
 * printed (…/?token=…); calls send it in a header, the event stream in its URL (EventSource
 * cannot send headers).
 */

export interface WebTransportOptions {
  /** Default: the `token` query parameter of the page's address (then removed from it), see takeToken. */
  token?: string;
  /** Default: the page's own origin. */
  base?: string;
}

function tokenFromLocation(href: string = globalThis.location?.href ?? ''): string {
  try {
    return new URL(href).searchParams.get('token') ?? '';
  } catch {
    return '';
  }
}

const TOKEN_KEY = 'sitwell.token';

/**
 * The page's token, taken out of the address bar as soon as the page reads it, so it is not left
 * in the browser's history, a bookmark or a shared screen. It stays in this tab's sessionStorage
 * (per origin, port included, never sent anywhere) so a reload still works.
 */
export function takeToken(): string {
  const fromUrl = tokenFromLocation();
  const storage = globalThis.sessionStorage as Storage | undefined;
  if (fromUrl === '') return storage?.getItem(TOKEN_KEY) ?? '';
  storage?.setItem(TOKEN_KEY, fromUrl);
  const url = new URL(globalThis.location.href);
  url.searchParams.delete('token');
  globalThis.history?.replaceState(globalThis.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return fromUrl;
}

function failure(code: BridgeErrorBody['code'], message: string): CallResult {
  return { ok: false, error: { code, message } };
}

function isResult(v: unknown): v is CallResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

export function webTransport(opts: WebTransportOptions = {}): BridgeTransport {
  const token = opts.token ?? takeToken();
  const base = opts.base ?? '';
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let source: EventSource | null = null;

  const deliver = (event: EventName) => (msg: MessageEvent<string>) => {
    let payload: unknown;
    try {
      payload = JSON.parse(msg.data);
    } catch {
      return; // not ours to show; the next state event will follow
    }
    for (const l of [...listeners]) l(event, payload);
  };

  const openStream = () => {
    // EventSource reconnects by itself after a dropped connection; the server re-sends `state` then.
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) source.addEventListener(name, deliver(name) as EventListener);
  };

  return {
    async call(method: Method, input: unknown): Promise<CallResult> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        return failure('unavailable', 'Sitwell is not reachable. Is `sitwell ui` still running?');
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        return failure(res.status === 401 || res.status === 403 ? 'forbidden' : 'internal', `Sitwell answered with HTTP ${res.status} and no readable reply`);
      }
      if (isResult(body)) return body;
      return failure('internal', `Sitwell answered with HTTP ${res.status} and an unexpected reply`);
    },

    subscribe(listener) {
      listeners.add(listener);
      if (!source) openStream();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
