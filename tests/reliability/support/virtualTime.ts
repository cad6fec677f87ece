import type { Instant } from '../../../main/core/engine.js';
import type { Clock } from '../../../main/core/ports.js';
import { VirtualTime } from '../../helpers/virtualTime.js';

export { VirtualTime };

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
