import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { configHome, readEntryFile, writeEntryFile, type AutostartContext, type AutostartMechanism } from './autostartPort.js';
import { desktopExecArg } from './desktopEntry.js';

/** XDG Autostart: desktops without a systemd user session start ~/.config/autostart/*.desktop at login. */
const FILE = 'org.sitwell.daemon.desktop';
const path = (ctx: AutostartContext) => join(configHome(ctx), 'autostart', FILE);

export const xdgAutostart: AutostartMechanism = {
  name: 'xdg-autostart',
  async probe(ctx) {
    return { name: 'xdg-autostart', ok: true, why: `${path(ctx)} (started by the desktop at login)` };
  },
  entry(ctx, command) {
    const content = [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Sitwell tracker',
      'Comment=Sitwell counts sitting time in the background and prompts breaks',
      `Exec=${command.map(desktopExecArg).join(' ')}`,
      'Icon=sitwell',
      'Terminal=false',
      'NoDisplay=true',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n');
    return { path: path(ctx), content };
  },
  async enable(ctx, command) {
    writeEntryFile(this.entry(ctx, command));
  },
  async disable(ctx) {
    rmSync(path(ctx), { force: true });
  },
  async current(ctx) {
    return readEntryFile(path(ctx));
  },
};
