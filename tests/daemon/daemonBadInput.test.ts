import { describe, expect, it } from 'vitest';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** The daemon's refusals, as a real child process: clear words and exit 2, never a silent zero idle time. */
describe('sitwell daemon: bad input and no way to read idle time', () => {
  it('with no display and no session bus: exit 2, naming every mechanism tried and how to fix it', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-bad-');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const k of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR']) delete env[k];
      env.DBUS_SYSTEM_BUS_ADDRESS = `unix:path=${join(dir, 'no-bus')}`;
      const r = await runSitwell(['--db', join(dir, 'h.db'), 'daemon'], { env, timeoutMs: 30_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no idle-time source works here/);
      expect(r.stderr).toMatch(/x11-xprintidle/);
      expect(r.stderr).toMatch(/How to fix/);
      expect(r.stdout).not.toMatch(/tracking with idle source/);
      // The tracker lock is released on the way out: the next start is not blocked.
      expect(existsSync(join(dir, 'h.db.tracker.lock'))).toBe(false);
    } finally {
      cleanup();
    }
  }, 40_000);

  it('refuses a testing minute out of range and an unknown idle source with exit 2', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-bad-');
    try {
      const a = await runSitwell(['--db', join(dir, 'h.db'), 'daemon', '--testing-minute-ms', '5']);
      expect(a.code).toBe(2);
      expect(a.stderr).toMatch(/--testing-minute-ms must be a number of milliseconds from 100 to 60000/);
      const b = await runSitwell(['--db', join(dir, 'h.db'), 'daemon', '--idle-source', 'telepathy']);
      expect(b.code).toBe(2);
      expect(b.stderr).toMatch(/unknown --idle-source "telepathy"/);
    } finally {
      cleanup();
    }
  }, 40_000);
});
