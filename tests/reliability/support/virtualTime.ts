import type { Instant } from '../../../main/core/engine.js';
import type { Clock } from '../../../main/core/ports.js';

/**
 * Virtual timers for the real Monitor (copied from bench/daemon.ts), plus a Clock whose two readings
 * can be pushed apart the way real machines do it: the wall clock jumps (NTP, a manual change), or
 * stays while the monotonic clock stops during a suspend.
 */
export class VirtualTime {
  /** Virtual elapsed time: what setTimeout delays are measured in. */
  now = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  setTimeout = ((fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + Math.max(0, ms), fn });
    return id as unknown as NodeJS.Timeout;
  }) as unknown as typeof setTimeout;
  clearTimeout = ((id: number) => {
    this.timers.delete(id);
  }) as unknown as typeof clearTimeout;

  async runUntil(t: number): Promise<void> {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.timers) if (!next || e[1].at < next[1].at) next = e;
      if (!next || next[1].at > t) break;
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
      // Let the monitor's awaited reading and writes settle before the next timer.
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    }
    this.now = t;
  }

  async advance(ms: number): Promise<void> {
    await this.runUntil(this.now + ms);
  }
}

/** mono = virtual time (it stands still while the machine sleeps); wall = a base plus virtual time plus any jumps. */
export class TroubledClock implements Clock {
  wallOffset = 0;
  constructor(
    private readonly vt: VirtualTime,
    private readonly base: number,
    /** As systemClock() says on Linux (boot time counts sleep); false: macOS/Windows monotonic clocks. */
    readonly monoCountsSleep = false,
  ) {}
  now(): Instant {
    return { mono: this.vt.now, wall: this.base + this.vt.now + this.wallOffset };
  }
  /** The wall clock jumps by `ms` (negative: backwards); the monotonic clock does not notice. */
  jumpWall(ms: number): void {
    this.wallOffset += ms;
  }
  /** The machine sleeps `ms`: the wall clock moves on, the monotonic clock stands still, no timer fires. */
  sleep(ms: number): void {
    this.wallOffset += ms;
  }
}

/** Records what the Monitor asks the notifier to show (in-process tests; the daemon tests use dunst). */
export class RecordingNotifier {
  readonly name = 'recording (test)';
  readonly supportsActions = true;
  readonly shown: { kind: 'posture' | 'break' | 'close'; title?: string; id?: number }[] = [];
  async posture(t: { title: string; body: string }): Promise<void> {
    this.shown.push({ kind: 'posture', title: t.title });
  }
  async breakPrompt(p: { title: string; body: string; id: number }): Promise<void> {
    this.shown.push({ kind: 'break', title: p.title, id: p.id });
  }
  async closeBreak(id: number): Promise<void> {
    this.shown.push({ kind: 'close', id });
  }
  onAction(): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}
