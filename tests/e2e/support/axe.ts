import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is. The page's CSP forbids injected scripts, so the page must
 * come from a context opened with `bypassCSP: true` (axe is a test tool, not part of the app).
 */
export async function axeScan(page: Page): Promise<{ passes: number; violations: AxeFinding[] }> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: AxeFinding[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, {});
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
    };
  });
}

export const seriousOrCritical = (list: AxeFinding[]): AxeFinding[] => list.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** tests/e2e/screenshots/NAME-THEME.png, the whole page. */
export async function screenshot(page: Page, name: string, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${theme}.png`), fullPage: true });
}
