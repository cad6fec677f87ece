import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

interface StretchesCatalog {
  caution: Record<string, string>;
  stretch: Record<string, { name: string; summary: string; picture: string; steps: string[]; cautions: string[] }>;
  routine: Record<string, { name: string; summary: string }>;
}
const catalog = (lng: string): StretchesCatalog =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../shared/i18n/locales', lng, 'stretches.json'), 'utf8')) as StretchesCatalog;

describe.skipIf(!hasChromium)('the stretch catalog in other languages (real Chromium, sitwell ui, the stretches namespace loaded lazily)', () => {
  const suite = useUiSuite();

  const open = async (locale: string, width = 1000) => {
    const context = await suite.browser.newContext({ viewport: { width, height: 800 }, locale, bypassCSP: true }); // axe is injected
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  };
  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
  const storedLanguage = () => (JSON.parse(queryDb<{ json: string }>(suite.db, 'SELECT json FROM settings')[0]!.json) as { language?: string }).language;

  for (const [locale, lng] of [
    ['de-DE', 'de'],
    ['ar-EG', 'ar'],
    ['ja-JP', 'ja'],
  ] as const) {
    it(`${lng}: the Stretches page and the player show every word of a stretch in ${locale}, screenshots${lng === 'ar' ? ', axe-clean' : ''}`, { timeout: 90_000 }, async () => {
      const words = catalog(lng);
      const piriformis = words.stretch['seated-piriformis']!;
      const { context, page, errors } = await open(locale);

      await page.goto(suite.ui.view('#/stretch'));
      await expect.poll(() => page.locator('#stretch-seated-piriformis').textContent()).toBe(piriformis.name);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng);
      expect(await page.locator('#routine-quick-2').textContent()).toBe(words.routine['quick-2']!.name);
      const card = page.locator('article', { has: page.locator('#stretch-seated-piriformis') });
      await card.locator('summary').click();
      expect(await card.locator('ol.steps li').allTextContents()).toEqual(piriformis.steps);
      // Its own caution first, then the shared ones (hip replacement, knee, pregnancy and osteoporosis), in full.
      expect(await card.locator('ul.cautions li').allTextContents()).toEqual([
        ...piriformis.cautions,
        ...(['legNerve', 'hipReplacement', 'kneeCrossed', 'bonesPregnancy'] as const).map((c) => words.caution[c]),
      ]);
      await screenshot(page, `stretches-${lng}`, 'light');
      if (lng === 'ar') expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);

      await page.goto(suite.ui.view('#/stretch/play/seated-piriformis'));
      await expect.poll(() => page.getByTestId('player-stretch').textContent()).toBe(piriformis.name);
      await page.getByTestId('player-pause').click(); // a still frame for the screenshot
      expect(await texts(page, '.player ol.steps li')).toEqual(piriformis.steps);
      expect(await texts(page, '.player ul.cautions li')).toContain(words.caution['hipReplacement']);
      expect(await page.locator('h1').textContent()).toBe(piriformis.name);
      expect(await page.locator('.player .illustration svg title').textContent()).toBe(piriformis.picture); // what a screen reader says
      await screenshot(page, `player-${lng}`, 'light');
      if (lng === 'ar') expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
      await page.getByTestId('player-stop').click();
      await page.getByTestId('player-stopped').waitFor();

      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a language picked in Settings reaches the catalog at once: its stretches chunk loads without a reload', async () => {
    const { context, page, errors } = await open('en-US');
    await page.goto(suite.ui.view('#/stretch'));
    await expect.poll(() => page.locator('#stretch-neck-side-tilt').textContent()).toBe(catalog('en').stretch['neck-side-tilt']!.name);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByTestId('data-path').waitFor();
    await page.locator('#language-select').selectOption('ko');
    await page.evaluate(() => (window.location.hash = '#/stretch'));
    await expect.poll(() => page.locator('#stretch-neck-side-tilt').textContent()).toBe(catalog('ko').stretch['neck-side-tilt']!.name);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByTestId('data-path').waitFor();
    await page.locator('#language-select').selectOption('system');
    // Stored before the page closes: this suite's later tests share the history and would open in Korean.
    await expect.poll(() => storedLanguage()).toBe('system');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the pseudo-locale (accented, 40% longer) player fits 360 px without scrolling sideways', async () => {
    const { context, page, errors } = await open('en-XA', 360);
    await page.goto(suite.ui.view('#/stretch/play/hamstring-heel-on-step'));
    await expect.poll(() => page.getByTestId('player-stretch').textContent()).toMatch(/^\[Háɱšţŕíñĝ/);
    await page.getByTestId('player-pause').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('player-stop').click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
