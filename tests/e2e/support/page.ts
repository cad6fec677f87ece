import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A fresh page that fails the test on any script error or CSP violation. */
export async function openPage(browser: Browser, opts: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; bypassCSP?: boolean } = {}): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: opts.colorScheme ?? 'light', reducedMotion: opts.reducedMotion ?? 'no-preference', bypassCSP: opts.bypassCSP ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) problems.push(`console error: ${m.text()}`);
  });
  return { page, context, problems };
}
