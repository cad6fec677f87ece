import { SittingEngine, type Effect, type EngineEvent, type HoursPolicy, type Instant } from '../../main/core/engine.js';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings.js';
import type { PromptKind, PromptOutcome, SuppressReason } from '../../shared/domain.js';

/**
 * A virtual machine around the real SittingEngine: two clocks that tests move independently
 * (mono for durations, wall for labels), and a log of every effect. Times in assertions are
 * minutes relative to the rig's starting wall time so tests read like the rules in DESIGN.md §2.
 */

export const SEC = 1_000;
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export interface RigBout {
  startMin: number;
  endMin: number;
  minutes: number;
  recorded: boolean;
}

export interface RigPrompt {
  id: number;
  kind: PromptKind;
  atMin: number;
  sittingMin: number;
  outcome: PromptOutcome;
  reason?: SuppressReason;
  closes: number;
}

export interface RigOptions {
  settings?: SettingsPatch;
  /** Wall time at the start, UTC ms or an ISO instant. */
  startWall?: number | string;
  hours?: HoursPolicy;
  minuteMs?: number;
  monoCountsSleep?: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export class Rig {
  readonly engine: SittingEngine;
  readonly settings: Settings;
  readonly t0: number;
  // The monotonic clock has its own arbitrary origin: nothing may confuse it with wall time.
  mono = 5_000_000;
  wall: number;
  readonly log: Effect[] = [];

  constructor(opts: RigOptions = {}) {
    this.settings = SettingsSchema.parse(opts.settings ?? {});
    this.t0 = typeof opts.startWall === 'string' ? Date.parse(opts.startWall) : (opts.startWall ?? Date.UTC(2026, 5, 10, 8, 0, 0));
    this.wall = this.t0;
    this.engine = new SittingEngine({ settings: this.settings, hours: opts.hours, minuteMs: opts.minuteMs, monoCountsSleep: opts.monoCountsSleep });
  }

  get at(): Instant {
    return { mono: this.mono, wall: this.wall };
  }

  /** Wall minutes since the start. */
  get nowMin(): number {
    return round3((this.wall - this.t0) / MIN);
  }

  private take(effects: Effect[]): Effect[] {
    this.log.push(...effects);
    return effects;
  }

  /** Both clocks move forward; nothing is observed. */
  wait(ms: number): this {
    this.mono += ms;
    this.wall += ms;
    return this;
  }

  /** Moves both clocks to `min` minutes after the start (wall-relative). */
  until(min: number): this {
    const target = this.t0 + min * MIN;
    if (target < this.wall) throw new Error(`rig: cannot go back from ${this.nowMin} to ${min}`);
    return this.wait(target - this.wall);
  }

  /** Only the wall clock moves (NTP, manual change); mono keeps going normally. */
  jumpWall(ms: number): this {
    this.wall += ms;
    return this;
  }

  send(event: EngineEvent): this {
    this.take(this.engine.handle(event, this.at));
    return this;
  }

  input(): this {
    return this.send({ type: 'input' });
  }

  respond(action: 'snooze' | 'skip'): this {
    return this.send({ type: 'respond', action });
  }

  tick(): this {
    this.take(this.engine.tick(this.at));
    return this;
  }

  idle(idleMs: number): this {
    this.take(this.engine.observeIdle(idleMs, this.at));
    return this;
  }

  close(): this {
    this.take(this.engine.close(this.at));
    return this;
  }

  /** Steady work like the trace's `active`: input now, every `step`, and at the end. */
  work(ms: number, step = 10 * SEC): this {
    const end = this.wall + ms;
    this.input();
    while (this.wall + step < end) this.wait(step).input();
    if (this.wall < end) this.wait(end - this.wall).input();
    return this;
  }

  /** Works until `min` minutes after the start. */
  workUntil(min: number, step = 10 * SEC): this {
    return this.work(this.t0 + min * MIN - this.wall, step);
  }

  /** A suspend during which the monotonic clock stands still and only the wall clock moves. */
  sleepStoppedClock(ms: number, opts: { resume?: boolean } = {}): this {
    this.send({ type: 'suspend' });
    this.wall += ms;
    if (opts.resume !== false) this.send({ type: 'resume' });
    return this;
  }

  bouts(): RigBout[] {
    const out: RigBout[] = [];
    for (const e of this.log) {
      if (e.type !== 'bout-ended') continue;
      out.push({
        startMin: round3((e.bout.start - this.t0) / MIN),
        endMin: round3((e.bout.end - this.t0) / MIN),
        minutes: round3(e.bout.durationMs / MIN),
        recorded: e.recorded,
      });
    }
    return out;
  }

  recordedBouts(): Omit<RigBout, 'recorded'>[] {
    return this.bouts()
      .filter((b) => b.recorded)
      .map(({ startMin, endMin, minutes }) => ({ startMin, endMin, minutes }));
  }

  boutStarts(): { startMin: number; restored: boolean }[] {
    return this.log.flatMap((e) => (e.type === 'bout-started' ? [{ startMin: round3((e.start - this.t0) / MIN), restored: e.restored }] : []));
  }

  /** Every prompt with its final outcome, as the replay and the store would record it. */
  prompts(): RigPrompt[] {
    const out: RigPrompt[] = [];
    const byId = new Map<number, RigPrompt>();
    for (const e of this.log) {
      if (e.type === 'prompt') {
        const p: RigPrompt = {
          id: e.id,
          kind: e.kind,
          atMin: round3((e.at - this.t0) / MIN),
          sittingMin: round3(e.sittingMs / MIN),
          outcome: !e.shown ? 'suppressed' : e.kind === 'break' ? 'unanswered' : 'shown',
          closes: 0,
        };
        if (!e.shown) p.reason = e.reason;
        byId.set(e.id, p);
        out.push(p);
      } else if (e.type === 'prompt-closed') {
        const p = byId.get(e.id);
        if (!p) throw new Error(`rig: prompt-closed for unknown prompt ${e.id}`);
        p.closes += 1;
        p.outcome = e.outcome;
      }
    }
    return out;
  }

  /** Compact "kind@minute:outcome" strings, the easiest form to compare with a rule. */
  promptLine(): string[] {
    return this.prompts().map((p) => `${p.kind}@${p.atMin}:${p.outcome}`);
  }
}
