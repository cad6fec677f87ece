import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTracker } from '../../main/app/control/controlClient.js';
import { controlAddress } from '../../main/platform/controlPath.js';
import { runSitwell, tempDir } from '../helpers/sitwellCli.js';
import { openStore } from '../../main/store/index.js';
import { quietEnv, startDaemon, startTyping, stopDaemon } from '../reliability/support/daemonProcess.js';

const TSX = { args: ['--import', 'tsx', 'main/cli/main.ts'], kind: 'tsx', buildMs: 0 };

/** A real daemon child on a fresh history, typing per its idle file, with its control address. */
async function controlledDaemon(dir: string, minuteMs: number) {
  const db = join(dir, 'h.db');
  const idleFile = join(dir, 'idle');
  writeFileSync(idleFile, '0');
  const env = { ...quietEnv(dir), XDG_RUNTIME_DIR: join(dir, 'run') };
  const address = controlAddress(db, { env });
  const daemon = startDaemon(TSX, { db, idleFile, minuteMs, env });
  await daemon.waitFor(/control channel:/, 20_000);
  return { db, idleFile, env, address, daemon };
}

/** The control channel of a real `sitwell daemon` child process (idle time from a file, no notifications). */
describe('sitwell daemon: its control channel', () => {
  it('opens with the tracker, answers through the bridge, and is gone when the daemon stops', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-control-');
    try {
      const { address, daemon } = await controlledDaemon(dir, 60_000);
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

  it('`sitwell stand` / `sitwell sit` from another process reach the daemon; the standing period lands in the history', async () => {
    const { dir, cleanup } = tempDir('sitwell-daemon-stand-');
    try {
      // A settings minute of 200 ms: the standing period passes the (scaled) one-minute minimum at once.
      const { db, idleFile, env, address, daemon } = await controlledDaemon(dir, 200);
      // Typing from a shell loop: a timer here stalls under load, and a stall past the minimum break reads as walking away (ending the standing period early).
      const typing = startTyping(idleFile);
      try {
        const stand = await runSitwell(['--db', db, 'stand'], { env });
        expect(stand.stderr).toBe('');
        expect(stand.code).toBe(0);
        expect(stand.stdout).toMatch(/^Standing since \d\d:\d\d/);
        const now = await callTracker(address, 'getNow');
        expect(now).toMatchObject({ kind: 'answered', result: { ok: true, value: { standing: { start: expect.any(Number) }, bout: null } } });
        await new Promise((r) => setTimeout(r, 1500)); // typing all along: presence, not sitting
        const sit = await runSitwell(['--db', db, 'sit'], { env });
        expect(sit.code).toBe(0);
        expect(sit.stdout).toMatch(/^Sitting\./);
        expect(await callTracker(address, 'getNow')).toMatchObject({ result: { value: { standing: null } } });
      } finally {
        await typing.stop();
      }
      expect(await stopDaemon(daemon)).toMatchObject({ code: 0 });
      const store = openStore(db);
      try {
        expect(store.listStanding()).toHaveLength(1);
        expect(store.listStanding()[0]!.durationMs).toBeGreaterThan(1000);
      } finally {
        store.close();
      }
    } finally {
      cleanup();
    }
  }, 60_000);

  it('with no tracker running, `sitwell stand` exits 1 saying so and writes nothing', async () => {
    const { dir, cleanup } = tempDir('sitwell-stand-none-');
    try {
      const db = join(dir, 'h.db');
      const r = await runSitwell(['--db', db, 'stand'], { env: { XDG_RUNTIME_DIR: join(dir, 'run') } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no Sitwell tracker is running for .*h\.db.*Nothing was recorded/);
      expect(r.stdout).toBe('');
      expect(existsSync(db)).toBe(false);
    } finally {
      cleanup();
    }
  });
});
