import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeScan, SCREENSHOTS, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

/**
 * Issue 17: unsaved changes in Settings are kept or confirmed. Leaving the view (the navigation or
 * a new hash) keeps the edits and says so on every view; Save and Discard sit in a bar while they
 * are unsaved; closing the tab with unsaved edits asks first (beforeunload).
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const SIT = 'Break prompt after sitting for';

/** The window as the user sees it (not the whole page): the bar sticks to its bottom edge. */
async function shot(page: Page, theme: 'light' | 'dark') {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `settings-unsaved-${theme}.png`) });
}

describe.skipIf(!hasChromium)('Settings: unsaved changes are kept and confirmed (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const stored = (): Record<string, unknown> => {
    const row = queryDb<{ json: string }>(suite.db, 'SELECT json FROM settings')[0];
    return row ? (JSON.parse(row.json) as Record<string, unknown>) : {};
  };

  it('leaving the view keeps the edits and says so; Discard and the bar\'s Save do what they say', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/settings'));
    await expect.poll(() => page.getByLabel(SIT).inputValue()).toBe('30');
    expect(await page.getByTestId('unsaved-bar').count()).toBe(0);

    await page.getByLabel(SIT).fill('45');
    await page.getByLabel('No prompts during quiet hours').check();
    const bar = page.getByTestId('unsaved-bar');
    await expect.poll(() => bar.textContent()).toContain('You have unsaved changes in Settings.');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await shot(page, 'light');

    // Another view through the window's navigation: nothing saved, nothing lost, and it says so.
    await page.getByRole('link', { name: 'Statistics' }).click();
    await expect.poll(() => page.getByTestId('unsaved-elsewhere').textContent()).toContain('Your changes in Settings are not saved yet.');
    expect(stored().sitLimitMinutes).toBeUndefined();
    await page.getByRole('link', { name: 'Back to Settings' }).click();
    await expect.poll(() => page.getByLabel(SIT).inputValue()).toBe('45');
    expect(await page.getByLabel('No prompts during quiet hours').isChecked()).toBe(true);

    // A hash typed into the address bar is the same.
    await page.evaluate(() => (window.location.hash = '#/now'));
    await page.getByTestId('unsaved-elsewhere').waitFor();
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await expect.poll(() => page.getByLabel(SIT).inputValue()).toBe('45');

    await bar.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByLabel(SIT).inputValue()).toBe('30');
    expect(await page.getByLabel('No prompts during quiet hours').isChecked()).toBe(false);
    expect(await bar.count()).toBe(0);

    await page.getByLabel(SIT).fill('50');
    await bar.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved.');
    expect(stored().sitLimitMinutes).toBe(50);
    expect(await bar.count()).toBe(0);
    await page.getByRole('link', { name: 'Now' }).click();
    expect(await page.getByTestId('unsaved-elsewhere').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const dark = await openPage(suite.browser, { colorScheme: 'dark' });
    await dark.page.goto(suite.ui.view('#/settings'));
    await expect.poll(() => dark.page.getByLabel(SIT).inputValue()).toBe('50');
    await dark.page.getByLabel(SIT).fill('40');
    await dark.page.getByTestId('unsaved-bar').waitFor();
    await shot(dark.page, 'dark');
    await dark.context.close();
  });

  it('closing the tab with unsaved edits asks first; staying keeps them; with nothing unsaved it just closes', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByLabel(SIT).fill('25');
    await page.getByTestId('unsaved-bar').waitFor();
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss(); // "Stay on page"
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await page.getByLabel(SIT).inputValue()).toBe('25');

    await page.getByTestId('unsaved-bar').getByRole('button', { name: 'Discard' }).click();
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
    await context.close();
  });
});
