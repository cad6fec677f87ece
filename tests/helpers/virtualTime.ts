/**
 * Virtual timers for the real Monitor (it takes `timers`): the benchmark counts its wakeups per hour
 * with them and the reliability tests push its clocks around, both without waiting in real time.
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
