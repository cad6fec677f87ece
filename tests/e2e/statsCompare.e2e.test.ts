import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../../shared/calendar.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatMinutes } from '../../renderer/lib/format.js';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { sitwell } from './support/cli.js';
import { openPage } from './support/page.js';
import { seedHistory } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

/**
 * Issue 17: "am I sitting less than last month?" — the comparison with the previous period, the
 * "last 12 months" range and the heatmap's legend, in real Chromium over a real seeded SQLite history.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const ready = async (page: Page, from: string, to: string) => {
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-from')).toBe(from);
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-to')).toBe(to);
};

describe.skipIf(!hasChromium)('statistics compare with the previous period (real Chromium, real SQLite)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell;
  let browser: Browser;
  const cli = (from: string, to: string) => JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', from, '--to', to)) as StatsReport;

  beforeAll(async () => {
    // History from 2025-03-07 to 2025-12-31.
    seedHistory(db, { to: '2025-12-31', days: 300, zone: 'Europe/Berlin' });
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  it('a month says, measure by measure, up or down and by how much against the month before, as the CLI computes it', async () => {
    const expected = cli('2025-12-01', '2025-12-31').comparison!;
    expect(expected).toMatchObject({ previousFrom: '2025-11-01', previousTo: '2025-11-30' });
    expect(expected.previousTrackedDays).toBeGreaterThan(0);
    const { page, context, problems } = await openPage(browser, { bypassCSP: true });
    await page.goto(ui.view('#/stats?range=month&date=2025-12-15'));
    await ready(page, '2025-12-01', '2025-12-31');
    const card = page.getByTestId('stats-comparison');
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('Compared with the month before');
    expect(await card.getAttribute('data-previous-from')).toBe('2025-11-01');
    for (const m of expected.measures) {
      const line = page.getByTestId(`stats-compare-${m.measure}`);
      expect(await line.getAttribute('data-direction')).toBe(m.direction);
      expect(Number(await line.getAttribute('data-change'))).toBe(m.change);
      expect(await line.getAttribute('data-better')).toBe(String(m.better));
    }
    // In words: "Sitting a day 4 h 10 min ▼ down 25 min from 4 h 35 min · better".
    const sitting = expected.measures[0]!;
    const words = await page.getByTestId('stats-compare-dailySitting').textContent();
    expect(words).toContain(`Sitting a day ${formatMinutes(sitting.current!)}`);
    if (sitting.direction === 'same') expect(words).toContain(`about the same as before (${formatMinutes(sitting.previous!)})`);
    else expect(words).toContain(`${sitting.direction} ${formatMinutes(Math.abs(sitting.change!))} from ${formatMinutes(sitting.previous!)} · ${sitting.better ? 'better' : 'worse'}`);
    expect(await card.textContent()).toContain(`Averages over the days with records: ${expected.trackedDays} in this period, ${expected.previousTrackedDays} before.`);

    // The heatmap's legend: an empty cell is none, the strongest is the busiest hour's sitting.
    const legend = page.getByTestId('stats-heat-legend');
    expect(await legend.isVisible()).toBe(true);
    const max = Math.max(...cli('2025-12-01', '2025-12-31').heatmap.flat());
    expect(Number(await legend.getAttribute('data-max'))).toBe(max);
    expect(await page.getByTestId('stats-heat-max').textContent()).toBe(formatMinutes(max));
    expect(await legend.textContent()).toContain('Sitting in that hour, added up over the period:');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await screenshot(page, 'stats-compare', 'light');
    expect(problems).toEqual([]);
    await context.close();

    const dark = await openPage(browser, { colorScheme: 'dark' });
    await dark.page.goto(ui.view('#/stats?range=month&date=2025-12-15'));
    await ready(dark.page, '2025-12-01', '2025-12-31');
    await dark.page.getByTestId('stats-heat-legend').waitFor();
    await screenshot(dark.page, 'stats-compare', 'dark');
    await dark.context.close();
  });

  it('"Last 12 months" shows the twelve months up to the date, compared with the twelve before', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(ui.view('#/stats?range=week&date=2025-12-31'));
    await ready(page, '2025-12-29', '2026-01-04');
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    const r = rangeOf('months12', '2025-12-31');
    expect(r).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    await ready(page, r.from, r.to);
    expect(await page.getByRole('button', { name: 'Last 12 months' }).getAttribute('aria-pressed')).toBe('true');
    const card = page.getByTestId('stats-comparison');
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('Compared with the 12 months before');
    expect(await card.getAttribute('data-previous-from')).toBe('2024-01-01');
    // The history began in March 2025: nothing before to compare with, and it says so rather than inventing a change.
    expect(await page.getByTestId('stats-compare-none').textContent()).toBe('Nothing was recorded in that period, so there is nothing to compare with yet.');
    expect(await page.locator('[data-testid^="stats-compare-"][data-direction]').count()).toBe(0);
    // Previous goes back a whole twelve months.
    await page.getByRole('button', { name: 'Previous' }).click();
    await ready(page, '2024-01-01', '2024-12-31');
    expect(problems).toEqual([]);
    await context.close();
  });
});
