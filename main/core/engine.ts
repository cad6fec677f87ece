import type { Settings } from '../../shared/settings.js';
import type { BoutRecord, BreakOutcome, BusyReason, PromptAnswer, PromptKind, PromptOutcome, StandingRecord, SuppressReason } from '../../shared/domain.js';

/**
 * One reading of the two clocks. `mono` only ever moves forward and measures durations;
 * `wall` is UTC epoch ms and only labels things. Both in milliseconds.
 */
export interface Instant {
  mono: number;
  wall: number;
}

export type EngineEvent =
  | { type: 'input' }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'quit' }
  | { type: 'start' }
  | { type: 'respond'; action: PromptAnswer }
  | { type: 'stretch-start' }
  | { type: 'stretch-end' }
  | { type: 'pause'; untilWall: number | null }
  | { type: 'unpause' }
  /** A context source says the user must not be interrupted / no longer says so (DESIGN.md §6). */
  | { type: 'busy'; reason: BusyReason }
  | { type: 'free'; reason: BusyReason }
  /** The user says they now stand / sit at a sit-stand desk (DESIGN.md §7). */
  | { type: 'stand' }
  | { type: 'sit' };

export type Effect =
  | { type: 'bout-started'; start: number; restored: boolean }
  | { type: 'bout-ended'; bout: BoutRecord; recorded: boolean }
  | { type: 'prompt'; id: number; kind: PromptKind; at: number; shown: true; sittingMs: number }
  | { type: 'prompt'; id: number; kind: PromptKind; at: number; shown: false; reason: SuppressReason; sittingMs: number }
  | { type: 'prompt-closed'; id: number; outcome: BreakOutcome; at: number }
  | { type: 'standing-started'; start: number }
  /** `recorded` is false for a period under a minute. */
  | { type: 'standing-ended'; period: StandingRecord; recorded: boolean };

/**
 * The outcome a prompt is recorded with when it is made (DESIGN.md §2): one not shown is
 * `suppressed`; a break prompt stays `unanswered` until the user or the bout settles it;
 * posture and move prompts need no answer and are `shown`.
 */
export function firstOutcome(prompt: { kind: PromptKind; shown: boolean }): PromptOutcome {
  if (!prompt.shown) return 'suppressed';
  return prompt.kind === 'break' ? 'unanswered' : 'shown';
}

/** A checkpointed bout or standing period either continues (with the engine's effects) or ended at its last input. */
export type ResumeDecision =
  | { continued: true; effects: Effect[] }
  | { continued: false; bout: BoutRecord; recorded: boolean }
  | { continued: false; standing: StandingRecord; recorded: boolean };

/** What a previous run checkpointed: its open sitting bout, or its open standing period (`standing`). */
export interface CheckpointedPeriod {
  start: number;
  lastInput: number;
  /** When the run that died wrote it: a move prompt due before then was its to show. */
  savedAt?: number;
  standing?: boolean;
}

/** Decides, for a wall-clock instant, whether work/quiet hours keep prompts from showing. Pause is the engine's own state. */
export type HoursPolicy = (wall: number) => SuppressReason | null;

export interface EngineOptions {
  settings: Settings;
  /** How long a settings "minute" lasts. 60 000 except under the daemon's testing option. */
  minuteMs?: number;
  /** True when `mono` keeps counting while the system sleeps (boot time); then the wall clock is never used to measure a sleep. */
  monoCountsSleep?: boolean;
  hours?: HoursPolicy;
}

/** The open bout as the outside world may see and checkpoint it. */
export interface OpenBout {
  start: number;
  lastInput: number;
  sittingMs: number;
}

export interface EngineSnapshot {
  running: boolean;
  locked: boolean;
  asleep: boolean;
  stretching: boolean;
  pausedUntil: number | null;
  /** The busy reasons on now, the longest-standing first. */
  busy: BusyReason[];
  /** A break prompt that fell due and waits to be shown (busy, paused, outside the user's hours), and why. */
  held: { at: number; reason: SuppressReason } | null;
  bout: OpenBout | null;
  /** The open standing period (DESIGN.md §7): presence, not sitting. */
  standing: { start: number; lastInput: number; standingMs: number } | null;
  openPromptId: number | null;
  next: { kind: PromptKind; at: number } | null;
}

type TimerKind = 'away' | 'posture' | 'break' | 'recheck' | 'move';

