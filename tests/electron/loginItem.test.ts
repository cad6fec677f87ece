import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAtLoginOnFirstRun } from '../../main/core/firstRunLogin.js';
import { applyXdgPlan, AUTOSTART_FILE, desktopExecArg, loginItemPlan } from '../../main/electron/loginItem.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('start at login', () => {
  it('uses app.setLoginItemSettings on macOS and Windows, starting hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(loginItemPlan(true, { platform, env: {}, command: ['/x'] })).toEqual({ kind: 'electron', settings: { openAtLogin: true, openAsHidden: true, args: [] } });
      expect(loginItemPlan(false, { platform, env: {}, command: ['/x'] })).toMatchObject({ settings: { openAtLogin: false } });
    }
  });

  it('writes, keeps and removes an XDG autostart entry on Linux (real files)', () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-autostart-'));
    const env = { XDG_CONFIG_HOME: dir };
    const command = ['/home/ann/Apps/Sitwell 1.0.AppImage'];
    const on = loginItemPlan(true, { platform: 'linux', env, command });
    expect(on).toMatchObject({ kind: 'xdg', path: join(dir, 'autostart', AUTOSTART_FILE) });
    if (on.kind !== 'xdg') throw new Error('expected xdg');
    expect(applyXdgPlan(on)).toBe('written');
    const text = readFileSync(on.path, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\nName=Sitwell\n');
    expect(text).toContain('Exec="/home/ann/Apps/Sitwell 1.0.AppImage"\n');
    expect(statSync(on.path).mode & 0o777).toBe(0o644);
    expect(applyXdgPlan(on)).toBe('unchanged');

    const off = loginItemPlan(false, { platform: 'linux', env, command });
    if (off.kind !== 'xdg') throw new Error('expected xdg');
    expect(applyXdgPlan(off)).toBe('removed');
    expect(applyXdgPlan(off)).toBe('unchanged');
  });

  it('rewrites an entry that points somewhere else', () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-autostart-'));
    const plan = loginItemPlan(true, { platform: 'linux', env: { XDG_CONFIG_HOME: dir }, command: ['/usr/bin/sitwell'] });
    if (plan.kind !== 'xdg') throw new Error('expected xdg');
    applyXdgPlan(plan);
    writeFileSync(plan.path, '[Desktop Entry]\nExec=/old/path\n');
    expect(applyXdgPlan(plan)).toBe('written');
    expect(readFileSync(plan.path, 'utf8')).toContain('Exec=/usr/bin/sitwell\n');
  });

  it('quotes Exec arguments per the Desktop Entry spec', () => {
    expect(desktopExecArg('/usr/bin/sitwell')).toBe('/usr/bin/sitwell');
    expect(desktopExecArg('/a b/c')).toBe('"/a b/c"');
    expect(desktopExecArg('/a"b$c`d\\e')).toBe('"/a\\"b\\$c\\`d\\\\e"');
    expect(desktopExecArg('/100%')).toBe('/100%%');
    expect(desktopExecArg('')).toBe('""');
  });
});

describe('start at login on by default where the app installs itself (issue #17)', () => {
  it('only on the first run of the packaged app, and never when the daemon already starts at login', () => {
    expect(startAtLoginOnFirstRun({ firstRun: true, packaged: true, daemonStartsAtLogin: false })).toBe(true);
    expect(startAtLoginOnFirstRun({ firstRun: true, packaged: false, daemonStartsAtLogin: false })).toBe(false);
    expect(startAtLoginOnFirstRun({ firstRun: false, packaged: true, daemonStartsAtLogin: false })).toBe(false);
    expect(startAtLoginOnFirstRun({ firstRun: true, packaged: true, daemonStartsAtLogin: true })).toBe(false);
  });
});
