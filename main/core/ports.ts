import type { Instant } from './engine.js';

/** The two clocks, read together. `mono` must keep counting through system sleep where the OS allows it. */
export interface Clock {
  now(): Instant;
  /** True when `mono` keeps counting through system sleep (Linux boot time). */
  readonly monoCountsSleep?: boolean;
}

/** Time since the user's last keyboard or mouse input, as the OS reports it. */
export interface ActivitySource {
  readonly name: string;
  idleMs(): Promise<number>;
}
