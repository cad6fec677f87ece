import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { startUi, tempDir, type RunningSitwell } from './server.js';

export interface UiSuite {
  /** The suite's own history file. */
  readonly db: string;
  readonly ui: RunningSitwell;
  readonly browser: Browser;
}

/**
 * Inside a describe: a fresh history, the real `sitwell ui` over it and a headless Chromium, started
 * before the suite's tests and stopped after them.
 */
export function useUiSuite(): UiSuite {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  let ui: RunningSitwell | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [ui, browser] = await Promise.all([startUi(db), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    tmp.cleanup();
  });
  return {
    db,
    get ui() {
      return ui!;
    },
    get browser() {
      return browser!;
    },
  };
}
