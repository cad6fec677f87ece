import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../shared/checkin.js';
import en from '../../shared/i18n/locales/en/app.json';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

interface CheckInRow {
  soreness: number;
  areas: string;
  red_flags: string;
  note: string;
}

describe.skipIf(!hasChromium)('symptom check-in (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const { db } = suite;

  it('a red-flag answer shows the see-a-doctor screen instead of stretches, and the check-in is stored', async () => {
    const since = Date.now(); // only this attempt's rows: a CI retry runs on the same database
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/checkin'));
    await expect.poll(() => page.getByText(en.checkin.notMedicalDevice).count()).toBe(1);
    await page.getByLabel('How sore are you right now?').fill('6');
    await page.getByLabel('Left buttock').check();
    await page.getByLabel('Down the left leg').check();
    for (const f of RED_FLAGS) {
      await page.locator(`#flag-${f.id}-${f.id === 'leg-nerve-symptoms' ? 'yes' : 'no'}`).check();
    }
    await expect.poll(() => page.getByTestId('red-flag-warning').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save check-in' }).click();

    const doctor = page.getByTestId('see-doctor');
    await doctor.waitFor();
    await expect.poll(() => doctor.getByRole('heading', { level: 1 }).textContent()).toBe(en.checkin.advice.heading);
    await expect.poll(() => doctor.textContent()).toContain('Numbness, tingling or weakness spreading down a leg');
    // No stretch is offered on this screen.
    await expect.poll(() => page.locator('main a[href^="#/stretch"]').count()).toBe(0);

    const rows = queryDb<CheckInRow>(db, `SELECT soreness, areas, red_flags, note FROM check_ins WHERE at_ms >= ${since}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.soreness).toBe(6);
    expect(JSON.parse(rows[0]!.areas)).toEqual(['left-buttock', 'left-leg']);
    expect(JSON.parse(rows[0]!.red_flags)).toEqual(['leg-nerve-symptoms']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an emergency sign shows "get medical help now" the moment it is answered, and saves without the other answers (issue #17)', async () => {
    const since = Date.now();
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/checkin'));
    await page.getByLabel('How sore are you right now?').fill('5');
    await page.getByLabel('Lower back').check();
    // Retention, saddle numbness and both legs are asked, first.
    await expect.poll(() => page.getByText(/unable to pass urine/).count()).toBe(1);
    await expect.poll(() => page.getByText(/inside of your thighs/).count()).toBe(1);
    await expect.poll(() => page.getByText(/in both legs/).count()).toBe(1);
    await expect.poll(() => page.getByTestId('emergency-advice').count()).toBe(0);
    await page.locator('#flag-saddle-numbness-yes').check();
    // At once: no other question answered yet, nothing saved yet.
    const advice = page.getByTestId('emergency-advice');
    await expect.poll(() => advice.isVisible()).toBe(true);
    await expect.poll(() => advice.getByRole('heading').textContent()).toBe(en.checkin.advice.urgentHeading);
    await expect.poll(() => advice.textContent()).toContain('emergency');
    await expect.poll(() => page.getByText(/answer the remaining questions/i).count()).toBe(0);
    await screenshot(page, 'checkin-emergency', 'light');
    const { violations } = await axeScan(page);
    expect(seriousOrCritical(violations)).toEqual([]);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByTestId('see-doctor').getByRole('heading', { level: 1 }).textContent()).toBe(en.checkin.advice.urgentHeading);
    const rows = queryDb<CheckInRow>(db, `SELECT soreness, areas, red_flags FROM check_ins WHERE at_ms >= ${since}`);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.red_flags)).toEqual(['saddle-numbness']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks the warning questions only when something hurts or a leg has symptoms (issue #17)', async () => {
    const since = Date.now();
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/checkin'));
    await page.getByTestId('no-warning-questions').waitFor();
    await expect.poll(() => page.locator('input[type=radio]').count()).toBe(0);
    await page.getByLabel('Down the right leg').check();
    await expect.poll(() => page.locator('input[type=radio]').count()).toBe(RED_FLAGS.length * 2);
    await page.getByLabel('Down the right leg').uncheck();
    await page.getByLabel('Lower back').check();
    await expect.poll(() => page.locator('input[type=radio]').count()).toBe(0);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByTestId('checkin-saved').waitFor();
    const rows = queryDb<CheckInRow>(db, `SELECT soreness, red_flags FROM check_ins WHERE at_ms >= ${since}`);
    expect(rows).toMatchObject([{ soreness: 0, red_flags: '[]' }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pain for weeks: "see a GP or physiotherapist and keep moving gently", stretches still offered (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/checkin'));
    await page.getByLabel('How sore are you right now?').fill('4');
    for (const f of RED_FLAGS) await page.locator(`#flag-${f.id}-${f.id === 'long-lasting' ? 'yes' : 'no'}`).check();
    await expect.poll(() => page.getByTestId('red-flag-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    const gp = page.getByTestId('gp-advice');
    await gp.waitFor();
    await expect.poll(() => gp.textContent()).toContain('keep moving gently');
    await expect.poll(() => page.getByTestId('see-doctor').count()).toBe(0);
    await expect.poll(() => page.getByText(/do not stretch/i).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: '2-minute reset' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('all answers no: the check-in is saved and stretches are suggested; unanswered questions are asked for', async () => {
    const since = Date.now();
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/checkin'));
    await page.getByLabel('How sore are you right now?').fill('3');
    await page.getByLabel('Right hip (outer side)').check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Please answer every question');
    for (const f of RED_FLAGS) await page.locator(`#flag-${f.id}-no`).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByTestId('checkin-saved').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Hips and glutes routine' }).isVisible()).toBe(true);
    const rows = queryDb<CheckInRow>(db, `SELECT soreness, areas, red_flags FROM check_ins WHERE at_ms >= ${since} ORDER BY id`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ soreness: 3, areas: '["right-hip"]', red_flags: '[]' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
