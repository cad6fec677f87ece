import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { sitwell } from './support/cli.js';
import { openPage } from './support/page.js';
import { seedHistory } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

/**
 * Issue 13 (standing stacked on sitting, standing minutes and share per day/week) and issue 12 (the
 * break prompts each busy reason held back, and how long the user sat on) on the Statistics page:
 * real Chromium, a real SQLite history written through the store, numbers checked against the CLI.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const Z = 'Europe/Berlin';
const at = (date: string, hm: string) => DateTime.fromISO(`${date}T${hm}`, { zone: Z }).toMillis();

const ready = async (page: Page, from: string, to: string) => {
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-from')).toBe(from);
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-to')).toBe(to);
};

/** Moves the pointer over the daily chart at `share` of its width and reads uPlot's legend (label and value per series). */
async function legendAt(page: Page, share: number): Promise<{ label: string; value: string }[]> {
  const over = page.locator('[data-testid="stats-bars"] .u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * share, box.y + box.height / 2);
  await expect.poll(() => page.locator('[data-testid="stats-bars"] .u-legend .u-value').first().textContent()).not.toBe('--');
  return page.locator('[data-testid="stats-bars"] .u-legend .u-series').evaluateAll((rows) =>
    rows.map((r) => ({ label: r.querySelector('.u-label')?.textContent ?? '', value: r.querySelector('.u-value')?.textContent ?? '' })),
  );
}

describe.skipIf(!hasChromium)('statistics: standing stacked on sitting, prompts held while busy (real Chromium, real SQLite)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell;
  let browser: Browser;

  beforeAll(async () => {
    seedHistory(db, { to: '2025-06-15', days: 28, zone: Z });
    const s = openStore(db);
    // Standing at the desk in the evenings of the week of 9 June (after the seeded sitting has ended).
    for (const [i, date] of ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13'].entries()) {
      s.addStanding({ start: at(date, '21:00'), end: at(date, '21:00') + (30 + 15 * i) * 60_000, durationMs: (30 + 15 * i) * 60_000, zone: Z });
    }
    // Held break prompts: two in a call in a bout 22:00–23:10, one for Do Not Disturb in a bout 23:20–23:50.
    s.addBout({ start: at('2025-06-11', '22:00'), end: at('2025-06-11', '23:10'), durationMs: 70 * 60_000, zone: Z });
    for (const hm of ['22:30', '22:50']) s.addPrompt({ at: at('2025-06-11', hm), kind: 'break', outcome: 'suppressed', sittingMs: 30 * 60_000, reason: 'busy:call', zone: Z });
    s.addBout({ start: at('2025-06-12', '23:20'), end: at('2025-06-12', '23:50'), durationMs: 30 * 60_000, zone: Z });
    s.addPrompt({ at: at('2025-06-12', '23:40'), kind: 'break', outcome: 'suppressed', sittingMs: 30 * 60_000, reason: 'busy:dnd', zone: Z });
    s.addPrompt({ at: at('2025-06-12', '23:45'), kind: 'break', outcome: 'stood', sittingMs: 30 * 60_000, reason: null, zone: Z });
    s.close();
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  it('stacks standing on the sitting bars, and shows standing minutes and share per day and in total as the CLI does', async () => {
    const cli = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', '2025-06-09', '--to', '2025-06-15')) as StatsReport;
    expect(cli.totals.standingMinutes).toBe(30 + 45 + 60 + 75 + 90);
    const { page, context, problems } = await openPage(browser, { bypassCSP: true });
    await page.goto(ui.view('#/stats?range=week&date=2025-06-11'));
    await ready(page, '2025-06-09', '2025-06-15');
    expect(Number(await page.getByTestId('stats-standing').getAttribute('data-value'))).toBe(cli.totals.standingMinutes);
    expect(Number(await page.getByTestId('stats-standing-share').getAttribute('data-value'))).toBe(cli.totals.standingShare);
    for (const d of cli.days) expect(Number(await page.getByTestId(`stats-period-standing-${d.label}`).getAttribute('data-value'))).toBe(d.standingMinutes);
    const bars = page.getByTestId('stats-bars');
    // Hovering a day shows sitting and standing each on its own line, never their sum; the legend has a standing swatch.
    const legend = await legendAt(page, 0.5);
    const day = cli.days.find((d) => d.from === '2025-06-12')!;
    expect(legend.map((r) => r.label)).toEqual(['Day', 'Sitting (min)', 'Standing (min)', 'Goal (min)']);
    expect(Number(legend[1]!.value.replace(/,/g, ''))).toBeCloseTo(day.sittingMinutes, 0);
    expect(Number(legend[2]!.value)).toBe(75);
    expect(day.standingMinutes).toBe(75);
    const swatch = page.getByTestId('legend-standing');
    expect(await swatch.isVisible()).toBe(true);
    expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(142, 111, 216)');
    // `stood` among the outcomes.
    expect(Number(await page.getByTestId('stats-outcome-stood').getAttribute('data-value'))).toBe(cli.prompts.break.stood);
    expect(cli.prompts.break.stood).toBeGreaterThanOrEqual(1);
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await bars.scrollIntoViewIfNeeded();
    await screenshot(page, 'stats-standing', 'light');
    expect(problems).toEqual([]);
    await context.close();

    const dark = await openPage(browser, { colorScheme: 'dark' });
    await dark.page.goto(ui.view('#/stats?range=week&date=2025-06-11'));
    await ready(dark.page, '2025-06-09', '2025-06-15');
    expect(await dark.page.getByTestId('legend-standing').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(143, 118, 212)');
    await screenshot(dark.page, 'stats-standing', 'dark');
    await dark.context.close();
  });

});