/**
 * The sitting tracker and prompt scheduler of DESIGN.md §2 as a pure state machine.
 * Callers feed observations stamped with an Instant; the engine answers with effects and
 * says when it next needs to be woken. It never reads a clock itself.
 */
export class SittingEngine {
  private settings: Settings;
  private readonly minuteMs: number;
  private readonly monoCountsSleep: boolean;
  private hours: HoursPolicy;

  // Internal time T = mono + monoOffset; the offset absorbs a monotonic clock that stopped during sleep.
  private monoOffset = 0;
  private lastT = Number.NEGATIVE_INFINITY;
  private lastWall = 0;
  private suspendedAt: { T: number; wall: number } | null = null;

  private running = true;
  private locked = false;
  private asleep = false;
  private stretching = false;
  private pausedUntil: number | null = null;
  private readonly busy = new Set<BusyReason>(); // insertion order: the longest-standing reason first

  private boutStartT = 0;
  private boutStartWall = 0;
  private lastInputT = Number.NEGATIVE_INFINITY; // kept after a bout ends, so an old idle reading is not new input
  private inputFloorT = Number.NEGATIVE_INFINITY; // input before this (app start, end of a stretch) is not sitting
  private inBout = false;
  private postureCount = 0;
  private postureDueT = Infinity;
  private breakDueT = Infinity;
  private recheckT = Infinity;
  private deferred = false; // a break prompt fell due while locked/asleep
  private held: { T: number; reason: SuppressReason } | null = null; // a break prompt recorded suppressed, shown when that lifts
  private breakPromptSeen = false; // a break prompt fell due in this bout (answered or not)
  private openPrompt: { id: number } | null = null;
  private standing: { T: number; wall: number } | null = null; // input while standing is presence, not sitting
  private moveDueT = Infinity;
  private nextId = 1;
  private effects: Effect[] = [];

  constructor(opts: EngineOptions) {
    this.settings = opts.settings;
    this.minuteMs = opts.minuteMs ?? 60_000;
    this.monoCountsSleep = opts.monoCountsSleep ?? false;
    this.hours = opts.hours ?? (() => null);
  }

  private get standLimitMs(): number {
    return this.settings.standLimitMinutes === null ? Infinity : this.settings.standLimitMinutes * this.minuteMs;
  }
  private get minBreakMs(): number {
    return this.settings.minBreakMinutes * this.minuteMs;
  }
  private get sitLimitMs(): number {
    return this.settings.sitLimitMinutes * this.minuteMs;
  }
  private get snoozeMs(): number {
    return this.settings.snoozeMinutes * this.minuteMs;
  }
  /** Bouts shorter than this are someone brushing the mouse, not sitting. */
  private get minBoutMs(): number {
    return this.minuteMs;
  }

  /**
   * New settings take effect at once: an open bout keeps its start, and its next posture and
   * break times are recomputed from it (a break prompt already shown keeps its repeat time).
   */
  setSettings(settings: Settings, hours: HoursPolicy = this.hours): void {
    this.settings = settings;
    this.hours = hours;
    // The move prompt comes once per period: one already shown stays shown.
    if (this.standing && this.moveDueT !== Infinity) this.moveDueT = Math.max(this.lastT, this.standing.T + this.standLimitMs);
    if (!this.inBout) return;
    const every = settings.postureEveryMinutes * this.minuteMs;
    const elapsed = this.lastT - this.boutStartT;
    this.postureCount = Math.floor(elapsed / every);
    const nextOffset = (this.postureCount + 1) * every;
    this.postureDueT = settings.postureEnabled && nextOffset < this.sitLimitMs && !this.breakPromptSeen ? this.boutStartT + nextOffset : Infinity;
    if (!this.openPrompt && !this.deferred && !this.held && !this.breakPromptSeen) {
      this.breakDueT = Math.max(this.lastT, this.boutStartT + this.sitLimitMs);
    }
  }

  /** Applies one observation at `at`; timers due at or before `at` fire first. */
  handle(event: EngineEvent, at: Instant): Effect[] {
    // Input after a sleep proves the machine woke, even when the resume event itself was missed.
    if (event.type === 'resume' || (this.asleep && event.type !== 'suspend')) this.absorbStoppedClock(at);
    const T = this.advance(at);
    this.apply(event, T);
    return this.flush();
  }

