import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AutostartContext } from '../../main/platform/autostartPort.js';
import { launchAgent } from '../../main/platform/autostartLaunchAgent.js';
import { systemdUser } from '../../main/platform/autostartSystemd.js';
import { RUN_KEY, VALUE, windowsRun } from '../../main/platform/autostartWindowsRun.js';
import { xdgAutostart } from '../../main/platform/autostartXdg.js';
import { openStore } from '../../main/store/index.js';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';

const tmp = tempDir('sitwell-autostart-');
afterAll(() => tmp.cleanup());

const BIN = join(process.cwd(), 'bin', 'sitwell.mjs');
const COMMAND = [process.execPath, BIN, '--db', '/home/a user/.local/share/sitwell/sitwell.db', 'daemon'];
const noRun = async () => {
  throw new Error('not run');
};
const ctx = (over: Partial<AutostartContext> = {}): AutostartContext => ({
  platform: 'linux',
  env: { XDG_CONFIG_HOME: join(tmp.dir, 'cfg') },
  home: join(tmp.dir, 'home'),
  run: noRun,
  ...over,
});

const hasAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasAnalyze) console.log('systemd-analyze verify skipped: systemd-analyze is not installed');

describe('autostart: the generated entries', () => {
  it('systemd user unit: restarts on failure, tied to the graphical session, ExecStart quoted as systemd reads it', () => {
    const e = systemdUser.entry(ctx(), COMMAND);
    expect(e.path).toBe(join(tmp.dir, 'cfg', 'systemd', 'user', 'sitwell.service'));
    expect(e.content).toContain(`ExecStart=${process.execPath} ${BIN} --db "/home/a user/.local/share/sitwell/sitwell.db" daemon`);
    expect(e.content).toContain('Restart=on-failure');
    expect(e.content).toContain('WantedBy=graphical-session.target');
  });

  it.skipIf(!hasAnalyze)('systemd user unit passes systemd-analyze verify', () => {
    const dir = join(tmp.dir, 'verify');
    mkdirSync(dir, { recursive: true });
    const unit = join(dir, 'sitwell.service');
    writeFileSync(unit, systemdUser.entry(ctx(), COMMAND).content);
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', unit], { encoding: 'utf8' });
    const ours = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes('sitwell.service'));
    expect(ours, `${r.stdout}\n${r.stderr}`).toEqual([]);
    // and a broken unit is caught by the same check
    writeFileSync(unit, systemdUser.entry(ctx(), COMMAND).content.replace('Restart=on-failure', 'Restart=sometimes'));
    const bad = spawnSync('systemd-analyze', ['verify', '--man=no', unit], { encoding: 'utf8' });
    expect(`${bad.stdout}${bad.stderr}`).toMatch(/sitwell\.service:\d+: .*restart/i);
  });

  it('XDG autostart entry: hidden, no terminal, Exec quoted per the Desktop Entry spec', () => {
    const e = xdgAutostart.entry(ctx(), COMMAND);
    expect(e.path).toBe(join(tmp.dir, 'cfg', 'autostart', 'org.sitwell.daemon.desktop'));
    expect(e.content).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(e.content).toContain(`Exec=${process.execPath} ${BIN} --db "/home/a user/.local/share/sitwell/sitwell.db" daemon`);
    expect(e.content).toContain('Terminal=false');
    expect(e.content).toContain('NoDisplay=true');
  });

  it('LaunchAgent plist (macOS stand-in: the file only): label, every argument, RunAtLoad, restart after a crash, a log file', () => {
    const e = launchAgent.entry(ctx({ platform: 'darwin', home: '/Users/a&b' }), COMMAND);
    expect(e.path).toBe('/Users/a&b/Library/LaunchAgents/org.sitwell.daemon.plist');
    expect(e.content).toContain('<key>Label</key>\n  <string>org.sitwell.daemon</string>');
    const args = [...e.content.split('<key>ProgramArguments</key>')[1]!.split('</array>')[0]!.matchAll(/<string>(.*)<\/string>/g)].map((m) => m[1]);
    expect(args).toEqual(COMMAND);
    expect(e.content).toContain('<key>RunAtLoad</key>\n  <true/>');
    expect(e.content).toContain('<key>SuccessfulExit</key>\n    <false/>');
    expect(e.content).toContain('<string>/Users/a&amp;b/Library/Logs/Sitwell/daemon.log</string>');
    // well-formed enough for plutil: every tag closed
    expect(e.content.match(/<dict>/g)?.length).toBe(e.content.match(/<\/dict>/g)?.length);
  });

  it('Windows Run entry (Windows stand-in: reg recorded, not run): added, read back and removed under HKCU', async () => {
    const calls: string[][] = [];
    let stored: string | null = null;
    const run = async (file: string, args: string[]) => {
      calls.push([file, ...args]);
      if (args[0] === 'add') stored = args[args.indexOf('/d') + 1]!;
      if (args[0] === 'delete') stored = null;
      if (args[0] === 'query') {
        if (stored === null) throw new Error('`reg` failed (exit 1): ERROR: The system was unable to find the specified registry key or value.');
        return `\r\n${RUN_KEY}\r\n    ${VALUE}    REG_SZ    ${stored}\r\n\r\n`;
      }
      return '';
    };
    const c = ctx({ platform: 'win32', run });
    const win = ['C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\a\\AppData\\Roaming\\npm\\node_modules\\sitwell\\bin\\sitwell.mjs', 'daemon'];
    await windowsRun.enable(c, win);
    expect(calls[0]).toEqual(['reg', 'add', RUN_KEY, '/v', VALUE, '/t', 'REG_SZ', '/d', `"${win[0]}" "${win[1]}" "daemon"`, '/f']);
    expect(RUN_KEY).toBe('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run');
    expect(await windowsRun.current(c)).toBe(`"${win[0]}" "${win[1]}" "daemon"`);
    await windowsRun.disable(c);
    expect(await windowsRun.current(c)).toBeNull();
  });
});

