import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../shared/checkin.js';
import { ROUTINES, routineSteps } from '../../shared/routines.js';
import { routinePosition } from '../../shared/movementMode.js';
import { STRETCHES, stretchById } from '../../shared/stretches/index.js';
import type { Page } from 'playwright-core';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

/** What the Stretches page lists, in order: its routine ids and, per group heading, the stretch ids. */
async function stretchesPage(page: Page) {
  await page.locator('article.stretch-card').first().waitFor();
  const routines = await page.locator('[data-testid="routine-list"] article').evaluateAll((els) => els.map((e) => e.getAttribute('data-routine-id')!));
  const groups = await page.locator('section[data-testid^="stretch-group-"]').evaluateAll((els) =>
    els.map((e) => ({ group: e.getAttribute('data-testid')!.replace('stretch-group-', ''), ids: [...e.querySelectorAll('article')].map((a) => a.getAttribute('data-stretch-id')!) })),
  );
  return { routines, groups };
}
const positionOf = (id: string) => stretchById(id)!.position;
const routinePositionOf = (id: string) => routinePosition(ROUTINES.find((r) => r.id === id)!, STRETCHES);

describe.skipIf(!hasChromium)('movement mode (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();

  it('the break prompt suggests a standing move or a walk; seated moves only once Settings says seated (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    const suggested = async () => stretchById((await page.getByTestId('prompt-suggestion').getAttribute('data-stretch-id'))!)?.position;

    await page.goto(suite.ui.view('#/prompt', { preview: '1' }));
    await page.getByTestId('prompt-suggestion').waitFor();
    expect(await suggested()).toBe('standing');
    await expect.poll(() => page.getByTestId('prompt-movement').textContent()).toMatch(/Or walk for a few minutes/);
    await page.goto(suite.ui.view('#/now'));
    await expect.poll(() => page.getByTestId('now-quick').getAttribute('href')).toBe('#/stretch/play/quick-2');
    await expect.poll(() => page.getByTestId('now-routine5').getAttribute('href')).toBe('#/stretch/play/full-5');

    // Standing mode: the Stretches page lists everything, the standing ones first, with no seated-only note.
    await page.goto(suite.ui.view('#/stretch'));
    const standingPage = await stretchesPage(page);
    expect(standingPage.groups.map((g) => g.group)).toEqual(['standing', 'seated']);
    expect(standingPage.groups[0]!.ids.every((id) => positionOf(id) === 'standing')).toBe(true);
    expect(standingPage.groups[1]!.ids.every((id) => positionOf(id) === 'seated')).toBe(true);
    expect(standingPage.groups.flatMap((g) => g.ids).sort()).toEqual(STRETCHES.map((x) => x.id).sort());
    expect(standingPage.routines.slice(0, 3)).toEqual(['quick-2', 'full-5', 'hips-and-glutes']);
    expect(standingPage.routines.length).toBe(ROUTINES.length);
    expect(await page.getByTestId('stretch-mode-note').count()).toBe(0);

    await page.goto(suite.ui.view('#/settings'));
    await expect.poll(() => page.getByLabel('Standing moves and short walks').isChecked()).toBe(true);
    await page.getByLabel('Seated moves only').check();
    const stored = () => (JSON.parse(queryDb<{ json: string }>(suite.db, 'SELECT json FROM settings')[0]!.json) as { movementMode?: string }).movementMode;
    await expect.poll(stored).toBe('seated');
    await page.getByRole('region', { name: 'Moves in break prompts' }).screenshot({ path: `${import.meta.dirname}/screenshots/settings-movement-light.png` });

    await page.goto(suite.ui.view('#/prompt', { preview: '1' }));
    await page.getByTestId('prompt-suggestion').waitFor();
    expect(await suggested()).toBe('seated');
    await expect.poll(() => page.getByTestId('prompt-movement').textContent()).toMatch(/Seated moves, as chosen in Settings/);
    await screenshot(page, 'prompt-seated', 'light');
    await page.goto(suite.ui.view('#/now'));
    await expect.poll(() => page.getByTestId('now-quick').getAttribute('href')).toBe('#/stretch/play/seated-2');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('in seated mode the Stretches page shows seated stretches and chair routines, standing ones on request; the 5-minute routine is seated (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/settings'));
    await page.getByLabel('Seated moves only').check();
    await expect.poll(() => (JSON.parse(queryDb<{ json: string }>(suite.db, 'SELECT json FROM settings')[0]!.json) as { movementMode?: string }).movementMode).toBe('seated');

    // Opened cold (a new window on Stretches): the list waits for the settings, so a seated user never sees the
    // standing list drawn for a moment first. Every group the page ever draws is recorded from its first script on.
    const cold = await context.newPage();
    await cold.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __stretchGroupsSeen: seen });
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('section[data-testid^="stretch-group-"]')) {
          const id = el.getAttribute('data-testid')!;
          if (!seen.includes(id)) seen.push(id);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await cold.goto(suite.ui.view('#/stretch'));
    await cold.getByTestId('stretch-mode-note').waitFor();
    expect(await cold.evaluate(() => (window as unknown as { __stretchGroupsSeen: string[] }).__stretchGroupsSeen)).toEqual(['stretch-group-seated']);
    await cold.close();

    await page.goto(suite.ui.view('#/stretch'));
    const seatedPage = await stretchesPage(page);
    expect(seatedPage.groups.map((g) => g.group)).toEqual(['seated']);
    expect(seatedPage.groups[0]!.ids.length).toBeGreaterThan(3);
    expect(seatedPage.groups[0]!.ids.every((id) => positionOf(id) === 'seated')).toBe(true);
    expect(seatedPage.routines).toEqual(['seated-2', 'seated-5']);
    await expect.poll(() => page.getByTestId('stretch-mode-note').textContent()).toMatch(/Seated stretches and chair routines only, as you chose in Settings/);
    expect(await page.getByTestId('stretch-mode-note').getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
    expect(seriousOrCritical((await axeScan(page)).violations)).toEqual([]);
    await screenshot(page, 'stretches-seated', 'light');

    // "Show the standing ones too": everything, still seated first.
    await page.getByLabel('Show the standing ones too').check();
    const all = await stretchesPage(page);
    expect(all.groups.map((g) => g.group)).toEqual(['seated', 'standing']);
    expect(all.groups[1]!.ids.every((id) => positionOf(id) === 'standing')).toBe(true);
    expect(all.groups.flatMap((g) => g.ids).sort()).toEqual(STRETCHES.map((x) => x.id).sort());
    expect(all.routines.slice(0, 2)).toEqual(['seated-2', 'seated-5']);
    expect(all.routines.slice(2).every((id) => routinePositionOf(id) === 'standing')).toBe(true);
    expect(all.routines.length).toBe(ROUTINES.length);

    // Now's "5-minute routine" plays the 5-minute chair break: every step seated, recorded as seated-5.
    await page.goto(suite.ui.view('#/now'));
    await expect.poll(() => page.getByTestId('now-routine5').getAttribute('href')).toBe('#/stretch/play/seated-5');
    const since = Date.now();
    await page.getByTestId('now-routine5').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/stretch/play/seated-5');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('5-minute chair break');
    const steps = routineSteps(ROUTINES.find((r) => r.id === 'seated-5')!, STRETCHES);
    expect(steps.every((st) => positionOf(st.stretchId) === 'seated')).toBe(true);
    await expect.poll(() => page.getByTestId('player-progress').textContent()).toMatch(new RegExp(`of ${steps.length}`));
    await expect
      .poll(() => queryDb<{ routine_id: string; steps_total: number }>(suite.db, `SELECT routine_id, steps_total FROM stretches WHERE start_ms >= ${since - 1000}`))
      .toEqual([{ routine_id: 'seated-5', steps_total: steps.length }]);
    await page.getByTestId('player-stop').click();
    await page.getByTestId('player-stopped').waitFor();

    // A check-in with a sore hip: the chair break, not the hip routine (it has standing stretches).
    await page.goto(suite.ui.view('#/checkin'));
    await page.getByLabel('How sore are you right now?').fill('3');
    await page.getByLabel('Right hip (outer side)').check();
    for (const f of RED_FLAGS) await page.locator(`#flag-${f.id}-no`).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByTestId('checkin-saved').waitFor();
    await expect.poll(() => page.getByTestId('checkin-quick').getAttribute('href')).toBe('#/stretch/play/seated-2');
    expect(await page.getByTestId('checkin-quick').textContent()).toBe('2-minute chair break');
    expect(await page.getByRole('link', { name: 'Hips and glutes routine' }).count()).toBe(0);
    // The empty statistics' "try a 2-minute break" too.
    await page.goto(suite.ui.view('#/stats'));
    await page.getByTestId('stats-empty').waitFor();
    expect(await page.getByTestId('stats-empty').getByRole('link', { name: 'try a 2-minute break' }).getAttribute('href')).toBe('#/stretch/play/seated-2');
    expect(problems).toEqual([]);
    await context.close();

    const dark = await openPage(suite.browser, { colorScheme: 'dark', bypassCSP: true });
    await dark.page.goto(suite.ui.view('#/stretch'));
    expect((await stretchesPage(dark.page)).groups.map((g) => g.group)).toEqual(['seated']);
    await dark.page.getByTestId('stretch-mode-note').waitFor();
    expect(seriousOrCritical((await axeScan(dark.page)).violations)).toEqual([]);
    await screenshot(dark.page, 'stretches-seated', 'dark');
    expect(dark.problems).toEqual([]);
    await dark.context.close();
  });
});
