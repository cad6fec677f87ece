import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../shared/i18n/locales/de/app.json';
import ar from '../../shared/i18n/locales/ar/app.json';
import ja from '../../shared/i18n/locales/ja/app.json';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { seedHistory, seedOtherDevice } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const catalogs = { de, ar, ja };

/** The views by their test ids (language-independent, so they work in every language). */
const VIEWS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'now', hash: '#/now', ready: (p) => p.getByTestId('now-bout').waitFor() },
  { name: 'prompt', hash: '#/prompt', ready: (p) => p.getByTestId('prompt-suggestion').waitFor() },
  { name: 'stretch', hash: '#/stretch', ready: (p) => p.locator('article.stretch-card').first().waitFor() },
  // The player, paused on its get-ready: the countdown ring, the side in words, the controls.
  { name: 'player', hash: '#/stretch/play/quick-2', ready: (p) => p.getByTestId('player-get-ready').waitFor() },
  {
    name: 'stats',
    hash: '#/stats?range=month&date=2025-11-10',
    ready: async (p) => {
      await p.getByTestId('stats-ready').waitFor({ state: 'attached' });
      await p.getByTestId('stats-devices').waitFor(); // the breakdown by computer, words and all
    },
  },
  { name: 'settings', hash: '#/settings', ready: (p) => p.getByTestId('data-path').waitFor() },
  { name: 'checkin', hash: '#/checkin', ready: (p) => p.getByTestId('not-a-medical-device').waitFor() },
];

/**
 * Text on the page (text alternatives and attributes a screen reader says included) with a plain-ASCII
 * word of three letters or more: in the pseudo-locale that is a string no catalog translated. Not counted:
 * code and keys (<code>, <kbd>), the language list (each language in its own words), the history file's
 * path, the time zone's name, the app's own English detail of a skipped sync file (a span marked lang="en"),
 * and the month and weekday names Intl itself gives for en-XA.
 */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fromIntl = new Set<string>(['AM', 'PM', 'JSON', 'CSV', 'DELETE', 'Sitwell']);
    for (const month of ['long', 'short'] as const)
      for (let m = 0; m < 12; m++) for (const w of new Intl.DateTimeFormat('en-XA', { month, timeZone: 'UTC' }).format(Date.UTC(2024, m, 15)).split(/\W+/)) fromIntl.add(w);
    for (const weekday of ['long', 'short'] as const)
      for (let d = 1; d <= 7; d++) fromIntl.add(new Intl.DateTimeFormat('en-XA', { weekday, timeZone: 'UTC' }).format(Date.UTC(2024, 0, d)));
    const skipped = (el: Element | null) => !!el?.closest('code, kbd, option, [data-testid="data-path"], span[lang="en"], script, style');
    const plain = (text: string) =>
      text
        .replace(/\b[A-Z][A-Za-z_]+\/[A-Za-z_/]+\b/g, '') // a time zone's name
        .split(/[^A-Za-z0-9\u00C0-\u024F]+/) // "bddc9356" (a device id) is not a word
        .filter((w) => /^[A-Za-z]{3,}$/.test(w) && !fromIntl.has(w));
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? '';
      if (!skipped(n.parentElement) && plain(text).length) found.push(text.trim());
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const text = el.getAttribute(attr);
        if (text && !skipped(el) && plain(text).length) found.push(`${attr}="${text}"`);
      }
    return [...new Set(found)];
  });
}

/** More states for the pseudo-locale's English hunt: a single day, an empty week, a missing stretch, Settings' hours. */
const MORE_STATES: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'stats-day', hash: '#/stats?range=day&date=2025-11-10', ready: (p) => p.getByTestId('stats-ready').waitFor({ state: 'attached' }) },
  { name: 'stats-empty', hash: '#/stats?range=week&date=2020-01-08', ready: (p) => p.getByTestId('stats-empty').waitFor() },
  { name: 'stretch-missing', hash: '#/stretch/play/404', ready: (p) => p.getByRole('alert').waitFor() },
  {
    name: 'settings-hours',
    hash: '#/settings',
    ready: async (p) => {
      await p.getByTestId('data-path').waitFor();
      await p.locator('#workHoursOn').check();
      await p.locator('#quietOn').check();
      await p.locator('#sitLimitMinutes').fill('0');
      await p.locator('#settings-form button[type="submit"]').click();
      await p.getByTestId('field-error-sitLimitMinutes').waitFor();
    },
  },
];

