import type { IdleSource, SessionEventType } from './types.js';
import { StuckIdleSourceError, withZeroIdleGuard, type ZeroIdleGuardOptions } from './zeroIdleGuard.js';

export interface ResilientIdleOptions {
  /** The next working source, skipping the named ones (detectIdleSource with `exclude`); rejects when none works. */
  detect: (exclude: string[]) => Promise<IdleSource>;
  /**
   * The tracker's monotonic clock. Readings and lock events are both stamped with it: stamped on two
   * clocks, a lock looked hours old and the "locked for 2 minutes" rule never waited.
   */
  now: () => number;
  log?: (line: string) => void;
}

export type ResilientIdleSource = IdleSource & {
  /** Lock state sharpens the guard: nobody types into a locked session, so zeros then prove a source stuck. */
  noteSessionEvent(type: SessionEventType): void;
};

/** Whole-second counters (powerMonitor) repeat 0 while the user types steadily: only the locked-screen rule may judge them. */
const guardOptions = (source: IdleSource): ZeroIdleGuardOptions =>
  (source.resolutionMs ?? 1) >= 1000 ? { minReadings: Number.POSITIVE_INFINITY } : {};

/**
 * An idle source behind a stuck-value guard (main/platform/zeroIdleGuard.ts); once the guard finds
 * it stuck (electron#27912: a constant 0 on Wayland), `detect` is asked for the next working
 * mechanism, which takes over behind a guard of its own. A failing `detect` is retried at the next
 * reading, so a compositor service that starts late is picked up. Other errors pass through for the
 * caller's retry back-off. The one switcher for the daemon and the desktop app (whose first source
 * is Electron's powerMonitor).
 */
export function resilientIdleSource(first: IdleSource, opts: ResilientIdleOptions): ResilientIdleSource {
  const log = opts.log ?? (() => {});
  const guarded = (source: IdleSource) => withZeroIdleGuard(source, { ...guardOptions(source), now: opts.now });
  let current = guarded(first);
  let lockedAt: number | null = null;
  const excluded: string[] = [];
  return {
    get name() {
      return current.name;
    },
    async idleMs() {
      try {
        return await current.idleMs();
      } catch (e) {
        if (!(e instanceof StuckIdleSourceError)) throw e;
        if (!excluded.includes(current.name)) {
          excluded.push(current.name);
          log(`${e.message}; looking for another idle source`);
        }
      }
      const next = await opts.detect(excluded);
      current.close?.();
      current = guarded(next);
      // The lock goes on: the new source's guard counts it from when it began.
      if (lockedAt !== null) current.guard.noteSessionEvent('lock', lockedAt);
      log(`idle source is now ${next.name}`);
      return current.idleMs();
    },
    noteSessionEvent(type: SessionEventType) {
      const at = opts.now();
      if (type === 'lock') lockedAt ??= at;
      if (type === 'unlock') lockedAt = null;
      current.guard.noteSessionEvent(type, at);
    },
    close() {
      current.close?.();
    },
  };
}
