import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_OUTCOMES } from '../../shared/domain.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatMinutes } from '../../renderer/lib/format.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { cliHas, sitwell } from './support/cli.js';
import { openPage } from './support/page.js';
import { seedHistory } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);
const hasStatsJson = cliHas('stats', '--json');
if (!hasStatsJson) console.log('skipped: `sitwell stats --json` does not exist yet; the statistics comparison needs it');

const value = async (page: Page, testId: string): Promise<number | null> => {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  return v === null || v === 'null' ? null : Number(v);
};

describe.skipIf(!hasChromium || !hasStatsJson)('statistics over a year of history equal `sitwell stats --json` (real Chromium, real SQLite)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell;
  let browser: Browser;
  let seeded: ReturnType<typeof seedHistory>;

  beforeAll(async () => {
    seeded = seedHistory(db, { to: '2025-12-31', days: 365, zone: 'Europe/Berlin', checkInEvery: 11 });
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  const ranges = [
    { name: 'the whole year', hash: '#/stats?from=2025-01-01&to=2025-12-31', from: '2025-01-01', to: '2025-12-31' },
    { name: 'a month across the DST change', hash: '#/stats?range=month&date=2025-10-15', from: '2025-10-01', to: '2025-10-31' },
    { name: 'a week', hash: '#/stats?range=week&date=2025-06-11', from: '2025-06-09', to: '2025-06-15' },
  ];

  for (const r of ranges) {
    it(`shows the same numbers as the CLI for ${r.name}`, async () => {
      const cli = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', r.from, '--to', r.to)) as StatsReport;
      expect(cli.totals.bouts).toBeGreaterThan(0);
      const { page, context, problems } = await openPage(browser);
      await page.goto(ui.view(r.hash));
      await page.getByTestId('stats-ready').waitFor({ state: 'attached' });
      await expect.poll(() => page.getByTestId('stats-range').getAttribute('data-from')).toBe(r.from);
      await expect.poll(() => page.getByTestId('stats-range').getAttribute('data-to')).toBe(r.to);

      const t = cli.totals;
      const expected: [string, number | null][] = [
        ['stats-sitting', t.sittingMinutes],
        ['stats-bouts', t.bouts],
        ['stats-mean-bout', t.meanBoutMinutes],
        ['stats-longest', t.longestBoutMinutes],
        ['stats-breaks', t.breaks],
        ['stats-breaks-per-hour', t.breaksPerSittingHour],
        ['stats-long-share', t.longBoutShare],
        ['stats-alpha', cli.research.alpha],
        ['stats-w50', cli.research.w50Minutes],
        ['stats-gini', cli.research.gini],
        ['stats-prompts-shown', cli.prompts.breakShown],
        ['stats-prompts-heeded', cli.prompts.ledToBreak],
        ['stats-prompt-rate', cli.prompts.breakRate],
        ['stats-posture-shown', cli.prompts.posture.shown],
        ['stats-checkins', cli.checkIns.length],
        ...BREAK_OUTCOMES.map((o): [string, number] => [`stats-outcome-${o}`, cli.prompts.break[o]]),
        ...cli.boutLengths.map((b, i): [string, number] => [`stats-bucket-${i}`, b.bouts]),
      ];
      const shown: [string, number | null][] = [];
      for (const [id] of expected) shown.push([id, await value(page, id)]);
      expect(shown).toEqual(expected);

      // The words on screen are those numbers, formatted.
      await expect.poll(() => page.getByTestId('stats-sitting').textContent()).toBe(formatMinutes(t.sittingMinutes));
      // Counts in the window's language (English groups thousands: "1,875").
      await expect.poll(() => page.getByTestId('stats-bouts').textContent()).toBe(t.bouts.toLocaleString('en'));
      await expect.poll(() => page.getByTestId('stats-alpha').textContent()).toBe(cli.research.alpha!.toFixed(3));
      await expect.poll(() => page.getByTestId('stats-gini').textContent()).toBe(cli.research.gini!.toFixed(3));
      await expect.poll(() => page.getByTestId('stats-w50').textContent()).toBe(`${cli.research.w50Minutes!.toFixed(1)} min`);

      // Days over the goal line, and the heatmap's cells, come from the same report.
      const goal = 360;
      await expect.poll(() => value(page, 'stats-days-over-goal')).toBe(cli.days.filter((d) => d.sittingMinutes > goal).length);
      const cells = await page.locator('[data-testid="stats-heatmap"] rect').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      expect(cells).toEqual(cli.heatmap.flat());
      // Both charts drew on their canvases.
      await expect.poll(() => page.locator('[data-testid="stats-bars"] canvas').count()).toBe(1);
      await expect.poll(() => page.locator('[data-testid="stats-trend"] canvas').count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('the month-by-month table of the year matches the CLI months; asked for once before the main bundle arrived, drawn in the first render', async () => {
    const cli = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', '2025-01-01', '--to', '2025-12-31')) as StatsReport;
    const { page, context } = await openPage(browser);
    const statsCalls: string[] = [];
    const answered = new Set<string>();
    let bothAnswered!: () => void;
    const prefetched = new Promise<void>((resolve) => (bothAnswered = resolve));
    page.on('request', (r) => {
      if (r.url().includes('/api/call/getStats')) statsCalls.push(r.postData() ?? '');
    });
    page.on('requestfinished', (r) => {
      const method = /\/api\/call\/(getStats|getSettings)$/.exec(new URL(r.url()).pathname)?.[1];
      if (method) answered.add(method);
      if (answered.size === 2) bothAnswered();
    });
    // The main bundle is held back until the statistics and the settings were answered (at most
    // 5 s): only the early entry can ask while it is held, and the view then has both at hand.
    let answeredWhileHeld = false;
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      answeredWhileHeld = await Promise.race([prefetched.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
      await route.continue();
    });
    // Records whether the page ever showed "Loading…" (a first render without the data).
    await page.addInitScript(() => {
      const w = window as unknown as { sawLoading: boolean };
      w.sawLoading = false;
      new MutationObserver(() => {
        if (document.body?.textContent?.includes('Loading…')) w.sawLoading = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(ui.view('#/stats?from=2025-01-01&to=2025-12-31'));
    await page.getByTestId('stats-ready').waitFor({ state: 'attached' });
    expect(answeredWhileHeld).toBe(true);
    expect(statsCalls.map((b) => JSON.parse(b) as unknown)).toEqual([{ from: '2025-01-01', to: '2025-12-31' }]);
    expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(false);
    const rows = await page
      .locator('[data-testid="stats-periods"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-period'), Number(tr.querySelector('td')!.getAttribute('data-value'))]));
    expect(rows).toEqual(cli.months.map((m) => [m.label, m.sittingMinutes]));
    expect(seeded.checkIns).toBeGreaterThan(0);
    await context.close();
  });
});

describe.skipIf(!hasChromium)('statistics with no history (real Chromium, sitwell ui)', () => {
  const tmp = tempDir();
  let ui: RunningSitwell;
  let browser: Browser;
  beforeAll(async () => {
    [ui, browser] = await Promise.all([startUi(join(tmp.dir, 'empty.db')), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  it('shows a helpful first-day state instead of empty charts', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(ui.view('#/stats'));
    await page.getByTestId('stats-ready').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('stats-empty').isVisible()).toBe(true);
    await expect.poll(() => page.locator('canvas').count()).toBe(0);
    await expect.poll(() => page.getByTestId('stats-heatmap').count()).toBe(0);
    // Switching period keeps the page working.
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Month', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByTestId('stats-ready').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('stats-empty').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
