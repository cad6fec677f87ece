import { runTool } from './runTool.js';
import type { IdleSource } from './types.js';

/** Parses xprintidle's output: one integer, milliseconds since the last X input (XScreenSaver extension). */
export function parseXprintidle(stdout: string): number {
  const text = stdout.trim();
  if (!/^\d+$/.test(text)) throw new Error(`xprintidle printed ${JSON.stringify(text.slice(0, 80))}, not a number of milliseconds`);
  return Number(text);
}

/**
 * X11 idle time through `xprintidle`. Needs DISPLAY. Under XWayland it only sees input to X clients,
 * which is why detection tries it last on Wayland.
 */
export function createX11IdleSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number; command?: string } = {}): IdleSource {
  const command = opts.command ?? 'xprintidle';
  return {
    name: 'x11-xprintidle',
    async idleMs() {
      if (!env.DISPLAY) throw new Error('DISPLAY is not set (no X11 display to ask)');
      const out = await runTool(command, [], {
        env,
        timeoutMs: opts.timeoutMs ?? 3000,
        installHint: 'install it (Debian/Ubuntu: `sudo apt install xprintidle`)',
      });
      return parseXprintidle(out);
    },
  };
}