  /** Input seen by an idle reading: the last input happened `idleMs` before `at`. */
  observeIdle(idleMs: number, at: Instant): Effect[] {
    if (this.asleep) this.absorbStoppedClock(at);
    const idle = Math.max(0, idleMs);
    const inputT = at.mono + this.monoOffset - idle;
    if (this.canTakeInput() && inputT > this.lastInputT && inputT >= this.inputFloorT) {
      // Fire what was due before that input, then take the input at its own time, then catch up to now.
      // Late news of an input from before the previous observation is booked at its own time too.
      if (inputT > this.lastT) this.advance({ mono: at.mono - idle, wall: at.wall - idle });
      this.input(inputT);
    }
    this.advance(at);
    return this.flush();
  }

  /** Fires every timer due at or before `at`. */
  tick(at: Instant): Effect[] {
    this.advance(at);
    return this.flush();
  }

  /** Ends the open bout at its last input (the trace's `end`, or an orderly shutdown). */
  close(at: Instant): Effect[] {
    this.advance(at);
    if (this.inBout) this.endBout(this.lastInputT, 'unanswered');
    if (this.standing) this.endStanding(this.lastInputT);
    return this.flush();
  }

  /**
   * What becomes of a bout or standing period a previous run checkpointed (DESIGN.md §2, durability;
   * §7). It continues when the idle source answers and less than minBreak has passed since its last
   * input (no absence fits in between; input seen now is its own); otherwise it ended at its last
   * checkpointed input, recorded if it reaches the minimum length like any other (a bout's, a minute for standing).
   */
  resumeCheckpoint(cp: CheckpointedPeriod, idleMs: number | null, at: Instant): ResumeDecision {
    const gap = at.wall - cp.lastInput;
    if (idleMs !== null && gap >= 0 && gap < this.minBreakMs) {
      const lastInput = Math.min(at.wall, Math.max(cp.lastInput, at.wall - idleMs));
      const effects = cp.standing ? this.restoreStanding(cp.start, lastInput, cp.savedAt ?? cp.lastInput, at) : this.restoreBout(cp.start, lastInput, at);
      return { continued: true, effects };
    }
    const durationMs = Math.max(0, cp.lastInput - cp.start);
    const period = { start: cp.start, end: cp.start + durationMs, durationMs };
    return cp.standing
      ? { continued: false, standing: period, recorded: durationMs >= this.minuteMs }
      : { continued: false, bout: period, recorded: durationMs >= this.minBoutMs };
  }

  /**
   * Continues a bout that a previous run checkpointed, when the gap since its last input
   * is short enough that the user never counted as away.
   */
  restoreBout(startWall: number, lastInputWall: number, at: Instant): Effect[] {
    const T = this.advance(at);
    const lastInputT = T - (at.wall - lastInputWall);
    if (this.inBout || T - lastInputT >= this.minBreakMs || lastInputWall < startWall) return this.flush();
    this.beginBout(T - (at.wall - startWall), startWall, true);
    this.lastInputT = lastInputT;
    // Prompts that fell due while we were not running are caught up at once, without a backlog.
    while (this.postureDueT <= T) this.advancePosture();
    if (this.breakDueT < T) this.breakDueT = T;
    return this.flush();
  }

  /**
   * Continues a standing period a previous run checkpointed (resumeCheckpoint decided it may). Its move
   * prompt is once per period: one due before the dead run's last checkpoint was that run's to show; one
   * that fell due since is shown now.
   */
  private restoreStanding(startWall: number, lastInputWall: number, savedAtWall: number, at: Instant): Effect[] {
    const T = this.advance(at);
    const lastInputT = T - (at.wall - lastInputWall);
    if (this.inBout || this.standing || !this.canTakeInput() || T - lastInputT >= this.minBreakMs || lastInputWall < startWall) return this.flush();
    const startT = T - (at.wall - startWall);
    this.standing = { T: startT, wall: startWall };
    this.lastInputT = lastInputT;
    const moveDueT = startT + this.standLimitMs;
    this.moveDueT = moveDueT <= T - (at.wall - savedAtWall) ? Infinity : Math.max(moveDueT, T);
    this.effects.push({ type: 'standing-started', start: startWall });
    return this.flush();
  }

  /** The mono instant of the next timer, or null when only new input can change anything. */
  nextWake(): number | null {
    const t = this.nextTimer();
    return t ? t.at - this.monoOffset : null;
  }

