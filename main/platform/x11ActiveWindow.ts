import { runTool } from './runTool.js';

/** The focused X11 window as the window manager announces it (EWMH), read with `xprop` (x11-utils). */
export interface ActiveWindow {
  id: string;
  fullscreen: boolean;
  /** WM_CLASS: instance and class names, e.g. ["zoom", "zoom"]. */
  classes: string[];
}

/** `xprop -root -notype _NET_ACTIVE_WINDOW` → the window id, or null when nothing has the focus. */
export function parseActiveWindowId(stdout: string): string | null {
  const m = /_NET_ACTIVE_WINDOW\S*:?\s*window id # (0x[0-9a-f]+)/i.exec(stdout);
  if (!m) {
    if (/_NET_ACTIVE_WINDOW.*(not found|no such atom)/.test(stdout)) throw new Error('no window manager announces the active window (_NET_ACTIVE_WINDOW is not set; not an EWMH window manager?)');
    throw new Error(`xprop printed ${JSON.stringify(stdout.trim().slice(0, 80))}, not the active window`);
  }
  return /^0x0+$/.test(m[1]!) ? null : m[1]!;
}

/** `xprop -id ID -notype _NET_WM_STATE WM_CLASS` → fullscreen and class names. */
export function parseWindowProps(id: string, stdout: string): ActiveWindow {
  const state = /^_NET_WM_STATE\S*\s*=\s*(.*)$/m.exec(stdout)?.[1] ?? '';
  const cls = /^WM_CLASS\S*\s*=\s*(.*)$/m.exec(stdout)?.[1] ?? '';
  const classes = [...cls.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  return { id, fullscreen: state.split(',').some((s) => s.trim() === '_NET_WM_STATE_FULLSCREEN'), classes };
}

/** Reads the focused window; null when none has the focus. Rejects when there is no display or no xprop. */
export async function readActiveWindow(env: NodeJS.ProcessEnv, timeoutMs = 3000): Promise<ActiveWindow | null> {
  if (!env.DISPLAY) throw new Error('DISPLAY is not set (no X11 display to ask)');
  const tool = { env, timeoutMs, installHint: 'install x11-utils (Debian/Ubuntu: `sudo apt install x11-utils`)' };
  const id = parseActiveWindowId(await runTool('xprop', ['-root', '-notype', '_NET_ACTIVE_WINDOW'], tool));
  if (id === null) return null;
  try {
    return parseWindowProps(id, await runTool('xprop', ['-id', id, '-notype', '_NET_WM_STATE', 'WM_CLASS'], tool));
  } catch (e) {
    // The window closed between the two questions: nothing is in front for now.
    if (/BadWindow/.test((e as Error).message)) return null;
    throw e;
  }
}
