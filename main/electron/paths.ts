import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrayIcon } from '../app/trayModel.js';

/**
 * Where the built app's pieces are, relative to the bundled main process (dist/electron/main.cjs):
 * dist/renderer/index.html, dist/electron/preload.cjs, dist/icons/. Inside the packaged app
 * these sit in app.asar, which Electron reads transparently.
 */
export interface AppPaths {
  indexFile: string;
  indexUrl: string;
  rendererDirUrl: string;
  preload: string;
  iconDir: string;
  appIcon: string;
}

export function appPaths(electronDir: string): AppPaths {
  const dist = join(electronDir, '..');
  const indexFile = join(dist, 'renderer', 'index.html');
  return {
    indexFile,
    indexUrl: pathToFileURL(indexFile).href,
    rendererDirUrl: pathToFileURL(join(dist, 'renderer')).href + '/',
    preload: join(electronDir, 'preload.cjs'),
    iconDir: join(dist, 'icons'),
    appIcon: join(dist, 'icons', 'icon.png'),
  };
}

/** macOS menu bar icons are black-and-alpha "Template" images the system tints; elsewhere colour PNGs. @2x variants are picked up by name. */
export function trayIconFile(icon: TrayIcon, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${icon}Template.png` : `tray-${icon}.png`;
}
