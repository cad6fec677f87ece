import { describe, expect, it } from 'vitest';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

/** Settings: the busy sources (issue 12) and the standing limit (issue 13), through the real form into real SQLite. */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const storedSettings = (db: string): Record<string, unknown> => {
  const rows = queryDb<{ json: string }>(db, 'SELECT json FROM settings');
  return rows[0] ? (JSON.parse(rows[0].json) as Record<string, unknown>) : {};
};

describe.skipIf(!hasChromium)('settings: busy sources and standing limit (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const { db } = suite;

  it('shows each busy source on with what it detects, and the standing limit at 40 with its evidence; screenshots', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/settings'));
    const busy = page.getByTestId('busy-sources');
    await busy.waitFor();
    for (const label of ['Do Not Disturb', 'Fullscreen windows', 'Calls', 'Apps on my list', 'Calendar events']) {
      await expect.poll(() => page.getByLabel(label, { exact: true }).isChecked()).toBe(true);
    }
    await expect.poll(() => busy.getByText('Your microphone or camera is in use.', { exact: false }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Apps that mean I am busy').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Calendar file (.ics)').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Move prompt when I stand for long').isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Move prompt after standing for').inputValue()).toBe('40');
    await expect.poll(() => page.getByTestId('standing-limit').getByText('Gallagher, Campbell & Callaghan, 2014', { exact: false }).count()).toBe(1);
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await busy.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-busy-standing', 'light');
    const dark = await openPage(suite.browser, { colorScheme: 'dark' });
    await dark.page.goto(suite.ui.view('#/settings'));
    await dark.page.getByTestId('busy-sources').waitFor();
    await screenshot(dark.page, 'settings-busy-standing', 'dark');
    await dark.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a relative calendar path is refused next to the field, naming it, and nothing is stored; a good one and the app list are saved', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    const before = storedSettings(db);
    await page.getByLabel('Calendar file (.ics)').fill('work.ics');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('field-error-busyCalendarFile').textContent()).toContain('"work.ics" is not a full path');
    expect(storedSettings(db)).toEqual(before);
    await screenshot(page, 'settings-busy-bad-path', 'light');

    await page.getByLabel('Calendar file (.ics)').fill('/home/me/work.ics');
    await page.getByLabel('Apps that mean I am busy').fill('zoom\nobs\nzoom\n');
    await page.getByLabel('Do Not Disturb', { exact: true }).uncheck();
    await page.getByLabel('Move prompt when I stand for long').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved.');
    expect(storedSettings(db)).toMatchObject({ busyCalendarFile: '/home/me/work.ics', busyApps: ['zoom', 'obs'], busyDnd: false, busyCall: true, standLimitMinutes: null });

    await page.reload();
    await expect.poll(() => page.getByLabel('Apps that mean I am busy').inputValue()).toBe('zoom\nobs');
    await expect.poll(() => page.getByLabel('Do Not Disturb', { exact: true }).isChecked()).toBe(false);
    await expect.poll(() => page.getByLabel('Move prompt when I stand for long').isChecked()).toBe(false);
    await page.getByLabel('Move prompt when I stand for long').check();
    await page.getByLabel('Move prompt after standing for').fill('25');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved.');
    expect(storedSettings(db)).toMatchObject({ standLimitMinutes: 25 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the daily sitting limit is typed as h:mm: "7:75" and "abc" are refused saying what is wrong, "7:30" is stored as 450 minutes (issue 17)', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    const field = page.getByLabel('Daily sitting limit');
    await field.waitFor();
    const before = storedSettings(db);
    await field.fill('7:75');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('field-error-dailySittingGoalMinutes').textContent()).toBe('In "7:75" the minutes after the colon must be from 00 to 59.');
    await field.fill('abc');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('field-error-dailySittingGoalMinutes').textContent()).toContain('"abc" is not a time of h:mm');
    expect(storedSettings(db)).toEqual(before);
    await field.fill('7:30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved.');
    expect(storedSettings(db)).toMatchObject({ dailySittingGoalMinutes: 450 });
    await page.reload();
    await expect.poll(() => page.getByLabel('Daily sitting limit').inputValue()).toBe('7:30');
    expect(problems).toEqual([]);
    await context.close();
  });
});