  snapshot(): EngineSnapshot {
    const next = this.nextPrompt();
    return {
      running: this.running,
      locked: this.locked,
      asleep: this.asleep,
      stretching: this.stretching,
      pausedUntil: this.pausedUntil,
      busy: [...this.busy],
      held: this.held && this.inBout ? { at: this.wallAt(this.held.T), reason: this.held.reason } : null,
      bout: this.inBout
        ? {
            start: this.boutStartWall,
            lastInput: this.wallAt(this.lastInputT),
            sittingMs: Math.max(0, this.lastT - this.boutStartT),
          }
        : null,
      standing: this.standing
        ? { start: this.standing.wall, lastInput: this.wallAt(this.lastInputT), standingMs: Math.max(0, this.lastT - this.standing.T) }
        : null,
      openPromptId: this.openPrompt?.id ?? null,
      next,
    };
  }

  // ---- time ---------------------------------------------------------------

  private toT(at: Instant): number {
    return Math.max(at.mono + this.monoOffset, this.lastT);
  }

  private wallAt(T: number): number {
    return this.lastWall + (T - this.lastT);
  }

  /** A sleep is measured by the wall clock when the monotonic clock stood still through it. */
  private absorbStoppedClock(at: Instant): void {
    // A clock that counts sleep (Linux boot time) is already right; a wall step during sleep must not add to it.
    if (!this.suspendedAt || this.monoCountsSleep) return;
    const monoSlept = at.mono + this.monoOffset - this.suspendedAt.T;
    const wallSlept = at.wall - this.suspendedAt.wall;
    if (wallSlept > monoSlept + 1000) this.monoOffset += wallSlept - monoSlept;
  }

  private advance(at: Instant): number {
    const T = this.toT(at);
    if (this.lastT === Number.NEGATIVE_INFINITY) {
      this.lastT = T;
      this.inputFloorT = T;
      this.lastWall = at.wall;
      return T;
    }
    for (let timer = this.nextTimer(); timer && timer.at <= T; timer = this.nextTimer()) this.fire(timer.kind, timer.at);
    this.lastT = T;
    this.lastWall = at.wall;
    return T;
  }

  private nextTimer(): { kind: TimerKind; at: number } | null {
    if (this.standing) {
      const away = this.lastInputT + this.minBreakMs;
      return this.moveDueT < away ? { kind: 'move', at: this.moveDueT } : { kind: 'away', at: away };
    }
    if (!this.inBout) return null;
    // Ties resolve in this order: at exactly minBreak of no input the user is already away.
    let best: { kind: TimerKind; at: number } = { kind: 'away', at: this.lastInputT + this.minBreakMs };
    if (this.postureDueT < best.at) best = { kind: 'posture', at: this.postureDueT };
    if (this.breakDueT < best.at) best = { kind: 'break', at: this.breakDueT };
    if (this.recheckT < best.at) best = { kind: 'recheck', at: this.recheckT };
    return best;
  }

  private fire(kind: TimerKind, T: number): void {
    switch (kind) {
      case 'away':
        if (this.standing) this.endStanding(this.lastInputT);
        else this.endBout(this.lastInputT, 'took-break');
        return;
      case 'move':
        this.moveDueT = Infinity;
        if (this.locked || this.asleep) return; // like posture: a nudge nobody can see is dropped
        this.emitPrompt('move', T);
        return;
      case 'posture':
        this.advancePosture();
        if (this.locked || this.asleep) return; // a posture nudge nobody can see is dropped
        this.emitPrompt('posture', T);
        return;
      case 'break':
        this.breakDueT = Infinity;
        this.breakDue(T);
        return;
      case 'recheck':
        this.recheckT = Infinity;
        this.release(T);
        return;
    }
  }

  private breakDue(T: number): void {
    this.breakPromptSeen = true;
    if (this.locked || this.asleep) {
      this.deferred = true;
      return;
    }
    const reason = this.suppression(T);
    if (reason) {
      // Recorded once and held: no repeats while suppressed; shown once that lifts, if the user still sits then.
      this.closeOpen('unanswered', T);
      this.emitPrompt('break', T);
      this.hold(T, reason);
      return;
    }
    this.showBreak(T);
  }

  private hold(T: number, reason: SuppressReason): void {
    this.held = { T: this.held?.T ?? T, reason };
    // Busy ends with a `free`; a pause or the user's hours end with time, checked once a minute.
    this.recheckT = reason.startsWith('busy:') ? Infinity : T + this.minuteMs;
  }

