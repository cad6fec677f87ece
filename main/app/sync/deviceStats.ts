import type { DeviceRow, StatsReport } from '../../../shared/statsReport.js';
import { startOfLocalDay } from '../../core/localTime.js';
import { formatHlc } from '../../core/sync/hlc.js';
import type { JournalRecord } from '../../core/sync/journal.js';
import { openMemoryStore, type DeviceSummary, type Store } from '../../store/index.js';
import { getStats } from '../statsForDates.js';

const DAY = 86_400_000;

/** The instants [from, to) that hold every record that can touch the local dates (bouts across midnight, zones apart). */
function spanOf(range: { from: string; to: string; zone: string }): [number, number] {
  return [startOfLocalDay(range.from, range.zone) - 2 * DAY, startOfLocalDay(range.to, range.zone) + 3 * DAY];
}

/** Each device's bouts and sitting in the range: the per-device breakdown of `sitwell stats`. */
export function deviceBreakdown(store: Store, range: { from: string; to: string; zone: string }): DeviceSummary[] {
  const from = startOfLocalDay(range.from, range.zone);
  const to = startOfLocalDay(range.to, range.zone) + DAY;
  return store.sync.devices(from, to);
}

const minutes = (ms: number): number => Math.round(ms / 6_000) / 10;

/** The breakdown's rows against the person's report for the same range; null with one device (nothing to break down). */
export function deviceRows(store: Store, range: { from: string; to: string; zone: string }, person: StatsReport): DeviceRow[] | null {
  const devices = deviceBreakdown(store, range);
  if (devices.length < 2) return null;
  const total = person.totals.sittingMinutes;
  return devices.map((d) => ({
    id: d.deviceId,
    name: d.name,
    thisDevice: d.local,
    bouts: d.bouts,
    sittingMinutes: minutes(d.sittingMs),
    standingMinutes: minutes(d.standingMs),
    share: total > 0 ? Math.round((d.sittingMs / 60_000 / total) * 1000) / 1000 : null,
  }));
}

/**
 * The person's statistics across every device, with the per-device breakdown when another device's
 * records are in the history. One look decides, so a one-computer history (most people) pays nothing more.
 */
export function personStats(store: Store, range: { from: string; to: string; zone: string }): StatsReport {
  const report = getStats(store, range);
  if (!store.sync.hasOtherDevices()) return report;
  const rows = deviceRows(store, range, report);
  return rows ? { ...report, devices: rows } : report;
}

/** The device named by id, id prefix or name; an Error naming the known ones otherwise. */
export function findDevice(store: Store, which: string): DeviceSummary {
  const all = store.sync.devices(0, 0);
  const hit = all.filter((d) => d.deviceId === which || d.name === which || (which.length >= 4 && d.deviceId.startsWith(which)));
  if (hit.length === 1) return hit[0]!;
  const known = all.map((d) => `${d.deviceId} ("${d.name}")`).join(', ');
  throw new Error(hit.length ? `"${which}" names more than one device: ${known}` : `no device "${which}" in this history; known: ${known}`);
}

/**
 * The statistics of one device alone, as if it were the only one: its records go through the
 * same store code into a history in memory, so every rule is the one the whole history uses.
 */
export function deviceStats(store: Store, deviceId: string, range: { from: string; to: string; zone: string }): StatsReport {
  const [from, to] = spanOf(range);
  const recs = store.sync.deviceRecords(deviceId, from, to);
  const mem = openMemoryStore();
  try {
    const hlc = formatHlc({ ms: 0, count: 0, device: 'x' });
    let n = 0;
    const base = () => ({ v: 1 as const, device: 'x', uid: `r${n++}`, hlc });
    const lines: JournalRecord[] = [
      ...recs.bouts.map((b) => ({ ...base(), type: 'bout' as const, ...b })),
      ...recs.standing.map((s) => ({ ...base(), type: 'standing' as const, ...s })),
      ...recs.prompts.map((p) => ({ ...base(), type: 'prompt' as const, reason: null, ...p })),
    ];
    mem.sync.importRecords(lines);
    return getStats(mem, range);
  } finally {
    mem.close();
  }
}
