import type { IdleSource } from '../platform/types.js';
import { StuckIdleSourceError, withZeroIdleGuard, type ZeroIdleGuard } from '../platform/zeroIdleGuard.js';
import { POWER_SOURCE_NAME, type PowerMonitorLike } from './powerEvents.js';

/** powerMonitor.getSystemIdleTime as an idle source. It counts whole seconds; the engine works in milliseconds. */
export function powerIdleSource(pm: Pick<PowerMonitorLike, 'getSystemIdleTime'>): IdleSource {
  return {
    name: POWER_SOURCE_NAME,
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

/**
 * A source that uses `primary` until it is found stuck (StuckIdleSourceError), then asks
 * `fallback` once for a replacement and uses that from then on. A failing fallback is retried at
 * the next reading, so a compositor service that starts late is picked up.
 */
export function fallbackIdleSource(primary: IdleSource, fallback: () => Promise<IdleSource>, log: (line: string) => void = () => {}): IdleSource {
  let current = primary;
  let switched = false;
  return {
    get name() {
      return current.name;
    },
    async idleMs() {
      if (!switched) {
        try {
          return await primary.idleMs();
        } catch (e) {
          if (!(e instanceof StuckIdleSourceError)) throw e;
          log(`${e.message}; looking for another idle source`);
        }
        const next = await fallback(); // rejects with NoIdleSourceError (what was tried, how to fix) if none works
        primary.close?.();
        current = next;
        switched = true;
        log(`switched idle source to ${next.name}`);
      }
      return current.idleMs();
    },
    close() {
      current.close?.();
    },
  };
}

export interface ChooseIdleOptions {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  pm: Pick<PowerMonitorLike, 'getSystemIdleTime'>;
  /** The platform's detection (main/platform/detectIdle.ts detectIdleSource). */
  detect: (env: NodeJS.ProcessEnv, opts: { exclude?: string[] }) => Promise<{ source: IdleSource }>;
  log?: (line: string) => void;
}

/**
 * powerMonitor where it works (macOS, Windows, X11), guarded so a source that reads 0 behind a
 * locked screen is replaced by the platform's detection; the platform's sources from the start on
 * Wayland. Returns the guard so lock/unlock events can be fed to it.
 */
export async function chooseIdleSource(o: ChooseIdleOptions): Promise<{ source: IdleSource; guard: ZeroIdleGuard | null; why: string }> {
  const usable = powerIdleUsable(o.platform, o.env);
  if (!usable.ok) {
    const { source } = await o.detect(o.env, {});
    return { source, guard: null, why: `${usable.why}; using ${source.name}` };
  }
  // Whole-second readings repeat 0 while the user types steadily, so only the locked-screen rule can spot a stuck counter.
  const guarded = withZeroIdleGuard(powerIdleSource(o.pm), { minReadings: Number.POSITIVE_INFINITY });
  const source = fallbackIdleSource(
    guarded,
    async () => (await o.detect(o.env, { exclude: [POWER_SOURCE_NAME] })).source,
    o.log,
  );
  return { source, guard: guarded.guard, why: `using ${POWER_SOURCE_NAME}` };
}