describe.skipIf(!hasChromium)('the window in other languages (real Chromium, sitwell ui, navigator.languages as the system locale)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell;
  let browser: Browser;

  beforeAll(async () => {
    seedHistory(db, { to: '2025-12-31', days: 60, zone: 'Europe/Berlin', checkInEvery: 6 });
    // A second, unnamed computer (its id is no word), so the statistics show the breakdown by computer in every language.
    const evening = (day: number) => ({ start: Date.UTC(2025, 10, day, 19), end: Date.UTC(2025, 10, day, 20, 15), zone: 'Europe/Berlin' });
    seedOtherDevice(db, { id: 'de5c0000de5c0000de5c0000de5c0000', name: '', bouts: [3, 4, 5, 10, 11].map(evening), importedAt: Date.UTC(2025, 11, 31, 12) });
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  const open = async (locale: string, width = 1000) => {
    const context = await browser.newContext({ viewport: { width, height: 760 }, locale, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  };

  for (const [locale, lng, dir, settingsWord] of [
    ['de-DE', 'de', 'ltr', 'Einstellungen'],
    ['ar-EG', 'ar', 'rtl', 'الإعدادات'],
    ['ja-JP', 'ja', 'ltr', '設定'],
  ] as const) {
    it(`${lng}: follows the browser's language (${locale}), <html lang dir>, every view drawn and screenshot${lng === 'ar' ? ', axe-clean' : ''}`, async () => {
      const { context, page, errors } = await open(locale);
      for (const view of VIEWS) {
        await page.goto(ui.view(view.hash));
        await page.reload();
        await view.ready(page);
        await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lng, dir]);
        await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain(settingsWord);
        await screenshot(page, `i18n-${lng}-${view.name}`, 'light');
        if (lng === 'ar') {
          const { violations } = await axeScan(page);
          const bad = seriousOrCritical(violations);
          expect(bad, `${view.name}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
        }
      }
      // The check-in's emergency advice, in full, the moment the first warning sign is answered yes.
      await page.goto(ui.view('#/checkin'));
      await page.locator('#soreness').fill('6');
      await page.locator('#flag-bladder-bowel-yes').check();
      const advice = page.getByTestId('emergency-advice');
      await expect.poll(() => advice.getByRole('heading').textContent()).toBe(catalogs[lng].checkin.advice.urgentHeading);
      expect(await advice.locator('p').textContent()).toBe(catalogs[lng].checkin.advice.urgentText);
      await screenshot(page, `i18n-${lng}-checkin-emergency`, 'light');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the pseudo-locale (accented, 40% longer) fits 360 px and 1000 px without scrolling sideways, and no text stayed English', async () => {
    const wide: string[] = [];
    const english: string[] = [];
    for (const width of [360, 1000]) {
      const { context, page, errors } = await open('en-XA', width);
      for (const view of VIEWS) {
        await page.goto(ui.view(view.hash));
        await page.reload();
        await view.ready(page);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > width) wide.push(`${view.name} at ${width}: ${w} px`);
        if (width === 1000) english.push(...(await untranslated(page)).map((t) => `${view.name}: ${t}`));
      }
      if (width === 1000)
        for (const state of MORE_STATES) {
          await page.goto(ui.view(state.hash));
          await page.reload();
          await state.ready(page);
          english.push(...(await untranslated(page)).map((t) => `${state.name}: ${t}`));
        }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(wide).toEqual([]);
    // Every word a catalog holds is accented in en-XA; a plain word is text that never went through one.
    expect(english).toEqual([]);
  });

  it('a language picked in Settings applies at once, is stored, and "system" goes back to the browser’s', async () => {
    const { context, page, errors } = await open('en-US');
    await page.goto(ui.view('#/settings'));
    await page.getByTestId('data-path').waitFor();
    await page.locator('#language-select').selectOption('nl');
    await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain('Instellingen');
    expect(await page.evaluate(() => document.title)).toBe('Instellingen · Sitwell');
    const stored = () => (JSON.parse(queryDb<{ json: string }>(db, 'SELECT json FROM settings')[0]!.json) as { language: string }).language;
    expect(stored()).toBe('nl');
    await page.reload();
    await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain('Instellingen');
    await page.locator('#language-select').selectOption('system');
    await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain('Settings');
    expect(stored()).toBe('system');
    expect(errors).toEqual([]);
    await context.close();
  });
});
