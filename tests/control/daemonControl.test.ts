import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTracker } from '../../main/app/control/controlClient.js';
import { controlAddress } from '../../main/platform/controlPath.js';
import { tempDir } from '../helpers/sitwellCli.js';

/** The control channel of a real `sitwell daemon` child process (idle time from a file, no notifications). */
describe('sitwell daemon: its control channel', () => {
  it('opens with the tracker, answers through the bridge, and is gone when the daemon stops', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-control-');
    try {
      const db = join(dir, 'h.db');
      const idle = join(dir, 'idle');
      writeFileSync(idle, '0');
      const env = { ...process.env, XDG_RUNTIME_DIR: join(dir, 'run') };
      const address = controlAddress(db, { env });
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--db', db, 'daemon', '--idle-source', `file:${idle}`, '--no-notifications'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const deadline = Date.now() + 20_000;
      while (!out.includes('control channel:')) {
        if (Date.now() > deadline) throw new Error(`the daemon did not open its control channel:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toContain(address.path);
      const now = await callTracker(address, 'getNow');
      expect(now).toMatchObject({ kind: 'answered', result: { ok: true, value: { tracking: true, idleSource: expect.stringMatching(/file/) } } });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(address.path)).toBe(false);
      expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'no-tracker' });
    } finally {
      cleanup();
    }
  }, 40_000);
});
