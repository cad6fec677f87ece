import { describe, expect, it } from 'vitest';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

describe.skipIf(!hasChromium)('first-run welcome (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();

  it('states the rules with the default settings, shows a test prompt on request, and stays closed afterwards (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/now'));
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    await expect.poll(() => welcome.textContent()).toContain('After 30 min of sitting it asks you to get up.');
    await expect.poll(() => welcome.textContent()).toContain('for 2 min or more counts as a break');
    await screenshot(page, 'welcome', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'welcome', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const { violations } = await axeScan(page);
    expect(seriousOrCritical(violations)).toEqual([]);

    await welcome.getByRole('link', { name: 'Show me a test prompt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Time for a break' }).waitFor();
    await expect.poll(() => page.getByTestId('prompt-preview').textContent()).toContain('test prompt');
    await expect.poll(() => page.getByTestId('prompt-suggestion').count()).toBe(1);

    await page.goto(suite.ui.view('#/now'));
    await page.getByTestId('now-bout').waitFor();
    await page.reload();
    await page.getByTestId('now-bout').waitFor();
    await expect.poll(() => page.getByTestId('welcome').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
