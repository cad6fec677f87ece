import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { configHome, readEntryFile, writeEntryFile, type AutostartContext, type AutostartMechanism } from './autostartPort.js';

/**
 * A systemd user unit, where a systemd user session runs: restarted if it fails, its output in the
 * journal (`journalctl --user -u sitwell`). Tied to graphical-session.target, because the tracker
 * needs the desktop's display and session bus, which are imported into systemd when the desktop starts.
 */
export const UNIT = 'sitwell.service';
const path = (ctx: AutostartContext) => join(configHome(ctx), 'systemd', 'user', UNIT);

/** systemd's own quoting for ExecStart words: double quotes, with \ and " escaped; % doubled (specifiers). */
export function systemdExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  return /^[A-Za-z0-9@%_+=:,./-]+$/.test(arg) ? escaped : `"${escaped.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export const systemdUser: AutostartMechanism = {
  name: 'systemd-user',
  async probe(ctx) {
    try {
      await ctx.run('systemctl', ['--user', 'show', '--property=Version']);
      return { name: 'systemd-user', ok: true, why: `${path(ctx)} (a systemd user session runs)` };
    } catch (e) {
      return { name: 'systemd-user', ok: false, why: `no systemd user session (${(e as Error).message})` };
    }
  },
  entry(ctx, command) {
    const content = [
      '[Unit]',
      'Description=Sitwell sit-break tracker',
      'PartOf=graphical-session.target',
      'After=graphical-session.target',
      '',
      '[Service]',
      'Type=simple',
      `ExecStart=${command.map(systemdExecArg).join(' ')}`,
      'Restart=on-failure',
      'RestartSec=30',
      '',
      '[Install]',
      'WantedBy=graphical-session.target',
      '',
    ].join('\n');
    return { path: path(ctx), content };
  },
  async enable(ctx, command) {
    writeEntryFile(this.entry(ctx, command));
    await ctx.run('systemctl', ['--user', 'daemon-reload']);
    await ctx.run('systemctl', ['--user', 'enable', UNIT]);
  },
  async disable(ctx) {
    if (!existsSync(path(ctx))) return;
    await ctx.run('systemctl', ['--user', 'disable', UNIT]).catch(() => undefined); // already disabled: fine
    rmSync(path(ctx), { force: true });
    await ctx.run('systemctl', ['--user', 'daemon-reload']).catch(() => undefined);
  },
  async current(ctx) {
    return readEntryFile(path(ctx));
  },
};
