import type { PromptAnswer } from '../../shared/domain.js';
import type { NowStateView } from '../../shared/bridge.js';
import { STRETCH_HOLD_DAYS, stretchHold } from '../../shared/checkin.js';
import type { Settings } from '../../shared/settings.js';
import { firstOutcome, SittingEngine, type Effect, type EngineEvent, type Instant } from '../core/engine.js';
import { hoursPolicy, localDate } from '../core/localTime.js';
import { todaySitting } from '../core/todaySitting.js';
import type { ActivitySource, Clock } from '../core/ports.js';
import type { Notifier, NotifierAction, SessionEvents } from '../platform/types.js';
import type { Checkpoint, StretchSession, Store } from '../store/types.js';
import { DurableWrites, type PromptRef } from './durableWrites.js';
import { breakActionLabels, breakPromptText, movePromptText, posturePromptText } from './promptText.js';
import type { CatalogLanguage } from '../../shared/i18n/languages.js';
import { notifyTranslator } from '../../shared/i18n/notifyCatalog.js';
import { readPausedUntil, TRACKER_STATUS_KEY, type TrackerStatus } from './trackerStatus.js';
import { BUSY_REASONS, type BusyReason } from '../../shared/domain.js';
import type { BusyPort } from './busyWatcher.js';
import { heldForBusy } from '../../shared/busy.js';

/**
 * The imperative shell around the engine: reads idle time on the engine's adaptive schedule,
 * feeds lock/sleep events and prompt answers in, and writes what comes out to the store and
 * the notifier. The daemon, the local web mode and the Electron app all run this same loop.
 */

export interface MonitorOptions {
  store: Store;
  clock: Clock;
  idle: ActivitySource;
  session?: SessionEvents | null;
  notifier: Notifier;
  /** The user's IANA zone now (it may change while running). */
  zone: () => string;
  log?: (line: string) => void;
  verbose?: boolean;
  /** Testing only: how long a settings minute lasts (default 60 000). */
  minuteMs?: number;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  /** The language of notifications now (the Settings override or the locale; it may change while running). Default English. */
  language?: () => CatalogLanguage;
  /** Busy sources (DESIGN.md §6): read only when a prompt is due or one is held. None: never busy. */
  busy?: BusyPort | null;
}

export interface OpenPromptView {
  id: number;
  at: number;
  sittingMs: number;
}

/** What every view shows as "now"; its shape is the bridge contract's, so the UI and the tray read the same thing. */
export type NowState = NowStateView;

export type MonitorEvent =
  | { type: 'state' }
  | { type: 'break-prompt'; prompt: OpenPromptView }
  | { type: 'prompt-closed'; id: number }
  /**
   * Busy began while this prompt was on screen (a call, a shared screen): its notification and window
   * are taken down so nobody watching sees them. The prompt stays open and repeats as usual.
   */
  | { type: 'prompt-withdrawn'; id: number }
  | { type: 'posture'; at: number }
  /** The user asked (from a notification) to see the prompt or to start a stretch. */
  | { type: 'open-prompt' }
  | { type: 'start-stretch' }
  /** Settings changed (in this process, or through the sync folder): views show them anew. */
  | { type: 'settings' };

const MAX_BACKOFF_MS = 60_000;
/** The stored rows that start where a checkpoint's period starts. */
const span = (c: Checkpoint) => ({ from: c.start, to: c.start + 1 });
/** How long past its own length an open stretch session waits for its player before it ends by itself. */
export const ABANDONED_AFTER_MINUTES = 2;

export class Monitor {
  private readonly engine: SittingEngine;
  private readonly minuteMs: number;
  private readonly timers: NonNullable<MonitorOptions['timers']>;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<(e: MonitorEvent) => void>();
  private readonly unsubscribers: (() => void)[] = [];
  /** engine prompt id → its row (maybe not stored yet) and the id the UI and notifier know it by. */
  private readonly promptIds = new Map<number, { ref: PromptRef; id: number }>();
  /** Every store write of the loop goes through here, so a full disk does not stop tracking. */
  private readonly writes: DurableWrites;
  private openPrompt: OpenPromptView | null = null;
  private stretch: StretchSession | null = null;
  /** Ends a session nobody finished (a tab closed mid-stretch) so tracking resumes on its own. */
  private stretchTimer: ReturnType<typeof setTimeout> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  /** The monotonic reading of the engine's latest observation (the open bout's length is known up to it). */
  private lastMono = 0;
  private polling = false;
  private stopped = false;
  private settings: Settings;
  /** The zone work and quiet hours are judged in; followed when the user's zone changes while running. */
  private zoneSeen: string;
  /** Counts idle readings, for the benchmark of wakeups per hour. */
  readings = 0;

