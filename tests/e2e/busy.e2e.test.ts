import { describe, expect, it } from 'vitest';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useDaemonSuite } from './support/daemonSuite.js';

/**
 * A break prompt held back while the user is busy (DESIGN.md §6), as the Now view says it: the real
 * `sitwell daemon --ui` with its real `app` busy source, whose list names `node` (the daemon itself
 * runs as node, so the user is busy from the start), and a headless Chromium.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const MINUTE_MS = 1000;

describe.skipIf(!hasChromium)('Now view while a break prompt is held for busy (real Chromium, sitwell daemon --ui, real app source)', () => {
  const suite = useDaemonSuite({ sitLimitMinutes: 1, snoozeMinutes: 3, minBreakMinutes: 5, postureEnabled: false, busyApp: true, busyApps: ['node'] }, MINUTE_MS);
  const prompts = () => queryDb<{ outcome: string; reason: string | null }>(suite.db, "SELECT outcome, reason FROM prompts WHERE kind = 'break' ORDER BY id");

  it('says the prompt is held and why; once the app leaves the list the prompt comes', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.daemon.view('#/now'));
    suite.keepSitting();
    await expect.poll(() => prompts()[0], { timeout: 20_000 }).toEqual({ outcome: 'suppressed', reason: 'busy:app' });
    const next = page.getByTestId('now-next');
    await expect.poll(() => next.textContent(), { timeout: 10_000 }).toBe('Holding your break prompt: an app on your busy list is running');
    expect(await page.getByText('A break prompt is waiting').count()).toBe(0);
    await screenshot(page, 'now-held-busy', 'light');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);

    const dark = await openPage(suite.browser, { colorScheme: 'dark' });
    await dark.page.goto(suite.daemon.view('#/now'));
    await expect.poll(() => dark.page.getByTestId('now-next').textContent(), { timeout: 10_000 }).toContain('Holding your break prompt');
    await screenshot(dark.page, 'now-held-busy', 'dark');
    await dark.context.close();

    // The user takes `node` off the list: within a (testing) minute the held prompt is shown.
    const res = await page.evaluate(async (token) => {
      const r = await fetch('/api/call/updateSettings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sitwell-token': token },
        body: JSON.stringify({ busyApps: [] }),
      });
      return r.status;
    }, suite.daemon.token);
    expect(res).toBe(200);
    await page.getByText('A break prompt is waiting').waitFor({ timeout: 10_000 });
    expect(await next.textContent()).toBe('A break prompt is open now.');
    expect(prompts().map((p) => p.outcome)).toEqual(['suppressed', 'unanswered']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
