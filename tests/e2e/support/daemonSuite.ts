import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openStore } from '../../../main/store/index.js';
import type { Settings } from '../../../shared/settings.js';
import { startTyping } from '../../helpers/idleTyping.js';
import { launchChromium } from './chromium.js';
import { startDaemonUi, tempDir, type RunningSitwell } from './server.js';

export interface DaemonSuite {
  readonly db: string;
  readonly daemon: RunningSitwell;
  readonly browser: Browser;
  /** Keeps "using the keyboard": the idle file is rewritten well inside minBreakMinutes. */
  keepSitting(): void;
  /** Stops the input: after minBreakMinutes the user is away. Called after every test too. */
  walkAway(): Promise<void>;
}

/**
 * Inside a describe: a fresh history with `settings`, the real `sitwell daemon --ui` over it with its
 * documented testing options (idle time read from a file, a settings minute of `minuteMs`) and a headless
 * Chromium. "Input" is writing 0 to the idle file; stopping the writes is walking away.
 */
export function useDaemonSuite(settings: Partial<Settings>, minuteMs: number): DaemonSuite {
  const tmp = tempDir();
  const db = join(tmp.dir, 'history.db');
  const idle = join(tmp.dir, 'idle');
  let daemon: RunningSitwell | undefined;
  let browser: Browser | undefined;
  // The "typing" is a child process of its own (startTyping): a timer in this test process stalls whenever the
  // process is busy (a screenshot, a loaded CI machine), and a stall longer than minBreakMinutes read as the user
  // walking away. Its writes are whole: `echo 0 > idle` let the daemon read an empty file now and then, a failed
  // reading that sent it into back-off with a prompt open.
  let typing: { stop: () => Promise<void> } | null = null;
  const walkAway = async () => {
    const t = typing;
    typing = null;
    await t?.stop();
  };
  beforeAll(async () => {
    const store = openStore(db);
    store.updateSettings(settings);
    store.close();
    [daemon, browser] = await Promise.all([startDaemonUi(db, idle, minuteMs), launchChromium()]);
  });
  afterEach(() => walkAway());
  afterAll(async () => {
    await walkAway();
    await browser?.close();
    await daemon?.stop();
    tmp.cleanup();
  });
  return {
    db,
    get daemon() {
      return daemon!;
    },
    get browser() {
      return browser!;
    },
    keepSitting() {
      typing ??= startTyping(idle, 250);
    },
    walkAway,
  };
}
