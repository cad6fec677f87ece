import { join } from 'node:path';
import { BrowserWindow, dialog, Menu, nativeImage, screen, Tray, type NativeImage } from 'electron';
import type { AppPaths } from './paths.js';
import { trayIconFile } from './paths.js';
import { secureWebPreferences } from './securityPolicy.js';
import { menuTemplate, type TrayPort } from './tray.js';
import { TRAY_ICONS, type TrayIcon } from '../app/trayModel.js';
import type { AppPage, WindowFactory, WindowKind, WindowLike } from './windows.js';

/**
 * The only code that builds Electron windows and the tray. Every BrowserWindow gets
 * secureWebPreferences(); pages load from the app's own file:// index (or, running from source
 * with SITWELL_DEV_SERVER, the loopback Vite server).
 */

const SIZES: Record<WindowKind, { width: number; height: number }> = {
  main: { width: 960, height: 720 },
  prompt: { width: 440, height: 600 },
};

const viewOf = (url: string): string => {
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
  return hash.replace(/^\//, '').split(/[/?]/)[0] || 'now';
};

/** The question asked before a window with unsaved settings closes, in the user's language. */
export interface LeaveQuestion {
  title: string;
  message: string;
  leave: string;
  stay: string;
}

export function browserWindowFactory(paths: AppPaths, devServerUrl: string | null, leaveQuestion: () => LeaveQuestion): WindowFactory {
  return {
    create(kind: WindowKind, view: AppPage): WindowLike {
      const size = SIZES[kind];
      const prompt = kind === 'prompt';
      const win = new BrowserWindow({
        ...size,
        show: false,
        title: 'Sitwell',
        icon: paths.appIcon,
        autoHideMenuBar: true,
        alwaysOnTop: prompt,
        skipTaskbar: prompt,
        minimizable: !prompt,
        maximizable: !prompt,
        fullscreenable: false,
        ...(prompt ? placePrompt(size) : {}),
        webPreferences: secureWebPreferences(paths.preload),
      });
      win.removeMenu();
      // 'floating' keeps the prompt over ordinary windows without covering full-screen video or the lock screen.
      if (prompt) win.setAlwaysOnTop(true, 'floating');
      const load = (v: AppPage) =>
        devServerUrl ? win.loadURL(`${devServerUrl}/#/${v}`) : win.loadFile(paths.indexFile, { hash: `/${v}` });
      let ready = false;
      let pending: 'active' | 'inactive' | null = null;
      const show = (mode: 'active' | 'inactive') => {
        if (win.isDestroyed()) return;
        if (mode === 'inactive') {
          if (!win.isVisible()) win.showInactive();
          return;
        }
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      };
      if (prompt) {
        // "Start stretch" turns the prompt into the stretch player, an ordinary window; a later prompt shown in it floats again.
        win.webContents.on('did-navigate-in-page', (_e, url) => {
          const onTop = viewOf(url) === 'prompt';
          if (onTop === win.isAlwaysOnTop()) return;
          win.setAlwaysOnTop(onTop, 'floating');
          win.setSkipTaskbar(onTop);
        });
      }
      // The page refuses to unload while Settings has unsaved edits (beforeunload). Electron would then
      // cancel the close silently; ask instead, and close only when the user says so.
      win.webContents.on('will-prevent-unload', (event) => {
        const q = leaveQuestion();
        const choice = dialog.showMessageBoxSync(win, { type: 'question', title: q.title, message: q.message, buttons: [q.leave, q.stay], defaultId: 1, cancelId: 1, noLink: true });
        if (choice === 0) event.preventDefault();
      });
      win.once('ready-to-show', () => {
        ready = true;
        if (pending) show(pending);
        pending = null;
      });
      void load(view).catch(() => {}); // a failed load shows as an empty window; did-fail-load is logged by main.ts
      const contentsId = win.webContents.id;
      return {
        contentsId,
        navigate: (v) => {
          // Only the hash changes, so Chromium treats it as an in-page navigation: no reload, no lost state.
          void load(v).catch(() => {});
        },
        view: () => (win.isDestroyed() ? '' : viewOf(win.webContents.getURL())),
        reveal: (mode) => {
          if (ready) show(mode);
          else pending = mode;
        },
        destroy: () => {
          if (!win.isDestroyed()) win.destroy();
        },
        isDestroyed: () => win.isDestroyed(),
        onClosed: (listener) => win.once('closed', listener),
        send: (channel, ...args) => {
          if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(channel, ...args);
        },
      };
    },
  };
}

/** Bottom-right of the screen the pointer is on, clear of the taskbar, where notifications usually appear. */
function placePrompt(size: { width: number; height: number }): { x: number; y: number } {
  const area = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea;
  return { x: Math.round(area.x + area.width - size.width - 16), y: Math.round(area.y + area.height - size.height - 16) };
}

export function electronTray(paths: AppPaths, platform: NodeJS.Platform): { tray: Tray; port: TrayPort } {
  const images = new Map<TrayIcon, NativeImage>();
  for (const icon of TRAY_ICONS) {
    const img = nativeImage.createFromPath(join(paths.iconDir, trayIconFile(icon, platform)));
    if (platform === 'darwin') img.setTemplateImage(true);
    images.set(icon, img);
  }
  const tray = new Tray(images.get('ok')!);
  const port: TrayPort = {
    setIcon: (icon) => tray.setImage(images.get(icon)!),
    setToolTip: (text) => tray.setToolTip(text),
    // Only macOS shows text beside a tray icon; elsewhere the live minutes are in the tooltip and the menu's first line.
    setTitle: (text) => {
      if (platform === 'darwin') tray.setTitle(text);
    },
    setMenu: (items, onAction) => tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(items, onAction))),
  };
  return { tray, port };
}
