import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPipeBrowser, type PipeBrowser } from '../../bench/cdpPipe.js';
import { CHROMIUM, hasChromium, NO_CHROMIUM_REASON } from '../e2e/support/chromium.js';

/**
 * `npm run bench` times the window through bench/cdpPipe.ts, which talks to Chromium's DevTools
 * pipe by hand. The bench is not part of `npm test`, so this keeps its harness working: a real
 * headless Chromium, pages from data: URLs and from a loopback server.
 */
if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const page = (body: string) => `data:text/html,${encodeURIComponent(`<!doctype html><meta charset="utf-8">${body}`)}`;

describe.skipIf(!hasChromium)('the benchmark’s Chromium over the DevTools pipe', () => {
  let browser: PipeBrowser;
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    browser = await launchPipeBrowser(CHROMIUM, ['--no-sandbox', '--disable-gpu']);
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>x</p>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('opens a page at the asked viewport and waits for a value set later by the page', async () => {
    const url = page(`<p>x</p><script>setTimeout(() => (window.done = innerWidth * 10000 + innerHeight), 300)</script>`);
    expect(await browser.load(url, { width: 1000, height: 800 }, 'window.done ?? -1')).toBe(1000 * 10000 + 800);
  });

  it('gives each load a fresh browser context: nothing a page stored is seen by the next', async () => {
    const url = `${origin}/`;
    expect(await browser.load(url, { width: 800, height: 600 }, "(localStorage.setItem('k', '1'), 1)")).toBe(1);
    expect(await browser.load(url, { width: 800, height: 600 }, "localStorage.getItem('k') ?? 'none'")).toBe('none');
  });

  it('also counts the CPU time of the page’s main thread: a page that computes (~150 ms here) counts more than an empty one', async () => {
    const size = { width: 800, height: 600 };
    const idle = await browser.loadWithCpu(page(`<script>window.done = 1</script>`), size, 'window.done ?? -1');
    // A fixed amount of work, not a span of the clock: a thread waiting for a core during a clock-timed loop does
    // less work and rightly counts less CPU (a loop of 150 ms by the clock counted under 100 ms at load ~7).
    const work = 'let x = 0; for (let i = 0; i < 3e7; i++) x = (x + i * 7) % 1000003; window.done = 2 + 0 * x';
    const busy = await browser.loadWithCpu(page(`<script>${work}</script>`), size, 'window.done ?? -1');
    expect([idle.value, busy.value]).toEqual([1, 2]);
    expect(idle.mainThreadCpuMs).toBeGreaterThan(0);
    // ~150 ms of CPU on this machine (node: 146 ms); a third of it on one three times as fast.
    expect(busy.mainThreadCpuMs - idle.mainThreadCpuMs).toBeGreaterThan(40);
  });

  it('reports an expression that throws instead of waiting for it', async () => {
    await expect(browser.load(page('<p>x</p>'), { width: 800, height: 600 }, 'no.such.thing', 5000)).rejects.toThrow(/threw/);
  });

  it('gives up with a clear message when the value never comes', async () => {
    await expect(browser.load(page('<p>x</p>'), { width: 800, height: 600 }, '-1', 400)).rejects.toThrow(/stayed -1 for 400 ms/);
  });
});
