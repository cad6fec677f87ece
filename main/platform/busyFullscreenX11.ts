import type { BusySource } from './types.js';
import { readActiveWindow } from './x11ActiveWindow.js';

/**
 * The focused window is fullscreen (a film, a game, a presentation): EWMH `_NET_ACTIVE_WINDOW` and its
 * `_NET_WM_STATE_FULLSCREEN`, through xprop. On Wayland this sees only XWayland windows.
 */
export function createX11FullscreenSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return {
    name: 'fullscreen-x11',
    reason: 'fullscreen',
    async check() {
      const w = await readActiveWindow(env, opts.timeoutMs);
      if (!w) return { busy: false, detail: 'no window has the focus' };
      const what = `the focused window (${w.classes[1] ?? w.classes[0] ?? w.id})`;
      return w.fullscreen ? { busy: true, detail: `${what} is fullscreen` } : { busy: false, detail: `${what} is not fullscreen` };
    },
    close() {},
  };
}
