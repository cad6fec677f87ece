import type { IdleSource } from '../platform/types.js';
import { POWER_SOURCE_NAME, type PowerMonitorLike } from './powerEvents.js';

/**
 * powerMonitor.getSystemIdleTime as a plain idle source. It counts whole seconds (the engine works in
 * milliseconds), which the stuck-source guard takes into account (main/platform/resilientIdle.ts).
 */
export function powerIdleSource(pm: Pick<PowerMonitorLike, 'getSystemIdleTime'>): IdleSource {
  return {
    name: POWER_SOURCE_NAME,
    resolutionMs: 1000,
    async idleMs() {
      const secs = pm.getSystemIdleTime();
      if (typeof secs !== 'number' || !Number.isFinite(secs) || secs < 0) throw new Error(`powerMonitor.getSystemIdleTime() returned ${String(secs)}`);
      return secs * 1000;
    },
  };
}

/**
 * Whether powerMonitor's idle time can be trusted here. On Linux under Wayland it reads 0 forever
 * (electron#27912: it asks the X server, which under XWayland sees no input to Wayland windows),
 * so the platform's compositor sources (Mutter, KDE's ScreenSaver) must be used instead.
 */
export function powerIdleUsable(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { ok: true } | { ok: false; why: string } {
  if (platform !== 'linux' && !platform.endsWith('bsd')) return { ok: true };
  if (env.XDG_SESSION_TYPE === 'wayland' || env.WAYLAND_DISPLAY) {
    return { ok: false, why: 'this is a Wayland session, where powerMonitor.getSystemIdleTime reports 0 (electron#27912)' };
  }
  return { ok: true };
}
