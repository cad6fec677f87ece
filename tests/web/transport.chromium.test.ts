import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot, startHarness, type Harness } from './helpers.js';

/**
 * The browser half of the local web mode in real headless Chromium: renderer/bridge/webTransport.ts,
 * bundled as the renderer would be, talking to the real server over a real store — and pages
 * from elsewhere (another origin, a rebinding host name) trying to and failing.
 */

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`skipping the Chromium transport tests: ${CHROMIUM} is not installed (apt-get install chromium)`);

declare global {
  interface Window {
    sitwellTest: {
      bridge: import('../../shared/bridge.js').SitwellBridge;
      events: [string, unknown][];
      BridgeError: typeof import('../../shared/bridge.js').BridgeError;
    };
  }
}

const ENTRY = `
import { createBridge, BridgeError } from './shared/bridge.js';
import { webTransport } from './renderer/bridge/webTransport.js';
const bridge = createBridge(webTransport());
const events = [];
bridge.on('state', (s) => events.push(['state', s]));
bridge.on('settings', (s) => events.push(['settings', s]));
window.sitwellTest = { bridge, events, BridgeError };
document.body.dataset.ready = 'yes';
`;

let h: Harness;
let browser: Browser;
let foreign: Server;
let foreignPort = 0;

beforeAll(async () => {
  if (missing) return;
  h = await startHarness();
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  writeFileSync(join(h.home.staticDir, 'assets', 'app.js'), out.outputFiles[0]!.text);
  writeFileSync(
    join(h.home.staticDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>transport test</title><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  // A page from another origin that has (worst case) learned the token and tries to use it.
  foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><body>elsewhere</body>');
  });
  await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', () => r()));
  foreignPort = (foreign.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  });
}, 60_000);

afterAll(async () => {
  if (missing) return;
  await browser?.close();
  foreign?.close();
  await h?.close();
});

describe.skipIf(missing)('the web transport in headless Chromium', () => {
  it('calls, typed errors and events work over the real server, with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(h.server.url);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 10_000 });

    const info = await page.evaluate(() => window.sitwellTest.bridge.getInfo({}));
    expect(info).toMatchObject({ mode: 'web', tracking: false });

    const refused = await page.evaluate(async () => {
      try {
        await window.sitwellTest.bridge.updateSettings({ sitLimitMinutes: 9999 });
        return null;
      } catch (e) {
        return { isBridgeError: e instanceof window.sitwellTest.BridgeError, body: (e as InstanceType<typeof window.sitwellTest.BridgeError>).body };
      }
    });
    expect(refused).toMatchObject({ isBridgeError: true, body: { code: 'invalid-request', field: 'sitLimitMinutes' } });

    const unavailable = await page.evaluate(() => window.sitwellTest.bridge.answerPrompt({ action: 'skip' }).then(() => null, (e: { body: unknown }) => e.body));
    expect(unavailable).toMatchObject({ code: 'unavailable' });

    await page.waitForFunction(() => window.sitwellTest.events.some(([e]) => e === 'state'), undefined, { timeout: 10_000 });
    await page.evaluate(() => window.sitwellTest.bridge.updateSettings({ snoozeMinutes: 6 }));
    await page.waitForFunction(() => window.sitwellTest.events.some(([e, p]) => e === 'settings' && (p as { snoozeMinutes: number }).snoozeMinutes === 6), undefined, {
      timeout: 10_000,
    });
    expect(h.store.getSettings().snoozeMinutes).toBe(6);

    // The page cannot run inline script (the CSP forbids it).
    const inlineRan = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inline?: number }).__inline === 1;
    });
    expect(inlineRan).toBe(false);
    expect(violations.filter((v) => !/inline/i.test(v))).toEqual([]);
    await page.close();
  });

  it('a page from another origin cannot call the bridge, even knowing the token', async () => {
    h.store.addBout({ start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T10:00:00Z'), durationMs: 3_600_000, zone: 'UTC' });
    const before = dbSnapshot(h.home.dbPath);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${foreignPort}/`);
    const result = await page.evaluate(
      async ({ base, token }) => {
        const out: Record<string, string> = {};
        try {
          const r = await fetch(`${base}/api/call/deleteAllData`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-sitwell-token': token },
            body: '{"confirm":"DELETE"}',
          });
          out.json = String(r.status);
        } catch (e) {
          out.json = `blocked: ${(e as Error).message}`;
        }
        try {
          // A "simple" cross-origin request (no preflight): the server still refuses it by Origin and content type.
          const r = await fetch(`${base}/api/call/deleteAllData`, { method: 'POST', mode: 'no-cors', body: '{"confirm":"DELETE"}' });
          out.simple = r.type;
        } catch (e) {
          out.simple = `blocked: ${(e as Error).message}`;
        }
        return out;
      },
      { base: h.base, token: h.token },
    );
    // The preflight is refused, so the JSON call never leaves the browser; the simple one is refused by Origin.
    expect(result.json).toMatch(/blocked/);
    expect(result.simple).toMatch(/^(blocked|opaque)/);
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
    await page.close();
  });

  it('a rebinding host name pointing at 127.0.0.1 gets nothing (Host check)', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`http://rebind.test:${h.port}/?token=${h.token}`);
    expect(res?.status()).toBe(421);
    expect(await page.content()).not.toContain('transport test');
    const call = await page.evaluate(
      async ({ token }) => {
        const r = await fetch('/api/call/getSettings', { method: 'POST', headers: { 'content-type': 'application/json', 'x-sitwell-token': token }, body: '{}' });
        return r.status;
      },
      { token: h.token },
    );
    expect(call).toBe(421);
    await page.close();
  });
});
