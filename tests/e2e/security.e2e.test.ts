import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { openPage } from './support/page.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

describe('sitwell ui refuses requests without its token or from another origin (real server)', () => {
  const tmp = tempDir();
  let ui: RunningSitwell;

  beforeAll(async () => {
    ui = await startUi(join(tmp.dir, 'history.db'));
  });
  afterAll(async () => {
    await ui?.stop();
    tmp.cleanup();
  });

  const call = (method: string, headers: Record<string, string>) =>
    fetch(`${ui.origin}/api/call/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  it('a call without the token, or with a wrong one, is refused and runs nothing', async () => {
    const attempts: Record<string, string>[] = [{}, { 'x-sitwell-token': 'not-the-token' }];
    for (const headers of attempts) {
      const res = await call('deleteAllData', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const events = await fetch(`${ui.origin}/api/events`);
    expect(events.status).toBe(401);
    const page = await fetch(`${ui.origin}/`);
    expect(page.status).toBe(401);
  });

  it('a call with the token from a foreign Origin is refused; from our own origin it works', async () => {
    const foreign = await call('getSettings', { 'x-sitwell-token': ui.token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await call('getSettings', { 'x-sitwell-token': ui.token, origin: ui.origin });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ ok: true, value: { sitLimitMinutes: 30 } });
  });

  describe.skipIf(!hasChromium)('in the browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opening the address without the token shows how to get in, not the app', async () => {
      const { page, context } = await openPage(browser);
      const res = await page.goto(`${ui.origin}/#/stats`);
      expect(res?.status()).toBe(401);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Open the address Sitwell printed');
      await context.close();
    });

    it('the token leaves the address bar once the page has read it; the app keeps working, reload included', async () => {
      const { page, context } = await openPage(browser);
      await page.goto(`${ui.origin}/?token=${ui.token}#/settings`);
      await expect.poll(() => page.url()).toBe(`${ui.origin}/#/settings`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
      await page.reload();
      expect(page.url()).not.toContain(ui.token);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
      // Nothing the page keeps outside this tab holds the token: no cookie carries it.
      const cookies = await context.cookies();
      expect(cookies.length).toBeGreaterThan(0);
      for (const c of cookies) expect(c.value).not.toBe(ui.token);
      await context.close();
    });
  });
});
