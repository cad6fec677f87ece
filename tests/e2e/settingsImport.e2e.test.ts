import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../../main/app/historyTransfer.js';
import { openStore } from '../../main/store/index.js';
import { axeScan, SCREENSHOTS, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { seedHistory } from './support/seed.js';
import { tempDir } from './support/server.js';
import { useUiSuite } from './support/uiSuite.js';

/**
 * Issue 17: an Import button with a preview. Another computer's history, exported as Sitwell writes
 * it, is picked in Settings (a real file through the file input), previewed without a write,
 * imported, and seen in Statistics; bad files are refused saying what is wrong, history untouched.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const ZONE = 'Europe/Berlin';

/** Every table's rows, to show that nothing was written. */
const rows = (db: string) =>
  JSON.stringify(['bouts', 'prompts', 'stretches', 'check_ins', 'standing_periods', 'day_stats', 'settings'].map((t) => queryDb(db, `SELECT * FROM ${t} ORDER BY 1`)));

describe.skipIf(!hasChromium)('Settings: import with a preview (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const files = tempDir('sitwell-import-');
  // Twenty days of another computer's sitting, 2026-03-01 to 2026-03-20, exported as `Export as JSON` does.
  const other = join(files.dir, 'laptop.db');
  const seeded = seedHistory(other, { to: '2026-03-20', days: 20, zone: ZONE, checkInEvery: 5 });
  const exportPath = join(files.dir, 'sitwell-export-2026-03-20.json');
  const store = openStore(other);
  const exportText = exportJson(store, Date.parse('2026-03-20T18:00:00+01:00'), ZONE);
  store.close();
  writeFileSync(exportPath, exportText);
  const span = queryDb<{ from: string; to: string; days: number }>(other, 'SELECT min(start_date) AS "from", max(start_date) AS "to", count(DISTINCT start_date) AS days FROM bouts')[0]!;
  const shown = (date: string) => new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(date));

  /** The "Your data" card with the preview in it, not the whole (long) Settings page. */
  const shot = async (page: Page, theme: 'light' | 'dark') => {
    await page.evaluate(() => document.fonts.ready);
    await page.locator('section[aria-labelledby="data-h"]').screenshot({ path: join(SCREENSHOTS, `settings-import-preview-${theme}.png`) });
  };

  const pickInSettings = async (page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) => {
    await page.goto(suite.ui.view('#/settings'));
    await page.getByRole('button', { name: 'Import from a file…' }).waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
  };

  it('shows what the file holds and writes nothing; Import adds it and Statistics show it', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    const before = rows(suite.db);
    await pickInSettings(page, exportPath);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByRole('heading').textContent()).toBe('Import sitwell-export-2026-03-20.json?');
    const summary = await page.getByTestId('import-summary').textContent();
    expect(summary).toBe(`This file has ${seeded.bouts} sitting bouts, from ${shown(span.from)} to ${shown(span.to)} (${span.days} days). None of them is in your history yet.`);
    expect(await preview.textContent()).toContain('Nothing is changed until you press Import.');
    expect(await preview.textContent()).toContain('(export version 2)');
    const bouts = preview.getByRole('row', { name: /^Sitting bouts/ });
    expect(await bouts.textContent()).toBe(`Sitting bouts${seeded.bouts}0${seeded.bouts}`);
    expect(rows(suite.db)).toBe(before);
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await shot(page, 'light');

    const dark = await openPage(suite.browser, { colorScheme: 'dark' });
    await pickInSettings(dark.page, exportPath);
    await dark.page.getByTestId('import-preview').waitFor();
    await shot(dark.page, 'dark');
    await dark.context.close();
    expect(rows(suite.db)).toBe(before);

    // Before: nothing in March.
    await page.goto(suite.ui.view('#/stats?range=month&date=2026-03-15'));
    await page.getByTestId('stats-empty').waitFor();

    await pickInSettings(page, exportPath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('Imported sitwell-export-2026-03-20.json. Records added to your history:');
    expect(queryDb<{ n: number }>(suite.db, 'SELECT count(*) AS n FROM bouts')[0]!.n).toBe(seeded.bouts);
    expect(queryDb<{ n: number }>(suite.db, 'SELECT count(*) AS n FROM check_ins')[0]!.n).toBe(seeded.checkIns);

    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.goto(suite.ui.view('#/stats?range=month&date=2026-03-15'));
    await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-from')).toBe('2026-03-01');
    expect(await page.getByTestId('stats-empty').count()).toBe(0);
    expect(Number(await page.getByTestId('stats-sitting').getAttribute('data-value'))).toBeGreaterThan(0);

    // The same file again: all of it is here already, and Import has nothing to do.
    await pickInSettings(page, exportPath);
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('All of them are already in your history.');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a bad file is refused saying what is wrong, and the history is not touched', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    const before = rows(suite.db);
    const good = JSON.parse(exportText) as { bouts: { end: string }[] };
    const badEnd = structuredClone(good);
    badEnd.bouts[2]!.end = '2026-02-01T00:00:00+01:00';
    const cases: [string, string, string][] = [
      ['notes.txt', 'my sitting notes, not an export', 'It is not a JSON file. Pick the .json file that “Export as JSON” saved.'],
      ['other.json', JSON.stringify({ hello: 'world' }), 'It is a JSON file, but not a Sitwell export.'],
      ['future.json', JSON.stringify({ ...good, version: 3 }), 'It has an export version this Sitwell cannot read (it reads versions 1 and 2). A file from a newer Sitwell needs Sitwell to be updated first.'],
      ['broken.json', JSON.stringify(badEnd), 'A record in it is not valid: bouts[2].end: ends before the bout starts.'],
    ];
    for (const [name, text, problem] of cases) {
      await pickInSettings(page, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const error = page.getByTestId('import-error');
      await expect.poll(() => error.textContent()).toBe(`${name} cannot be imported.${problem}Nothing in your history was changed.`);
      expect(await page.getByTestId('import-preview').count()).toBe(0);
    }
    expect(rows(suite.db)).toBe(before);
    // Chromium logs each refused call (HTTP 400, the bridge's invalid-request) as a console error: one per bad file, nothing else.
    expect(problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
    expect(problems).toHaveLength(cases.length);
    await context.close();
  });
});
