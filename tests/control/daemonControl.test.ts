import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTracker } from '../../main/app/control/controlClient.js';
import { controlAddress } from '../../main/platform/controlPath.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { quietEnv, startDaemon, stopDaemon } from '../reliability/support/daemonProcess.js';

const TSX = { args: ['--import', 'tsx', 'main/cli/main.ts'], kind: 'tsx', buildMs: 0 };

/** The control channel of a real `sitwell daemon` child process (idle time from a file, no notifications). */
describe('sitwell daemon: its control channel', () => {
  it('opens with the tracker, answers through the bridge, and is gone when the daemon stops', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-control-');
    try {
      const db = join(dir, 'h.db');
      const idleFile = join(dir, 'idle');
      writeFileSync(idleFile, '0');
      const env = { ...quietEnv(dir), XDG_RUNTIME_DIR: join(dir, 'run') };
      const address = controlAddress(db, { env });
      const daemon = startDaemon(TSX, { db, idleFile, minuteMs: 60_000, env });
      await daemon.waitFor(/control channel:/, 20_000);
      expect(daemon.out()).toContain(address.path);
      const now = await callTracker(address, 'getNow');
      expect(now).toMatchObject({ kind: 'answered', result: { ok: true, value: { tracking: true, idleSource: expect.stringMatching(/file/) } } });
      expect(await stopDaemon(daemon)).toMatchObject({ code: 0 });
      expect(existsSync(address.path)).toBe(false);
      expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'no-tracker' });
    } finally {
      cleanup();
    }
  }, 40_000);
});
