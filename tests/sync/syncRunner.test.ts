import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../main/app/bridge/handlers.js';
import { createSyncRunner } from '../../main/app/sync/startSync.js';
import { formatHlc } from '../../main/core/sync/hlc.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-syncrunner-');
afterAll(cleanup);

describe('the tracker’s sync follows the folder set in its own window (issue 15)', () => {
  it('Settings sets the folder (the picker a stand-in for Electron’s folder dialog, which cannot run here): the watcher starts at once; another device’s journal is read as it arrives; cleared: it stops', async () => {
    const store = openStore(join(dir, 'h.db'));
    const log: string[] = [];
    const runner = createSyncRunner({ store, log: (l) => log.push(l), onWrite: () => () => {} });
    runner.start();
    expect(runner.running()).toBe(false);
    const picked = join(dir, 'Picked');
    mkdirSync(picked);
    const window = createBridgeHandlers({ store, monitor: null, sync: runner, pickFolder: async () => picked, mode: 'electron', dataPath: join(dir, 'h.db'), version: 't', zone: () => 'UTC' });
    // The desktop app's folder picker, then the folder it gave.
    expect(await window.call('getSync', {})).toMatchObject({ ok: true, value: { canPickFolder: true, running: false, folder: null } });
    expect(await window.call('pickSyncFolder', {})).toEqual({ ok: true, value: { folder: picked } });
    expect(await window.call('setSyncFolder', { folder: picked })).toMatchObject({ ok: true, value: { problem: null, status: { folder: picked, running: true } } });
    const me = store.sync.identity().deviceId;
    expect(existsSync(join(picked, 'sitwell', me))).toBe(true);

    const imported = new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (log.some((l) => /records from other devices imported/.test(l))) {
          clearInterval(t);
          resolve();
        }
      }, 50);
    });
    const other = 'beef0000';
    mkdirSync(join(picked, 'sitwell', other));
    const now = Date.now();
    writeFileSync(join(picked, 'sitwell', other, `${new Date(now).toISOString().slice(0, 7)}.ndjson`), JSON.stringify({ v: 1, device: other, uid: 'device', hlc: formatHlc({ ms: now, count: 0, device: other }), type: 'device', name: 'desk' }) + '\n');
    await imported;
    expect(store.sync.devices(0, 0).map((d) => d.name)).toContain('desk');

    expect(await window.call('setSyncFolder', { folder: null })).toMatchObject({ ok: true, value: { status: { folder: null, running: false } } });
    expect(runner.running()).toBe(false);
    runner.close();
    store.close();
  });
});
