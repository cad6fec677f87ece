import { describe, expect, it } from 'vitest';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { cliHas } from './support/cli.js';
import { openPage } from './support/page.js';
import { useDaemonSuite } from './support/daemonSuite.js';

/**
 * The Now view's I'm standing / I'm sitting switch (issue 13, DESIGN.md §7) against a live
 * `sitwell daemon --ui`: standing replaces the sitting timer, sitting brings it back.
 */

if (!hasChromium) console.log(NO_CHROMIUM_REASON);
const daemonHasUi = cliHas('daemon', '--ui');
if (!daemonHasUi) console.log('skipped: `sitwell daemon --ui` is not available in this checkout yet');

const MINUTE_MS = 1000;

describe.skipIf(!hasChromium || !daemonHasUi)('Now view: the stand/sit switch (real Chromium, sitwell daemon --ui)', () => {
  // A long limit: no break prompt interrupts the switch.
  const suite = useDaemonSuite({ sitLimitMinutes: 480, postureEnabled: false }, MINUTE_MS);

  for (const theme of ['light', 'dark'] as const) {
    it(`I'm standing shows the standing time, I'm sitting the bout again (${theme})`, async () => {
      const { page, context, problems } = await openPage(suite.browser, { colorScheme: theme, bypassCSP: true });
      suite.keepSitting();
      await page.goto(suite.daemon.view('#/now'));
      await page.getByTestId('now-bout').waitFor();
      await page.getByTestId('now-stand').click();
      await page.getByTestId('now-standing').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('now-stand').getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('#now-bout-h').textContent()).toBe('Standing');
      await screenshot(page, 'now-standing', theme);
      const { violations } = await axeScan(page);
      expect(seriousOrCritical(violations)).toEqual([]);
      await page.getByTestId('now-sit').click();
      await page.getByTestId('now-standing').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await page.getByTestId('now-sit').getAttribute('aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
