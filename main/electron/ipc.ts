import { isMethod, type CallResult, type EventName, type Method } from '../../shared/bridge.js';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';

/**
 * The ipcMain side of `window.sitwell`, without Electron: the wrapper takes the parts of an
 * IpcMainInvokeEvent it reads, so tests drive it with stand-in events.
 */

/** What main/app/bridge/handlers.ts's createBridgeHandlers returns (the same object the web mode serves). */
export interface DispatcherLike {
  call(method: Method, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** The parts of Electron's IpcMainInvokeEvent the checks read. */
export interface IpcSenderLike {
  senderFrame: { url: string; parent?: unknown } | null;
  sender: { id: number };
}

/** Where our pages come from: the packaged index.html (file://) and, in development only, the Vite dev server. */
export interface AppOrigins {
  /** file:// URL of dist/renderer/index.html. */
  indexUrl: string;
  /** e.g. http://127.0.0.1:5173 — only when running from source with SITWELL_DEV_SERVER set. */
  devServerUrl?: string | null;
}

/** True for our index.html (any #route) or a page of the dev server; false for anything else, including other file:// pages. */
export function isAppUrl(url: string, origins: AppOrigins): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    const index = new URL(origins.indexUrl);
    return u.pathname === index.pathname && u.host === index.host && u.search === '';
  }
  if (origins.devServerUrl) {
    const dev = new URL(origins.devServerUrl);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
  }
  return false;
}

/**
 * A sender is trusted when the message comes from the top frame of one of our own windows
 * and that frame shows our page. A frame that navigated away, a subframe, or any other
 * webContents (a devtools extension, a stray window) is refused.
 */
export function makeTrustedSenderCheck(origins: AppOrigins, ourWebContentsIds: () => ReadonlySet<number>): (e: IpcSenderLike) => boolean {
  return (e) => {
    const frame = e.senderFrame;
    if (!frame) return false;
    if (frame.parent) return false; // subframes get no bridge (there are none in our pages)
    if (!ourWebContentsIds().has(e.sender.id)) return false;
    return isAppUrl(frame.url, origins);
  };
}

const FORBIDDEN: CallResult = {
  ok: false,
  error: { code: 'forbidden', message: 'this page is not one of Sitwell’s own windows; the request was refused' },
};

/**
 * The function given to ipcMain.handle(IPC_CHANNELS.call, …). Checks the sender, then hands the
 * call to the dispatcher, which validates the input against the shared schemas. Never throws:
 * a thrown error would reach the renderer as an opaque rejection and leak a stack trace.
 */
export function makeIpcHandler(
  dispatcher: Pick<DispatcherLike, 'call'>,
  isTrustedSender: (e: IpcSenderLike) => boolean,
  log: (line: string) => void = () => {},
): (event: IpcSenderLike, method: unknown, input: unknown) => Promise<CallResult> {
  return async (event, method, input) => {
    let trusted: boolean;
    try {
      trusted = isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      log(`refused IPC ${typeof method === 'string' ? method.slice(0, 40) : typeof method} from ${event.senderFrame?.url.slice(0, 200) ?? 'a closed frame'}`);
      return FORBIDDEN;
    }
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `unknown method ${JSON.stringify(String(method).slice(0, 40))}` } };
    }
    try {
      return await dispatcher.call(method, input);
    } catch (e) {
      log(`IPC ${method} failed: ${(e as Error).stack ?? String(e)}`);
      return { ok: false, error: { code: 'internal', message: `${method} failed inside Sitwell; see the log` } };
    }
  };
}

export interface EventTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Pushes every dispatcher event to each of our live windows. Returns the unsubscribe function. */
export function forwardEvents(dispatcher: Pick<DispatcherLike, 'subscribe'>, targets: () => Iterable<EventTarget>): () => void {
  return dispatcher.subscribe((event, payload) => {
    for (const t of targets()) {
      if (!t.isDestroyed()) t.send(IPC_CHANNELS.event, event, payload);
    }
  });
}