describe('sitwell autostart for real (temp XDG_CONFIG_HOME, no systemd user session reachable)', () => {
  const cfg = join(tmp.dir, 'real-cfg');
  const env = {
    XDG_CONFIG_HOME: cfg,
    XDG_DATA_HOME: join(tmp.dir, 'real-data'),
    // No session bus or runtime dir of the user's: systemctl --user cannot reach a manager, so the XDG entry is used.
    XDG_RUNTIME_DIR: join(tmp.dir, 'no-runtime'),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmp.dir, 'no-bus')}`,
    SITWELL_DB: join(tmp.dir, 'history.db'),
  };
  const entry = join(cfg, 'autostart', 'org.sitwell.daemon.desktop');

  it('enable writes the XDG autostart entry, status says so, disable removes it', async () => {
    const on = await runSitwell(['autostart', 'enable'], { env });
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toContain(`xdg-autostart: ${entry}`);
    expect(readFileSync(entry, 'utf8')).toContain(`Exec=${process.execPath} ${BIN} --db ${env.SITWELL_DB} daemon`);

    const status = await runSitwell(['autostart', 'status'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Background tracker at login: on');
    expect(status.stdout).toContain(`xdg-autostart: on (${entry})`);
    expect(status.stdout).toContain('systemd-user: off');
    expect(status.stdout).toContain('Desktop app at login: off');

    const off = await runSitwell(['autostart', 'disable'], { env });
    expect(off.code, off.stderr).toBe(0);
    expect(existsSync(entry)).toBe(false);
    expect((await runSitwell(['autostart', 'status'], { env })).stdout).toContain('Background tracker at login: off');
    expect((await runSitwell(['autostart', 'disable'], { env })).stdout).toContain('Nothing to remove');
  }, 60_000);

  it("refuses while the desktop app's start at login is on, saying how to switch", async () => {
    const store = openStore(env.SITWELL_DB);
    store.updateSettings({ startAtLogin: true });
    store.close();
    const r = await runSitwell(['autostart', 'enable'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the desktop app already starts at login');
    expect(r.stderr).toContain('Start Sitwell when I log in');
    expect(r.stderr).toContain('sitwell autostart enable');
    expect(existsSync(entry)).toBe(false);
    const s = openStore(env.SITWELL_DB);
    s.updateSettings({ startAtLogin: false });
    s.close();
    // the app's own XDG autostart file counts too
    mkdirSync(join(cfg, 'autostart'), { recursive: true });
    writeFileSync(join(cfg, 'autostart', 'org.sitwell.app.desktop'), '[Desktop Entry]\n');
    const again = await runSitwell(['autostart', 'enable'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('org.sitwell.app.desktop exists');
  }, 60_000);

  it('sitwell doctor lists the ways to start at login', async () => {
    const r = await runSitwell(['doctor'], { env });
    expect(r.stdout).toContain('Starting the tracker at login (sitwell autostart; would use: xdg-autostart)');
    expect(r.stdout).toMatch(/not available {2}systemd-user: no systemd user session/);
  }, 60_000);
});
