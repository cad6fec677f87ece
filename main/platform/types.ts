import type { BusyReason } from '../../shared/domain.js';

/**
 * The ports between the OS and the rest of Sitwell. Each mechanism (xprintidle, Mutter over D-Bus,
 * logind, freedesktop Notifications, ...) lives in its own file and implements one of these.
 */

/** Time since the last keyboard/mouse input of the user's session. */
export interface IdleSource {
  /** Stable, human-readable mechanism name, e.g. "x11-xprintidle"; used in logs, doctor and error messages. */
  readonly name: string;
  /** Milliseconds since the last input. Rejects with an Error whose message says what went wrong; never resolves a made-up 0. */
  idleMs(): Promise<number>;
  /** The counter's step in ms when coarser than a millisecond (powerMonitor counts whole seconds: 1000). */
  readonly resolutionMs?: number;
  /** Releases a bus connection or helper process, if the source holds one. */
  close?(): void;
}

export type SessionEventType = 'lock' | 'unlock' | 'suspend' | 'resume' | 'shutdown';

export interface SessionEvent {
  type: SessionEventType;
  /** The mechanism that saw it ("logind", "screensaver"); for logs. */
  source?: string;
}

/** Screen lock and system sleep as they happen. */
export interface SessionEvents {
  /** Returns the unsubscribe function. */
  on(listener: (e: SessionEvent) => void): () => void;
  close(): Promise<void>;
}

/** What one probe of one mechanism found: `why` explains a failure, or says what was found when it worked. */
export interface Probe {
  name: string;
  ok: boolean;
  why: string;
}

export type NotifierAction = 'start-stretch' | 'stand' | 'snooze' | 'skip' | 'open';

export interface NotifierActionEvent {
  promptId: number;
  /** 'open' means the user clicked the notification body: show the prompt window. */
  action: NotifierAction;
}

/**
 * Desktop notifications. Sending never rejects: a missing or vanished notification service is
 * reported through the notifier's warn callback and the caller keeps tracking.
 */
export interface BreakPromptNotice {
  title: string;
  body: string;
  id: number;
  offerStretch?: boolean;
  /** The buttons' words by action key, in the notification's language; English (BREAK_ACTIONS) where absent. */
  actionLabels?: Readonly<Record<string, string>>;
}

export interface Notifier {
  readonly name: string;
  /** True when the break prompt carries Start stretch / Snooze / Skip buttons; false: a click only opens the prompt. */
  readonly supportsActions: boolean;
  /** A light nudge with no answer (low urgency). Replaces the previous posture notification. */
  posture(text: { title: string; body: string }): Promise<void>;
  /**
   * The break prompt for engine prompt `id`. Replaces the previous break notification instead of stacking.
   * `offerStretch: false` (stretches on hold after a warning sign) leaves out the Start stretch button.
   */
  breakPrompt(p: BreakPromptNotice): Promise<void>;
  /** Withdraws the break notification of prompt `id` (answered elsewhere, repeated, or its bout ended). */
  closeBreak(id: number): Promise<void>;
  /** Returns the unsubscribe function. */
  onAction(listener: (a: NotifierActionEvent) => void): () => void;
  close(): Promise<void>;
}

/** What one reading of a busy source found; `detail` says what was seen ("show-banners is false", "parecord is recording"). */
export interface BusyReading {
  busy: boolean;
  detail: string;
}

/**
 * One way of telling that the user must not be interrupted (DESIGN.md §6): Do Not Disturb, a fullscreen
 * window, a call, a listed app, a calendar event. Read only when a prompt is due or held, never polled.
 */
export interface BusySource {
  /** Stable mechanism name, e.g. "dnd-dunst-paused"; used in logs and doctor. */
  readonly name: string;
  readonly reason: BusyReason;
  /** Rejects with an Error saying why the mechanism does not work here (not running, not installed, unreadable). */
  check(): Promise<BusyReading>;
  /** Calls `onChange` when the state may have changed (D-Bus PropertiesChanged, a dconf write); resolves with the unsubscribe. */
  watch?(onChange: () => void): Promise<() => void>;
  /** Releases a bus connection, if the source holds one. */
  close(): void;
}

/** Where warnings go (default: one line on stderr). */
export type Warn = (message: string) => void;

export const warnToStderr: Warn = (message) => {
  process.stderr.write(`sitwell: ${message}\n`);
};
