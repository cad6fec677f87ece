import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { sitwell } from './support/cli.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { seedHistory, seedOtherDevice } from './support/seed.js';
import { startUi, tempDir, type RunningSitwell } from './support/server.js';

/**
 * Issue 15 in the window: Settings' sync section (the folder with its checks, this computer's name,
 * the computers seen and what was skipped) and the statistics' computer selector, over a seeded
 * two-computer history in real SQLite (with each computer's row under all computers), in real Chromium against `sitwell ui`.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

const Z = 'Europe/Berlin';
const DESK = 'de5c0000de5c0000de5c0000de5c0000';
const at = (date: string, hm: string) => DateTime.fromISO(`${date}T${hm}`, { zone: Z }).toMillis();
const IMPORTED_AT = at('2025-06-15', '18:42');

const ready = async (page: Page, from: string, to: string) => {
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-from')).toBe(from);
  await expect.poll(() => page.getByTestId('stats-ready').getAttribute('data-to')).toBe(to);
};

describe.skipIf(!hasChromium)('sync in the window: Settings’ sync section and the statistics by computer (real Chromium, real SQLite)', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  const folder = join(tmp.dir, 'Sync');
  let ui: RunningSitwell;
  let browser: Browser;
  let inside: { start: number; end: number; zone: string };

  beforeAll(async () => {
    seedHistory(db, { to: '2025-06-15', days: 14, zone: Z });
    // The desktop's journal, as an import from the folder brings it: its name, and an evening bout each day of the week of 9 June.
    // And one bout inside the laptop's longest of 11 June (a video call taken at the desktop while the laptop still saw typing): it must count once.
    const evenings = ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13'];
    const [longest] = queryDb<{ start_ms: number; end_ms: number }>(
      db,
      `SELECT start_ms, end_ms FROM bouts WHERE start_ms >= ${at('2025-06-11', '00:00')} AND end_ms < ${at('2025-06-11', '19:00')} ORDER BY duration_ms DESC LIMIT 1`,
    );
    inside = { start: longest!.start_ms + 10 * 60_000, end: longest!.end_ms - 10 * 60_000, zone: Z };
    expect(inside.end - inside.start).toBeGreaterThanOrEqual(20 * 60_000);
    const bouts = [...evenings.map((d) => ({ start: at(d, '20:00'), end: at(d, '21:10'), zone: Z })), inside];
    seedOtherDevice(db, { id: DESK, name: 'Desktop at home', bouts, importedAt: IMPORTED_AT });
    const s = openStore(db);
    s.sync.setName('Laptop');
    s.sync.setProblems(`${DESK}/2025-06.sync-conflict-20250615-101010-ABCDEFG.ndjson`, [{ line: 0, reason: 'conflict', message: 'a conflict copy' }], IMPORTED_AT);
    s.close();
    mkdirSync(folder);
    writeFileSync(join(tmp.dir, 'a-file'), 'x');
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });

  it('Settings: the computers with when each was last heard from, what was skipped; the folder checked before it is used; the name saved; screenshots', async () => {
    const { page, context, problems } = await openPage(browser, { bypassCSP: true });
    await page.goto(ui.view('#/settings'));
    const section = page.getByTestId('sync-section');
    await section.waitFor();
    const devices = page.getByTestId('sync-devices');
    await expect.poll(() => devices.locator('tbody tr').count()).toBe(2);
    expect(await devices.locator('tbody tr').first().textContent()).toContain('Laptop (this computer)');
    expect(await devices.locator(`tr[data-device="${DESK}"]`).textContent()).toMatch(/Desktop at home.*Jun 15/);
    expect(await page.getByTestId('sync-skipped').textContent()).toContain('a conflict copy made by the sync app');
    // The app's own words, as the log and `sitwell doctor` give them, marked as English for a reader in another language.
    expect(await page.getByTestId('sync-skipped').locator('span[lang="en"]').textContent()).toBe('(a conflict copy)');
    await expect.poll(() => section.getByText('Sync is off', { exact: false }).count()).toBe(1);
    // Web mode: the text field only, no system folder picker.
    expect(await section.getByRole('button', { name: 'Choose…' }).count()).toBe(0);

    const folderField = page.getByLabel('Sync folder');
    const use = section.getByRole('button', { name: 'Use this folder' });
    const error = page.getByTestId('field-error-syncFolder');
    await folderField.fill('Sync');
    await use.click();
    await expect.poll(() => error.textContent()).toContain('Enter the full path');
    await folderField.fill(join(tmp.dir, 'Nowhere'));
    await use.click();
    await expect.poll(() => error.textContent()).toContain('There is no folder at this path');
    await folderField.fill(join(tmp.dir, 'a-file'));
    await use.click();
    await expect.poll(() => error.textContent()).toContain('This is a file, not a folder');
    expect(queryDb<{ folder: string | null }>(db, 'SELECT folder FROM sync_device')[0]!.folder).toBeNull();
    expect(await folderField.getAttribute('aria-invalid')).toBe('true');

    await folderField.fill(folder);
    await use.click();
    await expect.poll(() => page.getByTestId('sync-folder-status').textContent()).toContain('Folder set');
    expect(await error.count()).toBe(0);
    expect(queryDb<{ folder: string | null }>(db, 'SELECT folder FROM sync_device')[0]!.folder).toBe(folder);
    // With a folder: whether settings travel, on by default.
    await expect.poll(() => page.getByLabel('Share settings with my other computers').isChecked()).toBe(true);

    await page.getByLabel('This computer’s name').fill('Work laptop');
    await section.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => section.getByText('Name saved.').count()).toBe(1);
    expect(queryDb<{ name: string }>(db, 'SELECT name FROM sync_device')[0]!.name).toBe('Work laptop');

    await page.reload();
    await expect.poll(() => page.getByLabel('Sync folder').inputValue()).toBe(folder);
    await expect.poll(() => page.getByLabel('This computer’s name').inputValue()).toBe('Work laptop');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await page.getByTestId('sync-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-sync', 'light');
    const dark = await openPage(browser, { colorScheme: 'dark' });
    await dark.page.goto(ui.view('#/settings'));
    await dark.page.getByTestId('sync-devices').waitFor();
    await screenshot(dark.page, 'settings-sync', 'dark');
    await dark.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Statistics: all computers (overlaps once) with each computer’s row, or one alone, each as the CLI counts it; the choice stays in the address; screenshots', async () => {
    const all = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', '2025-06-09', '--to', '2025-06-15')) as StatsReport;
    const desk = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', '2025-06-09', '--to', '2025-06-15', '--device', DESK)) as StatsReport;
    const laptopId = queryDb<{ device_id: string }>(db, 'SELECT device_id FROM sync_device')[0]!.device_id;
    const laptop = JSON.parse(sitwell('--db', db, 'stats', '--json', '--from', '2025-06-09', '--to', '2025-06-15', '--device', laptopId)) as StatsReport;
    const insideMinutes = (inside.end - inside.start) / 60_000;
    expect(desk.totals.bouts).toBe(6);
    expect(desk.totals.sittingMinutes).toBeCloseTo(350 + insideMinutes, 1);
    // The person: the laptop's sitting and the desktop's evenings; the desktop's bout inside the laptop's counts once.
    expect(all.totals.sittingMinutes).toBeCloseTo(laptop.totals.sittingMinutes + 350, 1);
    const deskRow = all.devices!.find((d) => d.id === DESK)!;
    expect(deskRow).toMatchObject({ name: 'Desktop at home', thisDevice: false, bouts: 6, sittingMinutes: desk.totals.sittingMinutes });
    const { page, context, problems } = await openPage(browser, { bypassCSP: true });
    await page.goto(ui.view('#/stats?range=week&date=2025-06-11'));
    await ready(page, '2025-06-09', '2025-06-15');
    const select = page.getByTestId('stats-device');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['All computers', 'Work laptop (this computer)', 'Desktop at home']);
    const totalBouts = () => page.getByTestId('stats-bouts').getAttribute('data-value');
    await expect.poll(totalBouts).toBe(String(all.totals.bouts));

    // Under all computers: one row per computer, as `sitwell stats` breaks it down, with the overlap note.
    const card = page.getByTestId('stats-devices');
    const rows = card.getByTestId('stats-device-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().locator('th').textContent()).toBe('Work laptop (this computer)');
    const deskCells = await card.locator(`tr[data-device="${DESK}"] td`).allTextContents();
    const h = Math.floor(deskRow.sittingMinutes / 60);
    expect(deskCells).toEqual([`${h} h ${Math.round(deskRow.sittingMinutes - h * 60)} min`, '6', `${Math.round(deskRow.share! * 100)}%`]);
    expect(await card.textContent()).toContain('counts once in your totals');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'stats-devices', 'light');
    const dark = await openPage(browser, { colorScheme: 'dark', bypassCSP: true });
    await dark.page.goto(ui.view('#/stats?range=week&date=2025-06-11'));
    await ready(dark.page, '2025-06-09', '2025-06-15');
    await dark.page.getByTestId('stats-devices').waitFor();
    await screenshot(dark.page, 'stats-devices', 'dark');
    await dark.context.close();

    // A computer's name selects it; its statistics alone have no breakdown.
    await card.getByRole('link', { name: 'Desktop at home' }).click();
    await expect.poll(() => page.url()).toContain(`device=${DESK}`);
    await expect.poll(() => select.inputValue()).toBe(DESK);
    await expect.poll(totalBouts).toBe(String(desk.totals.bouts));
    await ready(page, '2025-06-09', '2025-06-15');
    expect(await page.getByTestId('stats-devices').count()).toBe(0);
    // The period moves, the computer stays.
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => page.url()).toContain(`device=${DESK}`);
    await ready(page, '2025-06-02', '2025-06-08');
    await expect.poll(() => page.getByTestId('stats-empty').count()).toBe(1); // the desktop sat only in the week of 9 June
    await page.getByRole('button', { name: 'Next' }).click();
    await ready(page, '2025-06-09', '2025-06-15');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);

    await select.selectOption('');
    await expect.poll(() => page.url()).not.toContain('device=');
    await expect.poll(totalBouts).toBe(String(all.totals.bouts));
    expect(problems).toEqual([]);
    await context.close();
  });
});