  /** Shows a held break prompt once nothing suppresses it any more (deferred again while locked or asleep). */
  private release(T: number): void {
    if (!this.held || !this.inBout) return;
    const reason = this.suppression(T);
    if (reason) {
      this.hold(T, reason);
      return;
    }
    this.held = null;
    this.recheckT = Infinity;
    if (this.locked || this.asleep) this.deferred = true;
    else this.showBreak(T);
  }

  private showBreak(T: number): void {
    this.closeOpen('unanswered', T);
    const id = this.emitPrompt('break', T);
    this.openPrompt = { id };
    this.breakDueT = T + this.snoozeMs; // unanswered prompts repeat
  }

  private suppression(T: number): SuppressReason | null {
    const wall = this.wallAt(T);
    if (this.pausedUntil !== null && wall < this.pausedUntil) return 'paused';
    const hours = this.hours(wall);
    if (hours) return hours;
    for (const reason of this.busy) return `busy:${reason}`;
    return null;
  }

  private emitPrompt(kind: PromptKind, T: number): number {
    const id = this.nextId++;
    const at = this.wallAt(T);
    // For a move prompt: how long the user has been standing.
    const sittingMs = T - (kind === 'move' ? this.standing!.T : this.boutStartT);
    const reason = this.suppression(T);
    this.effects.push(
      reason ? { type: 'prompt', id, kind, at, shown: false, reason, sittingMs } : { type: 'prompt', id, kind, at, shown: true, sittingMs },
    );
    return id;
  }

  private closeOpen(outcome: BreakOutcome, T: number): void {
    if (!this.openPrompt) return;
    this.effects.push({ type: 'prompt-closed', id: this.openPrompt.id, outcome, at: this.wallAt(T) });
    this.openPrompt = null;
  }

  private advancePosture(): void {
    this.postureCount += 1;
    const every = this.settings.postureEveryMinutes * this.minuteMs;
    const nextOffset = (this.postureCount + 1) * every;
    // Posture nudges belong to the time before the first break prompt only.
    this.postureDueT =
      this.settings.postureEnabled && nextOffset < this.sitLimitMs && !this.breakPromptSeen ? this.boutStartT + nextOffset : Infinity;
  }

  private nextPrompt(): { kind: PromptKind; at: number } | null {
    if (this.standing) return this.moveDueT < Infinity ? { kind: 'move', at: this.wallAt(this.moveDueT) } : null;
    if (!this.inBout) return null;
    if (this.deferred) return { kind: 'break', at: this.wallAt(this.lastT) };
    const breakAt = Math.min(this.breakDueT, this.recheckT);
    if (this.postureDueT < breakAt) return { kind: 'posture', at: this.wallAt(this.postureDueT) };
    return breakAt < Infinity ? { kind: 'break', at: this.wallAt(breakAt) } : null;
  }

  // ---- events -------------------------------------------------------------

  private canTakeInput(): boolean {
    return this.running && !this.stretching && !this.locked;
  }

  private apply(event: EngineEvent, T: number): void {
    if (!this.running && event.type !== 'start') return; // nothing is observed while the app is not running
    switch (event.type) {
      case 'input':
        if (this.asleep) this.wake(T); // input proves the machine is awake
        this.input(T);
        return;
      case 'lock':
        this.locked = true;
        return;
      case 'unlock':
        this.locked = false;
        this.input(T);
        this.showDeferred(T);
        return;
      case 'suspend':
        this.asleep = true;
        this.suspendedAt = { T, wall: this.wallAt(T) };
        return;
      case 'resume':
        this.wake(T);
        return;
      case 'quit':
        if (this.inBout) this.endBout(this.lastInputT, 'unanswered');
        if (this.standing) this.endStanding(this.lastInputT);
        this.running = false;
        this.stretching = false;
        this.busy.clear(); // a new run hears from its sources afresh
        this.locked = false;
        this.asleep = false;
        return;
      case 'start':
        if (!this.running) this.inputFloorT = T;
        this.running = true;
        return;
      case 'respond':
        if (this.locked) return;
        if (event.action === 'stand') {
          this.stand(T);
          return;
        }
        this.input(T);
        if (this.openPrompt) {
          this.closeOpen(event.action === 'snooze' ? 'snoozed' : 'skipped', T);
          this.breakDueT = T + (event.action === 'snooze' ? this.snoozeMs : this.sitLimitMs);
        }
        return;
      case 'stretch-start':
        // A guided break is a break for its whole length, even though the user clicks through it.
        if (this.inBout) this.endBout(T, 'stretched');
        if (this.standing) this.endStanding(T);
        this.stretching = true;
        return;
      case 'stretch-end':
        if (this.stretching) this.inputFloorT = T;
        this.stretching = false;
        return;
      case 'pause':
        this.pausedUntil = event.untilWall ?? Number.POSITIVE_INFINITY;
        return;
      case 'unpause':
        this.pausedUntil = null;
        return;
      case 'busy':
        this.busy.add(event.reason);
        return;
      case 'free':
        this.busy.delete(event.reason);
        this.release(T); // at once, not at the next minute: the call just ended
        return;
      case 'stand':
        if (this.asleep) this.wake(T); // a click proves the machine is awake, like input
        this.stand(T);
        return;
      case 'sit':
        if (this.asleep) this.wake(T);
        if (this.standing && this.canTakeInput()) {
          this.endStanding(T);
          this.beginBout(T, this.wallAt(T), false);
        } else this.input(T); // sitting already, or back after an away: a plain input
        return;
    }
  }

