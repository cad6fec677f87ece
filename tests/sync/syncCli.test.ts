import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncService } from '../../main/app/sync/syncService.js';
import { openSyncFolder } from '../../main/platform/syncFolder.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, runCli, type CliRunner } from '../reliability/support/cliBundle.js';

const { dir, cleanup } = tempDir('sitwell-synccli-');
afterAll(cleanup);

const MIN = 60_000;
const T = Date.UTC(2026, 11, 2, 8, 0);
const B = 'Europe/Berlin';
const env = { TZ: B };

// Seven commands in a row: through one esbuild bundle of the CLI, not tsx's start-up each time.
let runner: CliRunner;
const runSitwell = (args: string[], opts: { env?: NodeJS.ProcessEnv }) => runCli(runner, args, opts);

describe('sitwell sync, stats --device and doctor (issue 15)', () => {
  beforeAll(async () => {
    runner = await cliRunner('sync-cli');
  });
  const folder = join(dir, 'Sync');
  const laptop = join(dir, 'laptop.db');
  const desktop = join(dir, 'desktop.db');

  it('refuses a folder that does not exist, and contradicting options, with exit 2', async () => {
    const missing = await runSitwell(['--db', laptop, 'sync', '--folder', join(dir, 'nope')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope does not exist/);
    const both = await runSitwell(['--db', laptop, 'sync', '--folder', dir, '--off'], { env });
    expect(both.code).toBe(2);
    // A user who never sets a folder: sync is off, nothing is written.
    const status = await runSitwell(['--db', laptop, 'sync', '--status'], { env });
    expect(status).toMatchObject({ code: 0, stdout: 'Sync: off (no history yet)\n' });
  });

  it('sets the folder and name; stats count overlaps once and break down per device; doctor lists what was skipped', async () => {
    mkdirSync(folder);
    const set = await runSitwell(['--db', laptop, 'sync', '--folder', folder, '--name', 'laptop'], { env });
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Sync folder set/);
    const st = JSON.parse((await runSitwell(['--db', laptop, 'sync', '--status', '--json'], { env })).stdout);
    expect(st).toMatchObject({ folder, device: { name: 'laptop' } });

    // The desktop writes its journal; the laptop's tracker would import it: here its service does.
    const d = openStore(desktop);
    d.sync.setFolder(folder);
    d.sync.setName('desktop');
    d.addBout({ start: T + 20 * MIN, end: T + 60 * MIN, durationMs: 40 * MIN, zone: B });
    createSyncService({ store: d, folder: openSyncFolder(folder), log: () => {}, now: () => T + 120 * MIN, hostName: 'x' }).close();
    const desktopId = d.sync.identity().deviceId;
    d.close();
    const l = openStore(laptop);
    l.addBout({ start: T, end: T + 30 * MIN, durationMs: 30 * MIN, zone: B });
    writeFileSync(join(folder, 'sitwell', desktopId, '2026-12.sync-conflict-20261202-1.ndjson'), 'x\n');
    createSyncService({ store: l, folder: openSyncFolder(folder), log: () => {}, now: () => T + 120 * MIN, hostName: 'x' }).close();
    l.close();

    const all = JSON.parse((await runSitwell(['--db', laptop, 'stats', '--json', '--from', '2026-12-02', '--to', '2026-12-02'], { env })).stdout);
    expect(all.totals.sittingMinutes).toBe(60);
    expect(all.totals.bouts).toBe(1);
    expect(all.device).toBe('all');
    expect(all.devices.map((x: { name: string; bouts: number; sittingMinutes: number }) => [x.name, x.bouts, x.sittingMinutes])).toEqual([
      ['laptop', 1, 30],
      ['desktop', 1, 40],
    ]);
    const one = JSON.parse((await runSitwell(['--db', laptop, 'stats', '--json', '--device', 'desktop', '--from', '2026-12-02', '--to', '2026-12-02'], { env })).stdout);
    expect(one.totals).toMatchObject({ sittingMinutes: 40, bouts: 1 });
    expect(one.device.name).toBe('desktop');
    const text = await runSitwell(['--db', laptop, 'stats', '--from', '2026-12-02', '--to', '2026-12-02'], { env });
    expect(text.stdout).toMatch(/By device[\s\S]*laptop\s+1 bouts\s+30 min {2}\(this one\)[\s\S]*desktop\s+1 bouts\s+40 min/);
    const unknown = await runSitwell(['--db', laptop, 'stats', '--device', 'toaster'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--device: no device "toaster" in this history; known: .*"laptop".*"desktop"/);

    const doctor = JSON.parse((await runSitwell(['--db', laptop, 'doctor', '--json'], { env })).stdout);
    expect(doctor.sync.folder.ok).toBe(true);
    expect(doctor.sync.skipped).toEqual([expect.objectContaining({ reason: 'conflict' })]);
  });
});
