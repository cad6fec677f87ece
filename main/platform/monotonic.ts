/**
 * Milliseconds on the monotonic clock. process.hrtime rather than the `performance` global:
 * touching that loads perf_hooks, about 1 MB of the daemon's resident memory.
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