  private wake(T: number): void {
    this.asleep = false;
    this.suspendedAt = null;
    this.showDeferred(T);
  }

  private showDeferred(T: number): void {
    if (!this.inBout || !this.deferred || this.locked || this.asleep) return;
    this.deferred = false;
    this.breakDue(T);
  }

  /** DESIGN.md §7: standing is a break from sitting, like a stretch; `stand` while standing is a plain input. */
  private stand(T: number): void {
    if (!this.canTakeInput()) return; // locked, stretching or not running: ignored like input
    if (this.standing) {
      this.input(T);
      return;
    }
    if (this.inBout) {
      if (T > this.lastInputT) this.lastInputT = T;
      this.endBout(T, 'stood');
    }
    this.standing = { T, wall: this.wallAt(T) };
    this.lastInputT = T;
    this.moveDueT = T + this.standLimitMs;
    this.effects.push({ type: 'standing-started', start: this.standing.wall });
  }

  /** After it, the next input starts a sitting bout: a forgotten `sit` must never hide sitting. */
  private endStanding(endT: number): void {
    const start = this.standing!;
    const durationMs = Math.max(0, endT - start.T);
    this.effects.push({ type: 'standing-ended', period: { start: start.wall, end: start.wall + durationMs, durationMs }, recorded: durationMs >= this.minuteMs });
    this.standing = null;
    this.moveDueT = Infinity;
  }

  private input(T: number): void {
    if (!this.canTakeInput()) return;
    if (this.standing) {
      if (T > this.lastInputT) this.lastInputT = T;
      return;
    }
    if (this.inBout) {
      if (T > this.lastInputT) this.lastInputT = T;
      return;
    }
    this.beginBout(T, this.wallAt(T), false);
  }

  private beginBout(startT: number, startWall: number, restored: boolean): void {
    this.inBout = true;
    this.boutStartT = startT;
    this.boutStartWall = startWall;
    this.lastInputT = startT;
    this.postureCount = 0;
    const every = this.settings.postureEveryMinutes * this.minuteMs;
    this.postureDueT = this.settings.postureEnabled && every < this.sitLimitMs ? startT + every : Infinity;
    this.breakDueT = startT + this.sitLimitMs;
    this.recheckT = Infinity;
    this.deferred = false;
    this.held = null;
    this.breakPromptSeen = false;
    this.openPrompt = null;
    this.effects.push({ type: 'bout-started', start: startWall, restored });
  }

  private endBout(endT: number, openOutcome: BreakOutcome): void {
    const durationMs = Math.max(0, endT - this.boutStartT);
    const start = this.boutStartWall;
    this.effects.push({
      type: 'bout-ended',
      bout: { start, end: start + durationMs, durationMs },
      recorded: durationMs >= this.minBoutMs,
    });
    this.closeOpen(openOutcome, endT);
    this.inBout = false;
    this.postureDueT = Infinity;
    this.breakDueT = Infinity;
    this.recheckT = Infinity;
    this.deferred = false;
    this.held = null;
  }

  private flush(): Effect[] {
    const out = this.effects;
    this.effects = [];
    return out;
  }
}
