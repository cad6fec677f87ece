import { monotonicMs } from './monotonic.js';
import { detectIdleSource, type DetectIdleOptions } from './detectIdle.js';
import type { IdleSource, SessionEventType } from './types.js';
import { StuckIdleSourceError, withZeroIdleGuard } from './zeroIdleGuard.js';

/**
 * The detected idle source behind a stuck-value guard; when the guard finds it stuck
 * (electron#27912: a constant 0 on Wayland), detection runs again without it and the next
 * working mechanism takes over. Other errors pass through for the caller's retry back-off.
 */
export function resilientIdleSource(
  first: IdleSource,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  opts: DetectIdleOptions & { now?: () => number } = {},
): IdleSource & { noteSessionEvent(type: SessionEventType): void } {
  const now = opts.now ?? monotonicMs;
  let current = withZeroIdleGuard(first, { now });
  const excluded: string[] = [...(opts.exclude ?? [])];
  return {
    get name() {
      return current.name;
    },
    async idleMs() {
      try {
        return await current.idleMs();
      } catch (e) {
        if (!(e instanceof StuckIdleSourceError)) throw e;
        excluded.push(current.name);
        current.close?.();
        log(`${e.message}; looking for another idle source`);
        const { source } = await detectIdleSource(env, { ...opts, exclude: excluded });
        current = withZeroIdleGuard(source, { now });
        log(`idle source is now ${source.name}`);
        return current.idleMs();
      }
    },
    /** Lock state sharpens the guard: nobody types into a locked session, so zeros then prove it stuck. */
    noteSessionEvent(type: SessionEventType) {
      current.guard.noteSessionEvent(type, now());
    },
    close() {
      current.close?.();
    },
  };
}
