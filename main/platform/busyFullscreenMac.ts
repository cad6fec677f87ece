import { runTool } from './runTool.js';
import type { BusyReading, BusySource } from './types.js';

const SCRIPT = 'tell application "System Events" to tell (first process whose frontmost is true) to get {name, value of attribute "AXFullScreen" of front window}';

/** osascript's answer to SCRIPT: "Keynote, true". */
export function parseFrontmostFullscreen(stdout: string): BusyReading {
  const m = /^(.*), (true|false)$/.exec(stdout.trim());
  if (!m) throw new Error(`osascript printed ${JSON.stringify(stdout.trim().slice(0, 80))}, not "app, true|false"`);
  return m[2] === 'true' ? { busy: true, detail: `${m[1]} is fullscreen` } : { busy: false, detail: `${m[1]} is not fullscreen` };
}

/** The frontmost app's front window is fullscreen (macOS; needs the Accessibility permission). */
export function createMacFullscreenSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return {
    name: 'fullscreen-macos',
    reason: 'fullscreen',
    async check() {
      try {
        return parseFrontmostFullscreen(await runTool('osascript', ['-e', SCRIPT], { env, timeoutMs: opts.timeoutMs ?? 3000 }));
      } catch (e) {
        // No window in front (the desktop, an app with none) is not fullscreen.
        if (/-1719|Invalid index/.test((e as Error).message)) return { busy: false, detail: 'no window is in front' };
        throw e;
      }
    },
    close() {},
  };
}
