import { isAppUrl, type AppOrigins } from './ipc.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.js';
import { isAllowedExternal } from './securityPolicy.js';

/**
 * Session- and page-level defences, written against the few Electron methods they call so
 * tests can drive them with stand-ins. main.ts applies them to the default session and to every
 * webContents Electron creates (app 'web-contents-created').
 */

interface PreventableEvent {
  preventDefault(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Requests a page may make: our own files under the renderer directory, data: and blob: URLs, DevTools,
 * and the dev server when running from source. Everything else (any remote http(s), ws, other
 * local files) is cancelled before it leaves the process.
 */
export function isAllowedRequest(url: string, origins: AppOrigins & { rendererDirUrl: string }): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  switch (u.protocol) {
    case 'file:': {
      const dir = origins.rendererDirUrl.endsWith('/') ? origins.rendererDirUrl : `${origins.rendererDirUrl}/`;
      // Resolved by URL, so /renderer/../secret does not slip through.
      return `file://${u.host}${u.pathname}`.startsWith(dir);
    }
    case 'data:':
    case 'blob:': // in-memory data the page made itself (the export download)
    case 'devtools:':
    case 'chrome-devtools:':
      return true;
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:':
      if (!origins.devServerUrl) return false;
      return new URL(origins.devServerUrl).host === u.host;
    default:
      return false;
  }
}

export function hardenSession(ses: SessionLike, origins: AppOrigins & { rendererDirUrl: string }, log: (line: string) => void = () => {}): void {
  // Sitwell needs no camera, location, notifications-from-pages or anything else a page can ask for.
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied a page's permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedRequest(details.url, origins);
    if (!ok) log(`blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !ok });
  });
}

/** No navigation away from our page, no new windows, no webviews. Allowed https links open in the user's browser. */
export function hardenContents(contents: ContentsLike, origins: AppOrigins, openExternal: (url: string) => void, log: (line: string) => void = () => {}): void {
  const guard = (kind: string) => (e: PreventableEvent, url: string) => {
    if (isAppUrl(url, origins)) return;
    e.preventDefault();
    if (isAllowedExternal(url)) openExternal(url);
    else log(`denied ${kind} to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    else log(`denied a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}
