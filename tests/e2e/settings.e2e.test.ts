import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import en from '../../shared/i18n/locales/en/app.json';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { seedHistory } from './support/seed.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const storedSettings = (db: string): Record<string, unknown> => {
  const rows = queryDb<{ json: string }>(db, 'SELECT json FROM settings');
  return rows[0] ? (JSON.parse(rows[0].json) as Record<string, unknown>) : {};
};

describe.skipIf(!hasChromium)('settings (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const { db } = suite;

  it('shows every setting with its default and the evidence, and the data location', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByLabel('Break prompt after sitting for').waitFor();
    await expect.poll(() => page.getByText(en.settings.evidence).count()).toBe(1);
    for (const [label, value] of [
      ['Break prompt after sitting for', DEFAULT_SETTINGS.sitLimitMinutes],
      ['Snooze for', DEFAULT_SETTINGS.snoozeMinutes],
      ['A break is at least', DEFAULT_SETTINGS.minBreakMinutes],
      ['Posture reminder every', DEFAULT_SETTINGS.postureEveryMinutes],
    ] as const) {
      await expect.poll(() => page.getByLabel(label).inputValue()).toBe(String(value));
    }
    for (const label of ['Show posture reminders', 'Only prompt during work hours', 'No prompts during quiet hours', 'Start Sitwell when I log in', 'Time zone for days and times']) {
      await expect.poll(() => page.getByLabel(label).count()).toBe(1);
    }
    await expect.poll(() => page.getByLabel('Daily sitting limit').inputValue()).toBe('6:00');
    await expect.poll(() => page.getByTestId('data-path').textContent()).toBe(db);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('warns, while editing, when the posture reminder is at or above the sit limit (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByLabel('Break prompt after sitting for').waitFor();
    await expect.poll(() => page.getByTestId('field-warning-postureEveryMinutes').count()).toBe(0);
    await page.getByLabel('Posture reminder every').fill('30');
    await expect.poll(() => page.getByTestId('field-warning-postureEveryMinutes').textContent()).toContain('you will get none');
    await page.getByLabel('Break prompt after sitting for').fill('45');
    await expect.poll(() => page.getByTestId('field-warning-postureEveryMinutes').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a changed setting is saved to the database and kept after a reload', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    await page.getByLabel('Break prompt after sitting for').fill('45');
    await page.getByLabel('Show posture reminders').uncheck();
    await page.getByLabel('Only prompt during work hours').check();
    await page.getByLabel('Friday', { exact: true }).uncheck();
    await page.getByLabel('Monday start').fill('08:30');
    await page.getByLabel('No prompts during quiet hours').check();
    await page.getByLabel('From').fill('21:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved.');

    const stored = storedSettings(db);
    expect(stored).toMatchObject({
      sitLimitMinutes: 45,
      postureEnabled: false,
      quietHours: { start: '21:00', end: '07:00' },
      workHours: { mon: { start: '08:30', end: '17:00' }, fri: null, sat: null, sun: null },
    });

    await page.reload();
    await expect.poll(() => page.getByLabel('Break prompt after sitting for').inputValue()).toBe('45');
    await expect.poll(() => page.getByLabel('Show posture reminders').isChecked()).toBe(false);
    await expect.poll(() => page.getByLabel('Friday', { exact: true }).isChecked()).toBe(false);
    await expect.poll(() => page.getByLabel('Monday start').inputValue()).toBe('08:30');
    await expect.poll(() => page.getByLabel('From').inputValue()).toBe('21:00');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('invalid values are refused with the reason next to the field, and nothing is stored', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    const before = storedSettings(db);
    const sit = page.getByLabel('Break prompt after sitting for');
    await sit.fill('0');
    await page.getByLabel('Snooze for').fill('');
    await page.getByLabel('Time zone for days and times').fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save settings' }).click();

    await expect.poll(() => page.getByTestId('field-error-sitLimitMinutes').textContent()).toBe('Must be at least 1 minute.');
    await expect.poll(() => sit.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => sit.getAttribute('aria-describedby')).toContain('sitLimitMinutes-error');
    await expect.poll(() => page.getByTestId('field-error-snoozeMinutes').textContent()).toBe('Enter a number of minutes.');
    await expect.poll(() => page.getByTestId('field-error-timeZone').textContent()).toContain('Mars/Olympus_Mons');
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toContain('Not saved');
    // The message sits right after its own field.
    const nextToField = await page.evaluate(() => {
      const input = document.getElementById('sitLimitMinutes')!;
      return input.closest('.field')!.contains(document.querySelector('[data-testid="field-error-sitLimitMinutes"]'));
    });
    expect(nextToField).toBe(true);
    expect(storedSettings(db)).toEqual(before);

    await sit.fill('481');
    await page.getByLabel('Snooze for').fill('10');
    await page.getByLabel('Time zone for days and times').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('field-error-sitLimitMinutes').textContent()).toBe('Must be at most 480 minutes.');
    await expect.poll(() => page.getByTestId('field-error-snoozeMinutes').count()).toBe(0);
    expect(storedSettings(db)).toEqual(before);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('exports the history as a download and deletes it only after the typed confirmation', async () => {
    seedHistory(db, { to: '2025-03-31', days: 10, zone: 'Europe/Berlin', checkInEvery: 5 });
    const bouts = () => queryDb<{ n: number }>(db, 'SELECT count(*) AS n FROM bouts')[0]!.n;
    expect(bouts()).toBeGreaterThan(0);
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { bouts?: unknown[] };
    expect(exported.bouts).toHaveLength(bouts());

    const remove = page.getByRole('button', { name: 'Delete all history' });
    await expect.poll(() => remove.isDisabled()).toBe(true);
    await page.getByLabel('Delete all history').fill('delete');
    await expect.poll(() => remove.isDisabled()).toBe(true);
    await page.getByLabel('Delete all history').fill('DELETE');
    await remove.click();
    await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('All history was deleted');
    expect(bouts()).toBe(0);
    // Settings survive a delete-all.
    expect(storedSettings(db)).toMatchObject({ sitLimitMinutes: 45 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the server refuses a bad value with a typed error naming the field (bypassing the form)', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/settings'));
    const res = await page.evaluate(async (token) => {
      const r = await fetch('/api/call/updateSettings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sitwell-token': token },
        body: JSON.stringify({ snoozeMinutes: -5 }),
      });
      return { status: r.status, body: (await r.json()) as unknown };
    }, suite.ui.token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'snoozeMinutes' } });
    await context.close();
  });
});
