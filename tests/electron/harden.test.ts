import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hardenContents, hardenSession, isAllowedRequest, type ContentsLike, type SessionLike } from '../../main/electron/harden.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.js';
import { isAllowedExternal, secureWebPreferences } from '../../main/electron/securityPolicy.js';

const DIR = pathToFileURL('/opt/Sitwell/resources/app.asar/dist/renderer').href + '/';
const INDEX = `${DIR}index.html`;
const origins = { indexUrl: INDEX, rendererDirUrl: DIR };

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of every page', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isAllowedExternal', () => {
  it('opens only allow-listed https pages in the browser', () => {
    expect(isAllowedExternal('https://doi.org/10.1249/MSS.0000000000001113')).toBe(true);
    expect(isAllowedExternal('https://pubmed.ncbi.nlm.nih.gov/28346305/')).toBe(true);
    expect(isAllowedExternal('http://doi.org/10.1/x')).toBe(false);
    expect(isAllowedExternal('https://doi.org.evil.example/x')).toBe(false);
    expect(isAllowedExternal('https://user:pw@doi.org/x')).toBe(false);
    expect(isAllowedExternal('https://doi.org:8443/x')).toBe(false);
    expect(isAllowedExternal('https://example.com/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternal('nonsense')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('lets pages load our own files, data: images and DevTools; nothing remote, no other local files', () => {
    expect(isAllowedRequest(INDEX, origins)).toBe(true);
    expect(isAllowedRequest(`${DIR}assets/app-123.js`, origins)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', origins)).toBe(true);
    expect(isAllowedRequest('blob:file:///3f1c-4a', origins)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', origins)).toBe(true);
    expect(isAllowedRequest(`${DIR}../../../secret.txt`, origins)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', origins)).toBe(false);
    expect(isAllowedRequest('https://cdn.example.com/x.js', origins)).toBe(false);
    expect(isAllowedRequest('wss://example.com/', origins)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', origins)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', { ...origins, devServerUrl: 'http://127.0.0.1:5173' })).toBe(true);
    expect(isAllowedRequest('ftp://x/', origins)).toBe(false);
  });
});

describe('hardenSession (stand-in Electron session)', () => {
  function standInSession() {
    const h: {
      perm?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
      headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
      before?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    } = {};
    const ses: SessionLike = {
      setPermissionRequestHandler: (f) => (h.perm = f),
      setPermissionCheckHandler: (f) => (h.check = f),
      webRequest: { onHeadersReceived: (f) => (h.headers = f), onBeforeRequest: (f) => (h.before = f) },
    };
    return { ses, h };
  }

  it('denies every permission request and check', () => {
    const { ses, h } = standInSession();
    hardenSession(ses, origins);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | null = null;
      h.perm!({}, p, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(h.check!({}, p)).toBe(false);
    }
  });

  it('replaces any Content-Security-Policy header with ours', () => {
    const { ses, h } = standInSession();
    hardenSession(ses, origins);
    let out: Record<string, string[] | string> | undefined;
    h.headers!({ responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'X-Other': ['1'] } }, (r) => (out = r.responseHeaders));
    expect(out).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('cancels requests that leave the app', () => {
    const { ses, h } = standInSession();
    hardenSession(ses, origins);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      h.before!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict(`${DIR}assets/a.js`)).toBe(false);
    expect(verdict('https://example.com/tracker.gif')).toBe(true);
  });
});

describe('hardenContents (stand-in webContents)', () => {
  function standInContents() {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
    const contents: ContentsLike = {
      on: ((event: string, l: (e: { preventDefault(): void }, url?: string) => void) => {
        listeners[event] = l;
      }) as ContentsLike['on'],
      setWindowOpenHandler: (f) => {
        openHandler = f;
      },
    };
    const fire = (event: string, url?: string) => {
      let prevented = false;
      listeners[event]!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { contents, fire, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks navigation away from our page; allow-listed links go to the browser instead', () => {
    const { contents, fire } = standInContents();
    const external: string[] = [];
    hardenContents(contents, origins, (u) => external.push(u));
    expect(fire('will-navigate', `${INDEX}#/stats`)).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'https://doi.org/10.1/x')).toBe(true);
    expect(external).toEqual(['https://doi.org/10.1/x']);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window; allow-listed https opens in the browser', () => {
    const { contents, open } = standInContents();
    const external: string[] = [];
    hardenContents(contents, origins, (u) => external.push(u));
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open(INDEX)).toEqual({ action: 'deny' });
    expect(open('https://pubmed.ncbi.nlm.nih.gov/1/')).toEqual({ action: 'deny' });
    expect(external).toEqual(['https://pubmed.ncbi.nlm.nih.gov/1/']);
  });
});