  constructor(private readonly opts: MonitorOptions) {
    this.minuteMs = opts.minuteMs ?? 60_000;
    this.timers = opts.timers ?? { setTimeout, clearTimeout };
    this.log = opts.log ?? (() => {});
    this.settings = opts.store.getSettings();
    this.zoneSeen = opts.zone();
    this.engine = new SittingEngine({
      settings: this.settings,
      minuteMs: this.minuteMs,
      monoCountsSleep: opts.clock.monoCountsSleep,
      hours: hoursPolicy(this.settings, this.zoneSeen),
    });
    this.writes = new DurableWrites({
      store: opts.store,
      log: this.log,
      tell: (text) => void opts.notifier.posture(text).catch((err: Error) => this.log(`notification failed: ${err.message}`)),
    });
  }

  /** Continues or closes a bout or standing period checkpointed by an earlier run, then starts polling. */
  async start(): Promise<void> {
    const { store, clock, idle } = this.opts;
    const now = clock.now();
    this.lastMono = now.mono;
    this.engine.tick(now);
    const paused = readPausedUntil(store);
    if (paused !== null && paused > now.wall) this.apply(this.engine.handle({ type: 'pause', untilWall: paused }, now));
    let cp = store.readCheckpoint();
    const what = cp?.standing ? 'standing period' : 'bout';
    const stored = (c: Checkpoint) => (c.standing ? store.listStanding(span(c)) : store.listBouts(span(c))).length > 0;
    if (cp && stored(cp)) {
      // A crash between storing it and clearing its checkpoint: it is already in the history.
      this.log(`the checkpointed ${what} was already stored; nothing to continue`);
      this.writes.writeCheckpoint(null);
      cp = null;
    }
    if (cp) {
      // The engine decides (continue, or ended at its last checkpointed input); the first checkpoint of
      // this run then holds the input seen now, not the older one of the run that died.
      const resumed = this.engine.resumeCheckpoint(cp, await this.readIdle(), now);
      if (resumed.continued) {
        this.log(`continuing the ${what} that started ${new Date(cp.start).toISOString()}`);
        this.apply(resumed.effects);
      } else {
        const period = 'bout' in resumed ? resumed.bout : resumed.standing;
        if (resumed.recorded && 'bout' in resumed) this.writes.addBout({ ...period, zone: cp.zone });
        else if (resumed.recorded) this.writes.addStanding({ ...period, zone: cp.zone });
        this.writes.writeCheckpoint(null);
        this.log(`closed the ${what} left open by an earlier run (${Math.round(period.durationMs / 60_000)} min)`);
      }
    }
    if (this.opts.session) this.unsubscribers.push(this.opts.session.on((e) => this.onSession(e.type)));
    // A source's change signal (Do Not Disturb off, the call ended) shows a held prompt at once.
    const busy = this.opts.busy;
    if (busy) this.unsubscribers.push(busy.watch(() => (this.busyCheckDue() ? void this.poll() : undefined)));
    this.unsubscribers.push(this.opts.notifier.onAction((a) => this.onNotificationAction(a.promptId, a.action)));
    this.log(`tracking with idle source ${idle.name}, notifications via ${this.opts.notifier.name}`);
    await this.poll();
  }

