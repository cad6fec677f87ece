import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { APP_AUTOSTART_FILE, desktopExecArg } from '../platform/desktopEntry.js';

export { desktopExecArg };

/**
 * Start at login. macOS and Windows have app.setLoginItemSettings; Linux desktops read
 * ~/.config/autostart/*.desktop (XDG Autostart), which Electron does not write, so we do.
 */

export type LoginItemPlan =
  | { kind: 'electron'; settings: { openAtLogin: boolean; openAsHidden: boolean; args: string[] } }
  | { kind: 'xdg'; path: string; content: string | null };

export interface LoginItemContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The command that starts this app: [AppImage or executable] packaged, [electron, appPath] from source. */
  command: string[];
}

export const AUTOSTART_FILE = APP_AUTOSTART_FILE;

export function loginItemPlan(enabled: boolean, ctx: LoginItemContext): LoginItemPlan {
  if (ctx.platform === 'darwin' || ctx.platform === 'win32') {
    return { kind: 'electron', settings: { openAtLogin: enabled, openAsHidden: true, args: [] } };
  }
  const config = ctx.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const path = join(config, 'autostart', AUTOSTART_FILE);
  if (!enabled) return { kind: 'xdg', path, content: null };
  const content = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Sitwell',
    'Comment=Sit-break monitor: posture and stretch reminders',
    `Exec=${ctx.command.map(desktopExecArg).join(' ')}`,
    'Icon=sitwell',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
  return { kind: 'xdg', path, content };
}

/** Writes or removes the autostart file; touches nothing when it already says the same. */
export function applyXdgPlan(plan: Extract<LoginItemPlan, { kind: 'xdg' }>): 'written' | 'removed' | 'unchanged' {
  const exists = existsSync(plan.path);
  if (plan.content === null) {
    if (!exists) return 'unchanged';
    rmSync(plan.path);
    return 'removed';
  }
  if (exists && readFileSync(plan.path, 'utf8') === plan.content) return 'unchanged';
  mkdirSync(dirname(plan.path), { recursive: true });
  writeFileSync(plan.path, plan.content, { mode: 0o644 });
  return 'written';
}
