import type { IdleSource, SessionEventType } from './types.js';

/**
 * Spots an idle source that is stuck — the classic case is Electron's powerMonitor on Wayland
 * (electron#27912), which reports 0 forever, so every break looks missed. A stuck source must not be
 * trusted: the caller should fall back to another source (or stop with a clear error), never record
 * endless sitting.
 *
 * The heuristic (either rule marks the source stuck until reset()):
 *  1. Frozen value: at least `minReadings` consecutive readings are exactly equal (0 or any other value)
 *     and span at least `minSpanMs` (default 4 readings over 3 minutes). A working counter has millisecond
 *     resolution and grows between inputs, so identical values minutes apart do not happen in practice —
 *     steady typing gives small but different values (120, 45, 800 …), never the same one each time.
 *  2. Zero while locked: two or more readings of exactly 0 taken while the screen has been locked for at
 *     least `lockedSpanMs` (default 2 minutes). Nobody can type into the session then; a working source
 *     keeps counting behind the lock screen.
 * Sources with whole-second resolution (Electron's getSystemIdleTime) can legitimately read 0 several
 * times during steady typing; for them raise `minReadings`/`minSpanMs` and rely on rule 2.
 */
export interface ZeroIdleGuardOptions {
  minReadings?: number;
  minSpanMs?: number;
  lockedSpanMs?: number;
}

export type ZeroIdleVerdict = { stuck: false } | { stuck: true; why: string };

export class ZeroIdleGuard {
  private readonly minReadings: number;
  private readonly minSpanMs: number;
  private readonly lockedSpanMs: number;
  private runValue: number | null = null;
  private runStart = 0;
  private runCount = 0;
  private lockedSince: number | null = null;
  private zerosWhileLocked = 0;
  private verdict: ZeroIdleVerdict = { stuck: false };

  constructor(opts: ZeroIdleGuardOptions = {}) {
    this.minReadings = opts.minReadings ?? 4;
    this.minSpanMs = opts.minSpanMs ?? 3 * 60_000;
    this.lockedSpanMs = opts.lockedSpanMs ?? 2 * 60_000;
  }

  /** Feed each reading with the (monotonic) time it was taken; returns the verdict so far. */
  observe(idleMs: number, atMs: number): ZeroIdleVerdict {
    if (this.verdict.stuck) return this.verdict;
    if (idleMs === this.runValue) {
      this.runCount++;
    } else {
      this.runValue = idleMs;
      this.runStart = atMs;
      this.runCount = 1;
    }
    const span = atMs - this.runStart;
    if (this.runCount >= this.minReadings && span >= this.minSpanMs) {
      this.verdict = {
        stuck: true,
        why: `it reported exactly ${idleMs} ms in ${this.runCount} readings over ${Math.round(span / 1000)} s; a working idle counter changes between readings`,
      };
      return this.verdict;
    }
    if (this.lockedSince !== null && idleMs === 0 && atMs - this.lockedSince >= this.lockedSpanMs) {
      this.zerosWhileLocked++;
      if (this.zerosWhileLocked >= 2) {
        this.verdict = {
          stuck: true,
          why: `it reported 0 ms idle ${this.zerosWhileLocked} times while the screen had been locked for ${Math.round((atMs - this.lockedSince) / 1000)} s`,
        };
      }
    }
    return this.verdict;
  }

  /** Lock state is extra evidence for rule 2; pass the session events you receive. */
  noteSessionEvent(type: SessionEventType, atMs: number): void {
    if (type === 'lock') {
      this.lockedSince ??= atMs;
    } else if (type === 'unlock') {
      this.lockedSince = null;
      this.zerosWhileLocked = 0;
    }
  }

  get stuck(): ZeroIdleVerdict {
    return this.verdict;
  }

  reset(): void {
    this.runValue = null;
    this.runCount = 0;
    this.lockedSince = null;
    this.zerosWhileLocked = 0;
    this.verdict = { stuck: false };
  }
}

export class StuckIdleSourceError extends Error {
  constructor(
    readonly sourceName: string,
    readonly why: string,
  ) {
    super(`idle source ${sourceName} looks stuck: ${why} (electron#27912-style bug); use another source`);
    this.name = 'StuckIdleSourceError';
  }
}

/**
 * Wraps a source so that, once the guard finds it stuck, every reading rejects with StuckIdleSourceError.
 * The caller's normal "source failed" path then re-detects with this source excluded
 * (`detectIdleSource(env, { exclude: [source.name] })`). The wrapper keeps the inner source's name.
 */
export function withZeroIdleGuard(
  source: IdleSource,
  /** `now`: the clock the caller also stamps lock events with (the tracker's monotonic clock). */
  opts: ZeroIdleGuardOptions & { now: () => number; guard?: ZeroIdleGuard },
): IdleSource & { readonly guard: ZeroIdleGuard } {
  const guard = opts.guard ?? new ZeroIdleGuard(opts);
  const { now } = opts;
  return {
    name: source.name,
    guard,
    async idleMs() {
      if (guard.stuck.stuck) throw new StuckIdleSourceError(source.name, guard.stuck.why);
      const v = await source.idleMs();
      const verdict = guard.observe(v, now());
      if (verdict.stuck) throw new StuckIdleSourceError(source.name, verdict.why);
      return v;
    },
    resolutionMs: source.resolutionMs,
    close() {
      source.close?.();
    },
  };
}
