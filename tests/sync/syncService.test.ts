import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyncService } from '../../main/app/sync/syncService.js';
import { formatHlc } from '../../main/core/sync/hlc.js';
import { openSyncFolder } from '../../main/platform/syncFolder.js';
import type { Store } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { close, syncDevice } from './syncDevice.js';

const { dir, cleanup } = tempDir('sitwell-syncsvc-');
afterAll(cleanup);

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0);
const T = Date.UTC(2026, 11, 4, 8, 0);
const B = 'Europe/Berlin';
const device = (folder: string, name: string, now = () => NOW) => syncDevice(dir, folder, name, now);

const sitting = (s: Store) => s.statsRows('2026-12-04', '2026-12-04').days[0]?.sittingMs ?? 0;
const addBout = (s: Store, start: number, min: number) => s.addBout({ start, end: start + min * MIN, durationMs: min * MIN, zone: B });

describe('sync through a folder (issue 15)', () => {
  it('each device writes only its own journal, whole lines; the other imports it, overlaps counted once, and again adds nothing', () => {
    const folder = join(dir, 'f1');
    mkdirSync(folder);
    const a = device(folder, 'laptop');
    const b = device(folder, 'desktop');
    addBout(a.store, T, 40);
    addBout(b.store, T + 30 * MIN, 30); // overlaps a's by 10 min
    a.service.flush();
    b.service.flush();
    expect(readdirSync(join(folder, 'sitwell')).sort()).toEqual([a.id, b.id].sort());
    const text = readFileSync(join(folder, 'sitwell', a.id, '2026-12.ndjson'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['device', 'bout']);
    expect(b.service.importAll()).toBe(1); // a's name came when b started
    expect(a.service.importAll()).toBe(2);
    expect(sitting(a.store)).toBe(60 * MIN);
    expect(sitting(b.store)).toBe(60 * MIN);
    expect(a.store.sync.devices(0, NOW * 2).map((d) => [d.name, d.bouts])).toEqual([['laptop', 1], ['desktop', 1]]);
    // Nothing changed: nothing read. Forgetting what was read: read again, nothing added.
    expect(b.service.importAll()).toBe(0);
    b.store.sync.markFile(`${a.id}/2026-12.ndjson`, null);
    expect(b.service.importAll()).toBe(0);
    expect(sitting(b.store)).toBe(60 * MIN);
    close(a, b);
  });

  it('hostile and broken files are skipped with a reason in the log and for doctor; the history is untouched and nothing throws', () => {
    const folder = join(dir, 'f2');
    mkdirSync(folder);
    const a = device(folder, 'laptop');
    addBout(a.store, T, 40);
    a.service.flush();
    const b = device(folder, 'desktop');
    expect(sitting(b.store)).toBe(40 * MIN);
    const aDir = join(folder, 'sitwell', a.id);
    const line = (uid: string, start: number, min: number, extra: object = {}) =>
      JSON.stringify({ v: 1, device: a.id, uid, hlc: formatHlc({ ms: start + min * MIN, count: 0, device: a.id }), type: 'bout', start, end: start + min * MIN, zone: B, ...extra });
    // A conflict copy with a bout in it, a cut line, a line of a newer format, a huge file, a stray folder, a clock hours ahead.
    writeFileSync(join(aDir, '2026-12.sync-conflict-20261204-120000-ABCDEFG.ndjson'), line('c1', T + 100 * MIN, 20) + '\n');
    appendFileSync(join(aDir, '2026-12.ndjson'), line('cut', T + 200 * MIN, 10).slice(0, 50));
    writeFileSync(join(aDir, '2026-11.ndjson'), JSON.stringify({ v: 7, device: a.id, uid: 'new', whatever: true }) + '\n' + line('ok', T - 3 * 86_400_000, 15) + '\n');
    writeFileSync(join(aDir, '2026-10.ndjson'), Buffer.alloc(33 * 1024 * 1024, 0x41));
    mkdirSync(join(folder, 'sitwell', 'not a device'));
    writeFileSync(join(folder, 'sitwell', 'not a device', '2026-12.ndjson'), line('x', T, 5) + '\n');
    appendFileSync(join(aDir, '2026-12.ndjson'), '\n' + line('future', NOW + 3 * 3_600_000, 30) + '\n');
    expect(() => b.service.importAll()).not.toThrow();
    expect(sitting(b.store)).toBe(40 * MIN); // only the 15 min three days ago joined
    expect(b.store.statsRows('2026-12-01', '2026-12-01').days[0]?.sittingMs).toBe(15 * MIN);
    const reasons = b.store.sync.problems().map((p) => [p.path.replace(a.id, 'A'), p.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['A/2026-12.sync-conflict-20261204-120000-ABCDEFG.ndjson', 'conflict'],
        ['A/2026-12.ndjson', 'cut'],
        ['A/2026-12.ndjson', 'clock'],
        ['A/2026-11.ndjson', 'newer'],
        ['A/2026-10.ndjson', 'huge'],
        ['not a device/2026-12.ndjson', 'invalid'],
      ]),
    );
    const said = b.log.join('\n');
    expect(said).toMatch(/conflict copy/);
    expect(said).toMatch(/newer Sitwell/);
    expect(said).toMatch(/clock is ahead/);
    // Reading again says nothing new and adds nothing.
    const lines = b.log.length;
    expect(b.service.importAll()).toBe(0);
    expect(b.log.length).toBe(lines);
    close(a, b);
  });

  it('a held record from a device whose clock is ahead joins once its time has come', () => {
    const folder = join(dir, 'f3');
    mkdirSync(folder);
    let now = NOW;
    const a = device(folder, 'laptop', () => NOW + 3 * 3_600_000); // three hours ahead
    addBout(a.store, NOW + 2 * 3_600_000, 30);
    a.service.flush();
    const b = device(folder, 'desktop', () => now);
    expect(b.store.sync.problems().map((p) => p.reason)).toContain('clock');
    expect(b.store.statsRows('2026-12-04', '2026-12-04').days).toEqual([]);
    now += 3 * 3_600_000;
    // The device's name is not about a time: it came at once. The bout joins now.
    expect(b.store.sync.devices(0, NOW * 2).map((d) => d.name)).toEqual(['desktop', 'laptop']);
    expect(b.service.importAll()).toBe(1);
    expect(b.store.sync.problems()).toEqual([]);
    close(a, b);
  });

  it('sees the other device’s new journal lines by the file watcher, without polling', async () => {
    const folder = join(dir, 'f4');
    mkdirSync(folder);
    const a = device(folder, 'laptop');
    const b = device(folder, 'desktop');
    const seen = b.waitFor(/records from other devices imported/);
    addBout(a.store, T, 25);
    a.service.flush();
    await seen;
    expect(sitting(b.store)).toBe(25 * MIN);
    close(a, b);
  });

  it('compacts a closed month to the newest line of each record, and writes a journal that went missing again', () => {
    const folder = join(dir, 'f5');
    mkdirSync(folder);
    let now = Date.UTC(2026, 10, 30, 12, 0);
    const a = device(folder, 'laptop', () => now);
    const p = a.store.addPrompt({ at: now - 60 * MIN, kind: 'break', outcome: 'shown', sittingMs: 30 * MIN, reason: null, zone: B });
    a.service.flush();
    a.store.setPromptOutcome(p.id, 'snoozed');
    a.service.flush();
    const file = join(folder, 'sitwell', a.id, '2026-11.ndjson');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3); // prompt, device, prompt again
    a.service.close();
    now = Date.UTC(2026, 11, 1, 9, 0);
    const again = createSyncService({ store: a.store, folder: openSyncFolder(folder), log: () => {}, now: () => now, hostName: 'x' });
    const kept = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(kept.map((r) => [r.type, r.outcome])).toEqual([['device', undefined], ['prompt', 'snoozed']]);
    again.close();
    // The folder lost this device's journal: the next start writes it whole.
    rmSync(join(folder, 'sitwell', a.id), { recursive: true });
    const third = createSyncService({ store: a.store, folder: openSyncFolder(folder), log: () => {}, now: () => now, hostName: 'x' });
    expect(existsSync(file)).toBe(true);
    third.close();
    a.store.close();
  });
});
