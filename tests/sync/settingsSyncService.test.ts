import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../main/core/sync/hlc.js';
import type { Settings } from '../../shared/settingsRules.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { close, syncDevice } from './syncDevice.js';

const { dir, cleanup } = tempDir('sitwell-syncset-');
afterAll(cleanup);

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0);
let f = 0;
const folder = () => {
  const p = join(dir, `f${f++}`);
  mkdirSync(p);
  return p;
};

describe('settings through the sync folder (issue 15)', () => {
  it('a shared setting changed on one device is written to its journal and applied on the other; device-local ones stay', () => {
    const dirA = folder();
    const applied: Settings[] = [];
    const a = syncDevice(dir, dirA, 'laptop', () => NOW);
    const b = syncDevice(dir, dirA, 'desktop', () => NOW, { onSettings: (s) => applied.push(s) });
    a.store.updateSettings({ sitLimitMinutes: 45, startAtLogin: true, timeZone: 'Asia/Tokyo', busyApps: ['zoom'] }, { now: NOW });
    a.service.flush();
    const lines = readFileSync(join(dirA, 'sitwell', a.id, '2026-12.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'setting').map((l) => [l.key, l.value]).sort()).toEqual([
      ['busyApps', ['zoom']],
      ['sitLimitMinutes', 45],
    ]);
    b.service.importAll();
    expect(b.store.getSettings()).toMatchObject({ sitLimitMinutes: 45, busyApps: ['zoom'], startAtLogin: false, timeZone: null });
    expect(applied).toHaveLength(1);
    // Applying a change that came through the folder writes no change of b's own (no echo).
    b.service.flush();
    expect(b.store.sync.settingChanges().filter((c) => c.device === b.id)).toEqual([]);
    // Importing again changes nothing.
    b.store.sync.markFile(`${a.id}/2026-12.ndjson`, null);
    b.service.importAll();
    expect(applied).toHaveLength(1);
    close(a, b);
  });

  it('changes to one setting on both devices end the same on both: the newest stamp, even with a clock hours behind', () => {
    const dirA = folder();
    // The desktop's clock is three hours behind; its change comes after the laptop's, having seen it.
    const a = syncDevice(dir, dirA, 'laptop', () => NOW);
    const b = syncDevice(dir, dirA, 'desktop', () => NOW - 3 * HOUR + 60_000);
    a.store.updateSettings({ snoozeMinutes: 5 }, { now: NOW });
    a.service.flush();
    b.service.importAll();
    expect(b.store.getSettings().snoozeMinutes).toBe(5);
    b.store.updateSettings({ snoozeMinutes: 15 }, { now: NOW - 3 * HOUR + 60_000 });
    b.service.flush();
    a.service.importAll();
    b.service.importAll();
    expect(a.store.getSettings().snoozeMinutes).toBe(15);
    expect(b.store.getSettings().snoozeMinutes).toBe(15);
    close(a, b);
  });

  it('concurrent changes on two devices (neither saw the other) converge on both to the same value', () => {
    const dirA = folder();
    const a = syncDevice(dir, dirA, 'laptop', () => NOW);
    const b = syncDevice(dir, dirA, 'desktop', () => NOW);
    a.store.updateSettings({ minBreakMinutes: 3 }, { now: NOW });
    b.store.updateSettings({ minBreakMinutes: 4 }, { now: NOW });
    a.service.flush();
    b.service.flush();
    a.service.importAll();
    b.service.importAll();
    const winner = a.id > b.id ? 3 : 4; // same millisecond and count: the device id decides
    expect([a.store.getSettings().minBreakMinutes, b.store.getSettings().minBreakMinutes]).toEqual([winner, winner]);
    close(a, b);
  });

  it('a value this version refuses is not applied and is reported; settings sync off: nothing is written or applied', () => {
    const dirA = folder();
    const a = syncDevice(dir, dirA, 'laptop', () => NOW);
    const b = syncDevice(dir, dirA, 'desktop', () => NOW);
    // A newer Sitwell allowing ten hours: this one keeps its own value and says why.
    const hlc = formatHlc({ ms: NOW, count: 0, device: a.id });
    appendFileSync(join(dirA, 'sitwell', a.id, '2026-12.ndjson'), JSON.stringify({ v: 1, device: a.id, uid: 'setting-sitLimitMinutes', hlc, type: 'setting', key: 'sitLimitMinutes', value: 600 }) + '\n');
    b.service.importAll();
    expect(b.store.getSettings().sitLimitMinutes).toBe(30);
    expect(b.store.sync.problems()).toEqual([expect.objectContaining({ path: 'settings', message: expect.stringContaining('sitLimitMinutes') })]);

    b.store.updateSettings({ syncSettings: false });
    b.store.updateSettings({ postureEveryMinutes: 20 });
    b.service.flush();
    a.service.importAll();
    expect(a.store.getSettings().postureEveryMinutes).toBe(15);
    a.store.updateSettings({ snoozeMinutes: 9 });
    a.service.flush();
    b.service.importAll();
    expect(b.store.getSettings().snoozeMinutes).toBe(10);
    close(a, b);
  });

  it('nothing about settings is written while no folder is set', () => {
    const a = syncDevice(dir, folder(), 'laptop', () => NOW);
    a.store.sync.setFolder(null);
    a.store.updateSettings({ snoozeMinutes: 9 });
    expect(a.store.sync.settingChanges()).toEqual([]);
    expect(a.store.sync.pending(10)).toMatchObject({ records: [], settings: [] });
    close(a);
  });
});
