import { describe, expect, it } from 'vitest';
import { stretchById } from '../../shared/stretches/index.js';
import { screenshot } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

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
});