  /** Closes the open bout at its last input (an orderly quit) and stops the loop. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) this.timers.clearTimeout(this.timer);
    if (this.stretchTimer) this.timers.clearTimeout(this.stretchTimer);
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.stretch) this.finishStretch(this.stretch.id, { completed: false, stepsDone: this.stretch.stepsDone });
    // One last reading, so the bout ends at the real last input rather than at the last poll (up to a minute earlier).
    const idleMs = await this.lastReading();
    const now = this.opts.clock.now();
    if (idleMs !== null) this.apply(this.engine.observeIdle(idleMs, now));
    this.apply(this.engine.handle({ type: 'quit' }, now));
    this.writes.writeCheckpoint(null);
    if (!this.writes.flush()) this.log(`${this.writes.pending} writes could not be saved to ${this.opts.store.path} and are lost`);
  }

  /** A reading for shutdown, given at most two seconds: quitting must never hang on a stuck source. */
  private async lastReading(): Promise<number | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 2000)));
    try {
      return await Promise.race([this.readIdle(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  on(listener: (e: MonitorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- user actions (bridge handlers and notification buttons) ------------------

  /** The user says they stand (DESIGN.md §7): the sitting bout ends, an open break prompt ends `stood`. True while standing. */
  stand(): boolean {
    this.send({ type: 'stand' });
    return this.engine.snapshot().standing !== null;
  }

  /** The user says they sit again: the standing period ends; the next input is sitting. */
  sit(): boolean {
    this.send({ type: 'sit' });
    return this.engine.snapshot().standing !== null;
  }

  answer(action: PromptAnswer): boolean {
    const had = this.openPrompt !== null;
    this.send({ type: 'respond', action });
    return had;
  }

  /**
   * Every player gets a session of its own: one still open (a tab closed mid-stretch, another routine started)
   * ends here as not completed, so a session is never reused with another routine's number of steps.
   * `lengthSeconds` is how long the routine plays; a session still open ABANDONED_AFTER_MINUTES after that ends
   * by itself, so an abandoned player cannot hold the tracker in "stretching" forever.
   */
  startStretch(routineId: string, stepsTotal: number, lengthSeconds: number): StretchSession {
    if (this.stretch) this.finishStretch(this.stretch.id, { completed: false, stepsDone: this.stretch.stepsDone });
    const now = this.opts.clock.now();
    this.send({ type: 'stretch-start' }, now);
    const session = this.opts.store.startStretch({ start: now.wall, routineId, stepsTotal, zone: this.opts.zone() });
    this.stretch = session;
    // In settings minutes, like every other duration of the loop (a testing minute shortens it too).
    const expiresMs = (lengthSeconds / 60 + ABANDONED_AFTER_MINUTES) * this.minuteMs;
    this.stretchTimer = this.timers.setTimeout(() => this.abandonStretch(session.id), Math.ceil(expiresMs));
    this.emit({ type: 'state' });
    return session;
  }

  finishStretch(id: number, result: { completed: boolean; stepsDone: number }): StretchSession {
    const now = this.opts.clock.now();
    // The guided break ends even if its row is gone (the user deleted the history mid-stretch).
    if (this.stretch?.id === id) {
      this.stretch = null;
      if (this.stretchTimer) this.timers.clearTimeout(this.stretchTimer);
      this.stretchTimer = null;
      this.send({ type: 'stretch-end' }, now);
    }
    return this.opts.store.finishStretch(id, { end: now.wall, ...result });
  }

  private abandonStretch(id: number): void {
    if (this.stopped || this.stretch?.id !== id) return;
    this.log(`stretch session ${id} was left open past its length; ended as not completed`);
    try {
      this.finishStretch(id, { completed: false, stepsDone: this.stretch.stepsDone });
    } catch (err) {
      // Its row is gone or the disk refused: tracking has resumed all the same (finishStretch ends it first).
      this.log(`could not close stretch session ${id}: ${(err as Error).message}`);
    }
    this.emit({ type: 'state' });
  }

  pause(untilWall: number | null): void {
    this.writes.setState('pausedUntil', untilWall ?? Number.MAX_SAFE_INTEGER);
    this.send({ type: 'pause', untilWall });
    this.emit({ type: 'state' }); // pausing changes no engine effect, but every view shows it
  }

  resume(): void {
    this.writes.setState('pausedUntil', null);
    this.send({ type: 'unpause' });
    this.emit({ type: 'state' });
  }

  /** Call after the stored settings changed. */
  reloadSettings(): void {
    this.settings = this.opts.store.getSettings();
    this.zoneSeen = this.opts.zone();
    this.engine.setSettings(this.settings, hoursPolicy(this.settings, this.zoneSeen));
    this.schedule();
    this.emit({ type: 'state' });
    this.emit({ type: 'settings' });
  }

  now(): NowState {
    const now = this.opts.clock.now();
    const snap = this.engine.snapshot();
    const zone = this.opts.zone();
    // While not yet away, the open bout counts up to now (DESIGN.md §2, continuous sitting), measured on the
    // monotonic clock: a wall-clock jump must not add or remove sitting.
    const bout: NowState['bout'] = snap.bout && { start: snap.bout.start, sittingMs: Math.max(0, snap.bout.sittingMs + Math.max(0, now.mono - this.lastMono)) };
    const date = localDate(now.wall, zone);
    const open = bout && { start: bout.start, end: bout.start + bout.sittingMs };
    const { sittingMs: todaySittingMs, bouts: todayBouts } = todaySitting(this.opts.store.statsRows(date, date).days[0], open, now.wall, zone);
    const paused = snap.pausedUntil !== null && snap.pausedUntil > now.wall ? snap.pausedUntil : null;
    return {
      tracking: !this.stopped,
      bout,
      todaySittingMs,
      todayBouts,
      next: snap.next,
      pausedUntil: paused === Number.POSITIVE_INFINITY ? Number.MAX_SAFE_INTEGER : paused,
      openPrompt: this.openPrompt,
      locked: snap.locked,
      stretching: this.stretch ? { id: this.stretch.id, routineId: this.stretch.routineId, start: this.stretch.start } : null,
      standing: snap.standing && { start: snap.standing.start, standingMs: snap.standing.standingMs + Math.max(0, now.mono - this.lastMono) },
      held: heldForBusy(snap.held, snap.busy),
      idleSource: this.opts.idle.name,
      notifier: this.opts.notifier.name,
      at: now.wall,
    };
  }

  // ---- the loop ---------------------------------------------------------------

  private send(event: EngineEvent, at: Instant = this.opts.clock.now()): void {
    this.lastMono = Math.max(this.lastMono, at.mono);
    this.apply(this.engine.handle(event, at));
    // At once, not at the next reading: `sitwell stand` and a crash a few seconds later must not lose the standing.
    if (!this.stopped) this.checkpoint(at);
    this.schedule();
  }

  private onSession(type: 'lock' | 'unlock' | 'suspend' | 'resume' | 'shutdown'): void {
    if (this.stopped) return;
    this.verbose(`session: ${type}`);
    if (type === 'shutdown') {
      void this.stop();
      return;
    }
    this.send({ type });
  }

  private onNotificationAction(promptId: number, action: NotifierAction): void {
    if (this.stopped) return;
    // A click on an old notification is still an answer to whatever prompt is open now.
    this.verbose(`notification ${promptId}: ${action}`);
    if (action === 'snooze' || action === 'skip' || action === 'stand') this.answer(action);
    else this.emit({ type: action === 'open' ? 'open-prompt' : 'start-stretch' });
  }

  private async readIdle(): Promise<number | null> {
    try {
      this.readings += 1;
      const ms = await this.opts.idle.idleMs();
      if (this.failures > 0) this.log(`idle source ${this.opts.idle.name} works again`);
      this.failures = 0;
      return ms;
    } catch (e) {
      if (this.failures === 0) this.log(`idle source ${this.opts.idle.name} failed: ${(e as Error).message}; retrying with back-off`);
      this.failures += 1;
      return null;
    }
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    try {
      const idleMs = await this.readIdle();
      if (this.stopped) return;
      const busyNow = this.busyCheckDue() ? await this.readBusy() : null;
      if (this.stopped) return;
      // Stamped when the answer arrives: the sources measure idle time as they answer, not when asked.
      const now = this.opts.clock.now();
      // Busy is told as of the previous reading: a prompt falling due between then and now must meet it,
      // and the engine would fire that prompt first if told at `now`.
      const since = Math.max(0, now.mono - this.lastMono);
      const previous: Instant = { mono: now.mono - since, wall: now.wall - since };
      this.lastMono = Math.max(this.lastMono, now.mono);
      this.followZone();
      if (busyNow) this.applyBusy(busyNow, previous);
      // Without a reading nothing proves input, so timers still fire: a bout ends at its last known input.
      this.apply(idleMs === null ? this.engine.tick(now) : this.engine.observeIdle(idleMs, now));
      this.checkpoint(now);
    } finally {
      this.polling = false;
    }
    this.schedule();
  }

  /**
   * Busy is read at a wake where a prompt falls due, or while a reason is on or a prompt is held for
   * one (at least once a minute, see schedule(), or at a source's change signal): never while idle
   * with nothing due, so it costs no wakeups.
   */
  private busyCheckDue(): boolean {
    if (!this.opts.busy) return false;
    const snap = this.engine.snapshot();
    // An open prompt too: a call starting takes its notification off the screen (read at the minute's wake).
    if (snap.busy.length > 0 || snap.held?.reason.startsWith('busy:') || this.openPrompt !== null) return true;
    return snap.next !== null && snap.next.at <= this.opts.clock.now().wall + 1000;
  }

  private async readBusy(): Promise<ReadonlySet<BusyReason> | null> {
    try {
      return await this.opts.busy!.read();
    } catch (e) {
      this.log(`busy sources could not be read (${(e as Error).message}); counted as not busy`);
      return new Set();
    }
  }

  /** Tells the engine which reasons came on and which went off since it last heard. */
  private applyBusy(on: ReadonlySet<BusyReason>, now: Instant): void {
    const was = new Set(this.engine.snapshot().busy);
    for (const reason of BUSY_REASONS) {
      if (on.has(reason) && !was.has(reason)) {
        this.log(`busy: ${reason}`);
        this.apply(this.engine.handle({ type: 'busy', reason }, now));
        if (this.openPrompt) this.withdraw(this.openPrompt.id, reason);
      } else if (!on.has(reason) && was.has(reason)) {
        this.log(`no longer busy: ${reason}`);
        this.apply(this.engine.handle({ type: 'free', reason }, now));
      }
    }
  }

  /** Takes the open prompt's notification and window off the screen (busy began); the prompt itself stays open. */
  private withdraw(id: number, reason: BusyReason): void {
    void this.opts.notifier.closeBreak(id).catch(() => {});
    this.log(`break prompt withdrawn from the screen: busy ${reason}`);
    this.emit({ type: 'prompt-withdrawn', id });
  }

  /** A zone change (travel, the OS setting) moves work and quiet hours with it. */
  private followZone(): void {
    const zone = this.opts.zone();
    if (zone === this.zoneSeen) return;
    this.zoneSeen = zone;
    this.engine.setSettings(this.settings, hoursPolicy(this.settings, zone));
  }

  private checkpoint(now: Instant): void {
    const snap = this.engine.snapshot();
    // The engine has a bout or a standing period open, never both.
    const open = snap.bout ?? snap.standing;
    const standing = snap.bout ? {} : { standing: true as const };
    this.writes.writeCheckpoint(open ? { start: open.start, lastInput: open.lastInput, savedAt: now.wall, zone: this.opts.zone(), ...standing } : null);
    // What `sitwell status` shows from another process.
    const status: TrackerStatus = {
      pid: process.pid,
      updatedAt: now.wall,
      next: snap.next,
      pausedUntil: snap.pausedUntil === null ? null : Math.min(snap.pausedUntil, Number.MAX_SAFE_INTEGER),
      openPromptAt: this.openPrompt?.at ?? null,
      held: heldForBusy(snap.held, snap.busy),
      idleSource: this.opts.idle.name,
      notifier: this.opts.notifier.name,
    };
    this.writes.setState(TRACKER_STATUS_KEY, status);
  }

  /** Adaptive polling: wake when the idle gap could first reach minBreak, a prompt is due, or a checkpoint is owed. */
  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) this.timers.clearTimeout(this.timer);
    const now = this.opts.clock.now();
    const minute = Math.min(60_000, this.minuteMs);
    let delay: number;
    if (this.failures > 0) delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1));
    else {
      const wake = this.engine.nextWake();
      // In a bout: at least one reading a minute, so a crash loses at most a minute. Away: a reading a minute to notice the return.
      delay = wake === null ? minute : Math.min(minute, Math.max(0, wake - now.mono));
    }
    this.timer = this.timers.setTimeout(() => void this.poll(), Math.max(10, Math.ceil(delay)));
  }

  private apply(effects: Effect[]): void {
    // One step's writes land together: `sitwell status`, the window and a crash never see a bout
    // ended while the prompt it closed is still open.
    this.writes.batch(() => this.applyEach(effects));
    if (effects.length) this.emit({ type: 'state' });
  }

  private applyEach(effects: Effect[]): void {
    const { notifier } = this.opts;
    const zone = this.opts.zone();
    for (const e of effects) {
      switch (e.type) {
        case 'bout-started':
          this.log(`${e.restored ? 'continued' : 'started'} sitting bout at ${new Date(e.start).toISOString()}`);
          break;
        case 'bout-ended':
          if (e.recorded) this.writes.addBout({ ...e.bout, zone });
          this.writes.writeCheckpoint(null);
          this.log(`bout ended: ${(e.bout.durationMs / 60_000).toFixed(1)} min${e.recorded ? '' : ' (under a minute, not recorded)'}`);
          break;
        case 'prompt': {
          const outcome = firstOutcome(e);
          const ref = this.writes.addPrompt({ at: e.at, kind: e.kind, outcome, sittingMs: e.sittingMs, reason: e.shown ? null : e.reason, zone });
          if (!e.shown) {
            this.log(`${e.kind} prompt suppressed (${e.reason})`);
            break;
          }
          this.log(`${e.kind} prompt after ${Math.round(e.sittingMs / 60_000)} min of ${e.kind === 'move' ? 'standing' : 'sitting'}`);
          const t = notifyTranslator(this.opts.language?.() ?? 'en');
          if (e.kind === 'move') {
            // A light nudge like posture (DESIGN.md §7): no answer needed.
            void notifier.posture(movePromptText(e.sittingMs, t)).catch((err: Error) => this.log(`notification failed: ${err.message}`));
          } else if (e.kind === 'posture') {
            void notifier.posture(posturePromptText(e.sittingMs, t)).catch((err: Error) => this.log(`notification failed: ${err.message}`));
            this.emit({ type: 'posture', at: e.at });
          } else {
            // While the disk fails the row has no id yet: a negative stand-in (never a row id) names it meanwhile.
            const id = ref.id ?? -e.id;
            this.promptIds.set(e.id, { ref, id });
            this.openPrompt = { id, at: e.at, sittingMs: e.sittingMs };
            const offerStretch = this.stretchesAllowed(e.at);
            void notifier
              .breakPrompt({ ...breakPromptText(e.sittingMs, offerStretch, t, this.settings.movementMode), id, offerStretch, actionLabels: breakActionLabels(t) })
              .catch((err: Error) => this.log(`notification failed: ${err.message}`));
            this.emit({ type: 'break-prompt', prompt: this.openPrompt });
          }
          break;
        }
        case 'standing-started':
          this.log(`standing since ${new Date(e.start).toISOString()}`);
          break;
        case 'standing-ended':
          if (e.recorded) this.writes.addStanding({ ...e.period, zone });
          this.writes.writeCheckpoint(null);
          this.log(`standing ended: ${(e.period.durationMs / 60_000).toFixed(1)} min${e.recorded ? '' : ' (under a minute, not recorded)'}`);
          break;
        case 'prompt-closed': {
          const prompt = this.promptIds.get(e.id);
          if (prompt === undefined) break;
          this.promptIds.delete(e.id);
          const { id } = prompt;
          this.writes.setPromptOutcome(prompt.ref, e.outcome);
          if (this.openPrompt?.id === id) this.openPrompt = null;
          void notifier.closeBreak(id).catch(() => {});
          this.log(`break prompt ${e.outcome}`);
          this.emit({ type: 'prompt-closed', id });
          break;
        }
      }
    }
  }

  /** False for STRETCH_HOLD_DAYS after a check-in with a warning sign: the prompt then suggests walking or rest. */
  private stretchesAllowed(at: number): boolean {
    try {
      return stretchHold(this.opts.store.listCheckIns({ from: at - STRETCH_HOLD_DAYS * 86_400_000 }), at) === null;
    } catch {
      return false; // unreadable history: the cautious answer
    }
  }

  private emit(e: MonitorEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.log(`listener failed: ${(err as Error).message}`);
      }
    }
  }

  private verbose(line: string): void {
    if (this.opts.verbose) this.log(line);
  }
}
