import { SETTING_KEYS, type SettingKey, type Settings, type SettingsPatch } from '../../../shared/settingsRules.js';
import { compareHlc, parseHlc, tick, type Hlc } from './hlc.js';

/**
 * Settings through the sync folder (issue 15), the rules: each change of a shared setting is a
 * journal record (key, value, hybrid-clock stamp); on every device the newest change of each key
 * wins, the device id breaking ties, so all devices end with the same settings whatever order the
 * journals arrive in. A change made here after seeing another device's change is stamped after it
 * even when this machine's clock is hours behind, so what the user did last is what stays.
 */

/**
 * Settings that belong to one computer, never synced: whether Sitwell starts at login there, the
 * time zone it is in (null follows that computer's system), a calendar file on its disk, and
 * whether it takes part in settings sync at all. The sync folder and the device's name are not
 * settings (they live with the device's identity) and never travel either.
 */
export const DEVICE_LOCAL_SETTINGS = ['startAtLogin', 'timeZone', 'busyCalendarFile', 'syncSettings'] as const satisfies readonly SettingKey[];

const LOCAL: readonly string[] = DEVICE_LOCAL_SETTINGS;
export const SYNCED_SETTINGS: readonly SettingKey[] = SETTING_KEYS.filter((k) => !LOCAL.includes(k));

export const isSyncedSetting = (key: string): key is SettingKey => (SYNCED_SETTINGS as readonly string[]).includes(key);

/** The journal uid of a device's change to `key`: one record per device and key, its newest line standing. */
export const settingUid = (key: SettingKey): string => `setting-${key}`;

export interface SettingChange {
  key: string;
  value: unknown;
  /** The change's stamp as written (hlc.ts). */
  hlc: string;
}

/** The newest change of each key, by stamp (ties: the device that sorts last). Changes with a stamp that does not parse are left out. */
export function newestSettings(changes: Iterable<SettingChange>): Map<string, SettingChange & { stamp: Hlc }> {
  const out = new Map<string, SettingChange & { stamp: Hlc }>();
  for (const c of changes) {
    const stamp = parseHlc(c.hlc);
    if (!stamp) continue;
    const old = out.get(c.key);
    if (!old || compareHlc(stamp, old.stamp) > 0) out.set(c.key, { ...c, stamp });
  }
  return out;
}

/**
 * The stamp of a change made on this device at wall time `nowMs`: the device clock ticks on, and
 * the change is stamped after `newestForKey` (the newest change of that key this device has seen)
 * even when that one came from a clock hours ahead. The device clock is not dragged along to such
 * a stamp: only this key's order needs it.
 */
export function stampSettingChange(clock: Hlc | null, newestForKey: Hlc | null, device: string, nowMs: number): { stamp: Hlc; clock: Hlc } {
  const next = tick(clock, device, nowMs);
  if (!newestForKey || compareHlc(next, newestForKey) > 0) return { stamp: next, clock: next };
  return { stamp: tick({ ...newestForKey, device }, device, newestForKey.ms), clock: next };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What this device must change to match the newest synced changes: the keys whose winning change
 * came from another device and differs from the value here. A key this device changed last is
 * its own value already.
 */
export function settingsToApply(current: Settings, winners: ReadonlyMap<string, SettingChange & { stamp: Hlc }>, me: string): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, w] of winners) {
    if (!isSyncedSetting(key) || w.stamp.device === me) continue;
    if (!same(current[key], w.value)) patch[key] = w.value;
  }
  return patch as SettingsPatch;
}

/** The shared keys whose value a settings change alters, with their new values. */
export function changedSyncedSettings(before: Settings, after: Settings): { key: SettingKey; value: unknown }[] {
  return SYNCED_SETTINGS.filter((k) => !same(before[k], after[k])).map((key) => ({ key, value: after[key] }));
}
