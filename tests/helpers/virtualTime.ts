import type { Instant } from '../../main/core/engine.js';
import type { Clock } from '../../main/core/ports.js';
import type { NotifierAction, NotifierActionEvent, SessionEvent, SessionEvents } from '../../main/platform/types.js';

/**
 * Virtual time for the real Monitor and the tracker start-up (both take `timers` and a Clock): the
 * benchmark counts wakeups per hour with it, the Monitor suite and the reliability tests push its
 * clocks around, all without waiting in real time. One file, so every virtual-time test uses the
 * same timers, clock, notifier and session stand-ins.
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

  /** For `timers` options. */
  get timerFns(): { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } {
    return { setTimeout: this.setTimeout, clearTimeout: this.clearTimeout };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }

  async runUntil(t: number): Promise<void> {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.timers) if (!next || e[1].at < next[1].at) next = e;
      if (!next || next[1].at > t) break;
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
      await settle();
    }
    this.now = t;
  }

  async advance(ms: number): Promise<void> {
    await this.runUntil(this.now + ms);
  }
}

/** Lets the monitor's awaited reading and writes finish (they resolve within a few turns of the event loop). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

/** mono = virtual time (it stands still while the machine sleeps); wall = a base plus virtual time plus any jumps. */
export class VirtualClock implements Clock {
  wallOffset = 0;
  constructor(
    private readonly vt: VirtualTime,
    private readonly base: number,
    /** As systemClock() says on Linux (boot time counts sleep); false: macOS/Windows monotonic clocks. */
    readonly monoCountsSleep = false,
    /** Where the monotonic clock starts: a real one reads hours since boot, never 0. */
    private readonly monoBase = 0,
  ) {}
  now(): Instant {
    return { mono: this.monoBase + this.vt.now, wall: this.base + this.vt.now + this.wallOffset };
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

/** Records what the Monitor asks the notifier to show (in-process tests; the daemon tests use dunst); act() clicks a button. */
export class RecordingNotifier {
  readonly name = 'recording (test)';
  readonly supportsActions = true;
  readonly shown: { kind: 'posture' | 'break' | 'close'; title?: string; id?: number }[] = [];
  closed = false;
  private listeners = new Set<(a: NotifierActionEvent) => void>();
  async posture(t: { title: string; body: string }): Promise<void> {
    this.shown.push({ kind: 'posture', title: t.title });
  }
  async breakPrompt(p: { title: string; body: string; id: number }): Promise<void> {
    this.shown.push({ kind: 'break', title: p.title, id: p.id });
  }
  async closeBreak(id: number): Promise<void> {
    this.shown.push({ kind: 'close', id });
  }
  onAction(listener: (a: NotifierActionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The user clicks `action` on the notification of prompt `promptId`. */
  act(promptId: number, action: NotifierAction): void {
    for (const l of [...this.listeners]) l({ promptId, action });
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Lock and sleep on cue. */
export class ScriptedSession implements SessionEvents {
  closed = false;
  private listeners = new Set<(e: SessionEvent) => void>();
  on(l: (e: SessionEvent) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  emit(type: SessionEvent['type']): void {
    for (const l of [...this.listeners]) l({ type, source: 'test' });
  }
  get listening(): number {
    return this.listeners.size;
  }
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }
}

/** A user on virtual time: a key press every second while working, nothing while away. Starts away (an hour). */
export class VirtualUser {
  private workingSince: number | null = null;
  private lastInput: number;
  constructor(private readonly vt: VirtualTime) {
    this.lastInput = vt.now - 3_600_000;
  }
  /** Starts working now (a no-op while working). */
  work(): this {
    this.workingSince ??= this.vt.now;
    return this;
  }
  /** Stops working: the last key press was the last whole second of work. */
  leave(): this {
    if (this.workingSince !== null) this.lastInput = this.vt.now - this.idleMs();
    this.workingSince = null;
    return this;
  }
  /** What an idle counter with millisecond resolution reads now. */
  idleMs(): number {
    return this.workingSince !== null ? (this.vt.now - this.workingSince) % 1000 : this.vt.now - this.lastInput;
  }
  get working(): boolean {
    return this.workingSince !== null;
  }
}
