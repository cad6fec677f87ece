import { BUSY_REASONS, type BusyReason } from '../../shared/domain.js';
import { createAppSource } from './busyApp.js';
import { createCalendarSource } from './busyCalendar.js';
import { createCameraCallSource } from './busyCallCamera.js';
import { createPulseCallSource } from './busyCallPulse.js';
import { createWindowsCallSource } from './busyCallWindows.js';
import { createDunstPausedSource } from './busyDndDunst.js';
import { createGnomeDndSource } from './busyDndGnome.js';
import { createMacFocusSource } from './busyDndMacFocus.js';
import { createNotificationsInhibitedSource } from './busyDndNotifications.js';
import { createXfceDndSource } from './busyDndXfce.js';
import { createMacFullscreenSource } from './busyFullscreenMac.js';
import { createX11FullscreenSource } from './busyFullscreenX11.js';
import { createWindowsFocusAssistSource, createWindowsFullscreenSource } from './busyWindowsShellState.js';
import type { BusySource, Probe } from './types.js';
import { withTimeout } from './withTimeout.js';

/** What the user chose in Settings, as the sources need it. */
export interface BusyChoice {
  /** Reasons switched on. */
  enabled: ReadonlySet<BusyReason>;
  apps: readonly string[];
  calendarFile: string | null;
  /** The user's zone, for floating calendar times. */
  zone: () => string;
}

export const ALL_BUSY_ON: ReadonlySet<BusyReason> = new Set(BUSY_REASONS);

/**
 * Every busy mechanism of this platform for the reasons switched on. `app` needs a list and `calendar`
 * a file: without one they are not created at all (nothing to read).
 */
export function busyCandidates(env: NodeJS.ProcessEnv, choice: BusyChoice, platform: NodeJS.Platform = process.platform): BusySource[] {
  const on = (r: BusyReason) => choice.enabled.has(r);
  const out: BusySource[] = [];
  if (on('dnd')) {
    if (platform === 'darwin') out.push(createMacFocusSource(env));
    else if (platform === 'win32') out.push(createWindowsFocusAssistSource(env));
    else out.push(createGnomeDndSource(env), createNotificationsInhibitedSource(env), createDunstPausedSource(env), createXfceDndSource(env));
  }
  if (on('fullscreen')) {
    if (platform === 'darwin') out.push(createMacFullscreenSource(env));
    else if (platform === 'win32') out.push(createWindowsFullscreenSource(env));
    else out.push(createX11FullscreenSource(env));
  }
  if (on('call')) {
    if (platform === 'win32') out.push(createWindowsCallSource(env));
    else if (platform !== 'darwin') out.push(createPulseCallSource(env), createCameraCallSource());
  }
  if (on('app') && choice.apps.length > 0) out.push(createAppSource(env, choice.apps, { platform }));
  if (on('calendar') && choice.calendarFile) out.push(createCalendarSource(choice.calendarFile, { zone: choice.zone }));
  return out;
}

/** One reading of `source` within `timeoutMs`; the reading, or why it failed. */
export async function readBusySource(source: BusySource, timeoutMs = 3000): Promise<{ ok: true; busy: boolean; detail: string } | { ok: false; why: string }> {
  try {
    const r = await withTimeout(source.check(), timeoutMs, `no answer within ${timeoutMs} ms`);
    return { ok: true, busy: r.busy, detail: r.detail };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Probes every busy mechanism of the platform (for `sitwell doctor`), with the user's app list and
 * calendar file when known, and closes them all. The app source is probed even with no list, to say
 * whether the process list can be read here.
 */
export async function probeAllBusySources(
  env: NodeJS.ProcessEnv,
  opts: { platform?: NodeJS.Platform; apps?: readonly string[]; calendarFile?: string | null; zone?: () => string; timeoutMs?: number } = {},
): Promise<(Probe & { reason: BusyReason; busy?: boolean })[]> {
  const platform = opts.platform ?? process.platform;
  const apps = opts.apps ?? [];
  const sources = busyCandidates(env, { enabled: ALL_BUSY_ON, apps: apps.length ? apps : ['(none listed)'], calendarFile: opts.calendarFile ?? null, zone: opts.zone ?? (() => 'UTC') }, platform);
  const out = await Promise.all(
    sources.map(async (s) => {
      const r = await readBusySource(s, opts.timeoutMs);
      s.close();
      const detail = r.ok && s.reason === 'app' && apps.length === 0 ? 'reads the running processes (no apps are listed in Settings)' : r.ok ? r.detail : r.why;
      return { name: s.name, reason: s.reason, ok: r.ok, why: detail, ...(r.ok ? { busy: r.busy } : {}) };
    }),
  );
  if (platform === 'darwin') out.push({ name: 'call-macos', reason: 'call', ok: false, why: 'macOS offers no way to ask whether the microphone or camera is in use without extra permissions' });
  if (!opts.calendarFile) out.push({ name: 'calendar-ics', reason: 'calendar', ok: false, why: 'no calendar file is chosen in Settings' });
  return out;
}
