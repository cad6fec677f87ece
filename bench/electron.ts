import { rmSync } from 'node:fs';
import { openStore } from '../main/store/index.js';
import { appEnv, electronSkipReason, keepTyping, launchApp, stageApp, type Hooks } from '../tests/electron/support/electronHarness.js';

/**
 * The desktop app's footprint, where Electron runs: main-process resident memory idle in the tray
 * after start-up and after ten break-prompt cycles (target: under 150 MB, no growth), and the time
 * from launch to the tray being ready. Idle time is scripted; a settings minute lasts one second.
 */

type G = { __sitwell: Hooks };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchElectron(): Promise<{ skipped: string } | { idleRssMb: number; afterCyclesRssMb: number; launchToTrayMs: number }> {
  const reason = electronSkipReason();
  if (reason) return { skipped: reason };
  const stage = stageApp();
  const env = await appEnv(stage, { minuteMs: 1000 });
  let stopTyping = () => {};
  try {
    const store = openStore(env.dbPath);
    store.updateSettings({ sitLimitMinutes: 1, snoozeMinutes: 1, postureEnabled: false });
    store.close();
    const run = await launchApp(env);
    try {
      await run.waitForOutput(/tray ready after \d+ ms/, 60_000);
      const launchToTrayMs = Math.round(performance.now() - run.launchedAt);
      const rss = () => run.app.evaluate(() => (globalThis as unknown as G).__sitwell.rssMb());

      await sleep(5000); // settle: nobody types, so no bout and no prompt
      const idleRssMb = await rss();

      stopTyping = keepTyping(env.idleFile);
      for (let i = 0; i < 10; i++) {
        const page = await run.app.waitForEvent('window', { timeout: 30_000 });
        await page.waitForLoadState('domcontentloaded');
        await page.evaluate(() => window.sitwell!.answerPrompt({ action: 'skip' }));
        await page.waitForEvent('close', { timeout: 10_000 });
      }
      stopTyping();
      await sleep(5000); // away again: back to idle in the tray
      const afterCyclesRssMb = await rss();
      return { idleRssMb: round(idleRssMb), afterCyclesRssMb: round(afterCyclesRssMb), launchToTrayMs };
    } finally {
      await run.app.close().catch(() => {});
    }
  } finally {
    stopTyping();
    await env.stop();
    rmSync(stage, { recursive: true, force: true });
  }
}

const round = (mb: number) => Math.round(mb * 10) / 10;
