import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../shared/checkin.js';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { seedHistory } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);


/** Every view (and the screens inside them) with how to get there and what marks it as drawn. */
const VIEWS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'now', hash: '#/now', ready: (p) => p.getByTestId('now-bout').waitFor() },
  { name: 'prompt', hash: '#/prompt', ready: (p) => p.getByTestId('prompt-suggestion').waitFor() },
  { name: 'stretch', hash: '#/stretch', ready: (p) => p.locator('article.stretch-card').first().waitFor() },
  {
    name: 'player',
    hash: '#/stretch/play/seated-piriformis',
    ready: async (p) => {
      await p.getByTestId('player-side').waitFor();
      await p.getByTestId('player-pause').click(); // a still frame for the screenshot
      await p.getByTestId('player-phase').filter({ hasText: 'Paused' }).waitFor();
    },
  },
  { name: 'stats', hash: '#/stats?range=month&date=2025-11-10', ready: (p) => p.getByTestId('stats-ready').waitFor({ state: 'attached' }) },
  { name: 'stats-empty', hash: '#/stats?range=week&date=2024-06-12', ready: (p) => p.getByTestId('stats-empty').waitFor() },
  { name: 'settings', hash: '#/settings', ready: (p) => p.getByTestId('data-path').waitFor() },
  {
    name: 'settings-invalid',
    hash: '#/settings',
    ready: async (p) => {
      await p.getByLabel('Break prompt after sitting for').fill('0');
      await p.getByLabel('Only prompt during work hours').check();
      await p.getByRole('button', { name: 'Save settings' }).click();
      await p.getByTestId('field-error-sitLimitMinutes').waitFor();
    },
  },
  { name: 'checkin', hash: '#/checkin', ready: (p) => p.getByTestId('not-a-medical-device').waitFor() },
  {
    name: 'see-doctor',
    hash: '#/checkin',
    ready: async (p) => {
      // Only the screen is looked at here: the save is answered in the page, so no warning sign is stored to put
      // this history's stretches on hold (which the prompt's screenshots would then show). checkin.e2e stores it.
      await p.route('**/api/call/addCheckIn', (r) => r.fulfill({ json: { ok: true, value: { id: 1, seeDoctor: true } } }));
      // The warning questions are asked once something hurts.
      await p.getByLabel('How sore are you right now?').fill('4');
      for (const f of RED_FLAGS) await p.locator(`#flag-${f.id}-${f.id === 'after-injury' ? 'yes' : 'no'}`).check();
      await p.getByRole('button', { name: 'Save check-in' }).click();
      await p.getByTestId('see-doctor').waitFor();
    },
  },
];

describe.skipIf(!hasChromium)('every view: axe-core scan and screenshots, light and dark (real Chromium, sitwell ui)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell;
  let browser: Browser;

  beforeAll(async () => {
    seedHistory(db, { to: '2025-12-31', days: 200, zone: 'Europe/Berlin', checkInEvery: 6 });
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      it(`${view.name} (${theme}): no serious or critical axe violations; screenshot saved`, async () => {
        // The page's CSP forbids injected scripts; axe is a test tool, so this context bypasses it.
        const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: theme, bypassCSP: true });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(ui.view(view.hash));
        await view.ready(page);
        await screenshot(page, view.name, theme);
        const { passes, violations } = await axeScan(page);
        // The scan really ran: dozens of rules pass on any real page.
        expect(passes).toBeGreaterThan(10);
        if (violations.length) console.log(`${view.name} (${theme}) axe, minor: ${violations.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
        const bad = seriousOrCritical(violations);
        expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  // The tray pop-up and a half-screen window are narrow: nothing may need a sideways scroll there.
  it('every view fits a 360 px wide window without scrolling sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const view of VIEWS) {
      await page.goto(ui.view(view.hash));
      await page.reload(); // a new hash alone would keep the last view's state (a paused player, a draft)
      await view.ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${view.name}: ${width} px`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it('keyboard alone reaches the navigation and moves between views, with a visible focus ring', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    const page = await context.newPage();
    await page.goto(ui.view('#/now'));
    await page.getByTestId('now-bout').waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focused).toEqual(['Skip to content', 'Sitwell', 'Now', 'Break', 'Stretches']);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await page.locator('article.stretch-card').first().waitFor();
    expect(new URL(page.url()).hash).toBe('#/stretch');
    await context.close();
  });
});
