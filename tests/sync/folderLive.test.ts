import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../main/app/bridge/handlers.js';
import { formatHlc } from '../../main/core/sync/hlc.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, runCli, type CliRunner } from '../reliability/support/cliBundle.js';
import { query, quietEnv, startDaemon, stopDaemon, type DaemonProcess } from '../reliability/support/daemonProcess.js';

/**
 * Issue 15: setting, changing and clearing the sync folder with `sitwell sync` reaches the running
 * daemon through its control channel, which starts and stops the watcher and the rescan at once.
 */

const { dir, cleanup } = tempDir('sitwell-folder-live-');
const env = { ...quietEnv(dir), XDG_RUNTIME_DIR: join(dir, 'run'), TZ: 'Europe/Berlin' };
const db = join(dir, 'laptop.db');
const idleFile = join(dir, 'idle');
let runner: CliRunner;
let daemon: DaemonProcess | null = null;

/** Another device ('desk0001') adds bout `uid` to its journal in `folder`: the whole file renamed into place, as a sync engine does. */
const lines: Record<string, string> = {};
function otherDevice(folder: string, uid: string, hoursAgo: number): void {
  const device = 'desk0001';
  const now = Date.now();
  const line = (o: object) => JSON.stringify({ v: 1, device, hlc: formatHlc({ ms: now - 60_000, count: 0, device }), ...o }) + '\n';
  const start = now - hoursAgo * 3_600_000;
  const month = `${new Date(start).toISOString().slice(0, 7)}.ndjson`;
  const key = `${folder}/${month}`;
  lines[key] = (lines[key] ?? line({ uid: 'device', type: 'device', name: 'desk' })) + line({ uid, type: 'bout', start, end: start + 600_000, zone: 'Europe/Berlin' });
  mkdirSync(join(folder, 'sitwell', device), { recursive: true });
  const tmp = join(folder, `.${uid}.tmp`);
  writeFileSync(tmp, lines[key]);
  renameSync(tmp, join(folder, 'sitwell', device, month));
}
const imported = (uid: string) => query<{ n: number }>(db, 'SELECT count(*) AS n FROM sync_records WHERE uid = ?', uid)[0]!.n;

describe('the sync folder takes effect in a running daemon without a restart (issue 15)', () => {
  beforeAll(async () => {
    mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true });
    runner = await cliRunner('sync-folder-live');
  });
  afterAll(async () => {
    if (daemon) await stopDaemon(daemon);
    cleanup();
  });

  it('set: the watcher and the rescan start at once; cleared: they stop; set again: the rescan reads what came meanwhile', async () => {
    writeFileSync(idleFile, '600000');
    daemon = startDaemon(runner, { db, idleFile, minuteMs: 1000, env });
    await daemon.waitFor(/control channel:/, 30_000);
    expect(daemon.out()).not.toMatch(/sync:/); // no folder: nothing about sync runs

    const first = join(dir, 'First');
    mkdirSync(first);
    otherDevice(first, 'before-set', 3);
    const set = await runCli(runner, ['--db', db, 'sync', '--folder', first, '--name', 'laptop'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/The running tracker syncs there now/);
    // The rescan read the journal that was there; this device's journal was written.
    expect(imported('before-set')).toBe(1);
    const me = query<{ device_id: string; name: string }>(db, 'SELECT device_id, name FROM sync_device')[0]!;
    expect(me.name).toBe('laptop');
    expect(readdirSync(join(first, 'sitwell', me.device_id))).not.toEqual([]);

    // The watcher: a change in the folder is read without any command.
    const seen = daemon.waitFor(/records from other devices imported[\s\S]*records from other devices imported/, 20_000);
    otherDevice(first, 'while-watched', 2);
    await seen;
    expect(imported('while-watched')).toBe(1);

    // Cleared: the watcher stops, nothing more is read.
    const off = await runCli(runner, ['--db', db, 'sync', '--off'], { env });
    expect(off.stdout).toMatch(/The running tracker stopped syncing/);
    await daemon.waitFor(/sync: turned off/);
    otherDevice(first, 'while-off', 1);
    await new Promise((r) => setTimeout(r, 1500)); // longer than the watcher's settling (0.5 s)
    expect(imported('while-off')).toBe(0);

    // A different folder: this device's whole journal is written there at once, and the first folder is read no more.
    const second = join(dir, 'Second');
    mkdirSync(second);
    expect((await runCli(runner, ['--db', db, 'sync', '--folder', second], { env })).code).toBe(0);
    expect(existsSync(join(second, 'sitwell', me.device_id))).toBe(true);
    expect(imported('while-off')).toBe(0);
    // Back to the first: the rescan picks up what arrived while it was not watched.
    expect((await runCli(runner, ['--db', db, 'sync', '--folder', first], { env })).code).toBe(0);
    expect(imported('while-off')).toBe(1);
    const status = JSON.parse((await runCli(runner, ['--db', db, 'sync', '--status', '--json'], { env })).stdout) as { folder: string };
    expect(status.folder).toBe(first);

    // A window of another process (`sitwell ui`, history only) hands the change to the daemon, which follows at once.
    const before = process.env.XDG_RUNTIME_DIR;
    process.env.XDG_RUNTIME_DIR = env.XDG_RUNTIME_DIR;
    const store = openStore(db);
    try {
      const window = createBridgeHandlers({ store, monitor: null, mode: 'web', dataPath: db, version: 'test', zone: () => 'Europe/Berlin' });
      const stopped = daemon.waitFor(/sync: turned off[\s\S]*sync: turned off/);
      expect(await window.call('setSyncFolder', { folder: null })).toMatchObject({ ok: true, value: { problem: null, status: { folder: null, running: false } } });
      await stopped;
    } finally {
      store.close();
      if (before === undefined) delete process.env.XDG_RUNTIME_DIR;
      else process.env.XDG_RUNTIME_DIR = before;
    }
  }, 120_000);
});
