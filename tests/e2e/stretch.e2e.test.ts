import { describe, expect, it } from 'vitest';
import { routineById, routineSteps } from '../../shared/routines.js';
import { STRETCHES } from '../../shared/stretches/index.js';
import { axeScan, screenshot, seriousOrCritical } from './support/axe.js';
import { hasChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { queryDb } from './support/db.js';
import { openPage } from './support/page.js';
import { useUiSuite } from './support/uiSuite.js';

if (!hasChromium) console.log(NO_CHROMIUM_REASON);

interface StretchRow {
  routine_id: string;
  completed: number;
  steps_done: number;
  steps_total: number;
  start_ms: number;
  end_ms: number | null;
}

describe.skipIf(!hasChromium)('guided stretch player (real Chromium, sitwell ui, real SQLite)', () => {
  const suite = useUiSuite();
  const { db } = suite;

  it('plays the 2-minute routine at speed=20, switching sides, and stores a completed session', { timeout: 90_000 }, async () => {
    const since = Date.now(); // a retry in CI must not count the earlier attempt's session
    const { page, context, problems } = await openPage(suite.browser);
    const steps = routineSteps(routineById('quick-2')!, STRETCHES);
    await page.goto(suite.ui.view('#/stretch/play/quick-2', { speed: '20' }));
    await page.getByTestId('player-progress').waitFor();
    // Record every side label the player shows while the routine runs (a MutationObserver in the page).
    await page.evaluate(() => {
      const seen = new Set<string>();
      const look = () => {
        const side = document.querySelector('[data-testid="player-side"]')?.textContent;
        if (side) seen.add(side);
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
      (window as unknown as { sidesSeen: Set<string> }).sidesSeen = seen;
    });
    await page.getByTestId('player-done').waitFor({ timeout: 60_000 });
    const sides = await page.evaluate(() => [...(window as unknown as { sidesSeen: Set<string> }).sidesSeen].sort());
    expect(sides).toEqual(['Left side', 'Right side']);
    await page.getByText('Saved to your history.').waitFor();

    const rows = queryDb<StretchRow>(db, `SELECT * FROM stretches WHERE routine_id = 'quick-2' AND start_ms >= ${since}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ routine_id: 'quick-2', completed: 1, steps_done: steps.length, steps_total: steps.length });
    expect(rows[0]!.end_ms).toBeGreaterThanOrEqual(rows[0]!.start_ms);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a 10-second get-ready with the side in words comes before the first hold; Space pauses, N goes on; the safety line is shown (issue #17)', async () => {
    const { page, context, problems } = await openPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.ui.view('#/stretch/play/standing-figure-four'));
    await expect.poll(() => page.getByTestId('player-phase').textContent()).toBe('Get ready');
    await expect.poll(() => page.getByTestId('player-progress').textContent()).toMatch(/step 1 of/);
    expect(Number(await page.getByTestId('player-seconds').textContent())).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('player-get-ready').textContent()).toBe('Next: Standing figure-four, left side. Get into position.');
    await expect.poll(() => page.getByTestId('stretch-safety').textContent()).toMatch(/mild tension.*never pain.*breathing.*pins and needles.*dizziness/);
    await screenshot(page, 'player-get-ready', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'player-get-ready', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('player-phase').textContent()).toBe('Paused');
    const { violations } = await axeScan(page);
    expect(seriousOrCritical(violations)).toEqual([]);
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('player-phase').textContent()).toBe('Get ready');
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('player-progress').textContent()).toMatch(/step 2 of/);
    await expect.poll(() => page.getByTestId('player-side').textContent()).toBe('Right side');
    await page.getByTestId('player-stop').click();
    await page.getByText('Saved to your history.').waitFor();
    await page.goto(suite.ui.view('#/stretch'));
    await expect.poll(() => page.getByTestId('stretch-safety').textContent()).toMatch(/pins and needles/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the optional chime: off by default; switched on, real Web Audio sounds a tone when a get-ready or a hold runs out (issue #17)', { timeout: 60_000 }, async () => {
    const { page, context, problems } = await openPage(suite.browser);
    // Count the tones the page starts through Chromium's own Web Audio (the oscillators still play).
    await page.addInitScript(() => {
      const w = window as unknown as { tones: number };
      w.tones = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
        w.tones++;
        return start.apply(this, args);
      };
    });
    const tones = () => page.evaluate(() => (window as unknown as { tones: number }).tones);
    await page.goto(suite.ui.view('#/stretch/play/neck-side-tilt', { speed: '10' }));
    const chime = page.getByLabel('Chime');
    await expect.poll(() => chime.isChecked()).toBe(false);
    // The get-ready runs out (1 s at speed 10) with the chime off: silence.
    await expect.poll(() => page.getByTestId('player-phase').textContent(), { timeout: 10_000 }).toBe('Hold');
    expect(await tones()).toBe(0);
    await chime.check();
    // The hold (20 s → 2 s) runs out: one tone, from a running AudioContext.
    await expect.poll(tones, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // The choice is kept for the next player.
    await page.reload();
    await expect.poll(() => page.getByLabel('Chime').isChecked()).toBe(true);
    await page.getByTestId('player-stop').click();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pauses, skips a step and stops: the session is stored as not completed with the steps done', async () => {
    const since = Date.now(); // a retry in CI must not count the earlier attempt's session
    const { page, context, problems } = await openPage(suite.browser, { reducedMotion: 'reduce' });
    await page.goto(suite.ui.view('#/stretch/play/seated-piriformis', { speed: '5' }));
    // Reduced motion: a plain number, no animated ring.
    await expect.poll(() => page.getByTestId('player-countdown').getAttribute('data-motion')).toBe('reduced');
    await expect.poll(() => page.getByTestId('player-side').textContent()).toBe('Left side');

    await page.getByTestId('player-pause').click();
    await expect.poll(() => page.getByTestId('player-phase').textContent()).toBe('Paused');
    const frozen = await page.getByTestId('player-seconds').textContent();
    await page.waitForTimeout(600);
    await expect.poll(() => page.getByTestId('player-seconds').textContent()).toBe(frozen);
    await page.getByTestId('player-pause').click();

    await page.getByTestId('player-skip').click(); // left side skipped: not done
    await expect.poll(() => page.getByTestId('player-side').textContent()).toBe('Right side');
    await page.getByTestId('player-stop').click();
    await page.getByTestId('player-stopped').waitFor();
    await page.getByText('Saved to your history.').waitFor();

    const rows = queryDb<StretchRow>(db, `SELECT * FROM stretches WHERE routine_id = 'seated-piriformis' AND start_ms >= ${since}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ completed: 0, steps_done: 0, steps_total: 2 });
    expect(rows[0]!.end_ms).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Stop pressed before the session was started still closes it, and "Saved" waits for the save', async () => {
    const since = Date.now();
    const { page, context, problems } = await openPage(suite.browser);
    // Hold the start call back in the browser for a moment; the server and SQLite stay real.
    let releaseStart!: () => void;
    const startHeld = new Promise<void>((resolve) => (releaseStart = resolve));
    await page.route('**/api/call/startStretch', async (route) => {
      await startHeld;
      await route.continue();
    });
    await page.goto(suite.ui.view('#/stretch/play/standing-figure-four'));
    await page.getByTestId('player-stop').click();
    await page.getByTestId('player-stopped').waitFor();
    await expect.poll(() => page.getByTestId('player-stopped').getByRole('status').textContent()).toContain('Saving…');
    releaseStart();
    await page.getByText('Saved to your history.').waitFor();

    const rows = queryDb<StretchRow>(db, `SELECT * FROM stretches WHERE routine_id = 'standing-figure-four' AND start_ms >= ${since}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ completed: 0, steps_done: 0 });
    expect(rows[0]!.end_ms).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a session that could not be started says so on the end screen, not "Saved"', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.route('**/api/call/startStretch', (route) => route.abort('connectionrefused'));
    await page.goto(suite.ui.view('#/stretch/play/calf-raises'));
    await expect.poll(() => page.getByText('This session is not being recorded').count()).toBe(1);
    await page.getByTestId('player-stop').click();
    const end = page.getByTestId('player-stopped');
    await expect.poll(() => end.locator('.alert').textContent()).toMatch(/^Not saved: .*Sitwell is not reachable/);
    await expect.poll(() => end.getByRole('status').textContent()).not.toMatch(/Sav(ed|ing)/);
    await context.close();
  });

  it('draws the countdown ring when motion is allowed, and lists the catalog with illustrations', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(suite.ui.view('#/stretch'));
    await expect.poll(() => page.locator('article.stretch-card').count()).toBe(STRETCHES.length);
    await expect.poll(() => page.locator('article.stretch-card .illustration svg title').count()).toBe(STRETCHES.length);
    await page.goto(suite.ui.view('#/stretch/play/full-5'));
    await expect.poll(() => page.getByTestId('player-countdown').getAttribute('data-motion')).toBe('full');
    await page.getByTestId('player-stop').click();
    await page.getByTestId('player-stopped').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
