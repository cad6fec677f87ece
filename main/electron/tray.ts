import type { TrayAction, TrayIcon, TrayMenuItem, TrayView } from '../app/trayModel.js';

/** The four things done to a tray; electronShell.ts implements them with Tray, Menu and nativeImage. */
export interface TrayPort {
  setIcon(icon: TrayIcon): void;
  setToolTip(text: string): void;
  setTitle(text: string): void;
  setMenu(items: TrayMenuItem[], onAction: (action: TrayAction) => void): void;
}

/**
 * Keeps the tray in step with the monitor. Only what changed is pushed: rebuilding an
 * AppIndicator menu every few seconds makes it flicker and closes it under the user's pointer.
 */
export class TrayController {
  private last: { icon?: TrayIcon; tooltip?: string; title?: string; menu?: string } = {};
  updates = 0;

  constructor(
    private readonly port: TrayPort,
    private readonly view: () => TrayView,
    private readonly onAction: (action: TrayAction) => void,
  ) {}

  refresh(): void {
    const v = this.view();
    if (v.icon !== this.last.icon) this.port.setIcon((this.last.icon = v.icon));
    if (v.tooltip !== this.last.tooltip) this.port.setToolTip((this.last.tooltip = v.tooltip));
    if (v.title !== this.last.title) this.port.setTitle((this.last.title = v.title));
    const menu = JSON.stringify(v.items);
    if (menu !== this.last.menu) {
      this.last.menu = menu;
      this.port.setMenu(v.items, this.onAction);
      this.updates += 1;
    }
  }
}

/** The shape Menu.buildFromTemplate takes (a subset of MenuItemConstructorOptions). */
export interface MenuTemplateItem {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  enabled?: boolean;
  submenu?: MenuTemplateItem[];
  click?: () => void;
}

export function menuTemplate(items: TrayMenuItem[], onAction: (action: TrayAction) => void): MenuTemplateItem[] {
  return items.map((i): MenuTemplateItem => {
    if (i.type === 'separator') return { type: 'separator' };
    if (i.type === 'submenu') return { type: 'submenu', label: i.label, submenu: menuTemplate(i.items, onAction) };
    return { type: 'normal', label: i.label, enabled: i.enabled, click: () => onAction(i.action) };
  });
}
