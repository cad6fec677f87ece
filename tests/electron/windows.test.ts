import { afterEach, describe, expect, it } from 'vitest';
import { wireShell } from '../../main/electron/shellEvents.js';
import { WindowManager, type AppView, type WindowFactory, type WindowKind, type WindowLike } from '../../main/electron/windows.js';
import { startAppCore, waitFor, type AppCore } from './support/appCore.js';

/** A stand-in for BrowserWindow: records what was done to it. */
class StandInWindow implements WindowLike {
  static nextId = 1;
  readonly contentsId = StandInWindow.nextId++;
  readonly log: string[] = [];
  private destroyed = false;
  private closedListeners: (() => void)[] = [];
  constructor(
    readonly kind: WindowKind,
    private current: AppView | string,
  ) {}
  navigate(v: AppView) {
    this.current = v;
    this.log.push(`navigate ${v}`);
  }
  view() {
    return this.current;
  }
  reveal(mode: 'active' | 'inactive') {
    this.log.push(`reveal ${mode}`);
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.log.push('destroy');
    this.closedListeners.forEach((l) => l());
  }
  isDestroyed() {
    return this.destroyed;
  }
  onClosed(l: () => void) {
    this.closedListeners.push(l);
  }
  send(channel: string) {
    this.log.push(`send ${channel}`);
  }
  /** The user clicks the window's close button. */
  userCloses() {
    this.destroy();
  }
}

function factory() {
  const made: StandInWindow[] = [];
  const f: WindowFactory = {
    create(kind, view) {
      const w = new StandInWindow(kind, view);
      made.push(w);
      return w;
    },
  };
  return { f, made };
}

describe('WindowManager (stand-in BrowserWindow factory)', () => {
  it('creates the prompt window once, reuses it for a repeated prompt, and never takes focus', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    wm.showPrompt();
    wm.showPrompt();
    wm.showPrompt();
    expect(made).toHaveLength(1);
    expect(wm.created.prompt).toBe(1);
    expect(made[0]!.log).toEqual(['reveal inactive', 'reveal inactive', 'reveal inactive']);
  });

  it('destroys the prompt window when the prompt closes, and builds a fresh one next time', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    wm.showPrompt();
    wm.closePrompt();
    expect(made[0]!.isDestroyed()).toBe(true);
    expect(wm.isOpen('prompt')).toBe(false);
    wm.showPrompt();
    expect(made).toHaveLength(2);
    expect(wm.windows()).toEqual([made[1]]);
  });

  it('leaves the prompt window alone when the user moved on to the stretch player inside it', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    wm.showPrompt();
    made[0]!.navigate('stretch');
    wm.closePrompt();
    expect(made[0]!.isDestroyed()).toBe(false);
  });

  it('reuses the main window, navigating and focusing it; a closed one is rebuilt on demand', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    wm.open('stats');
    wm.open('settings');
    wm.open('settings');
    expect(made).toHaveLength(1);
    expect(made[0]!.log).toEqual(['reveal active', 'navigate settings', 'reveal active', 'reveal active']);
    made[0]!.userCloses();
    expect(wm.isOpen('main')).toBe(false);
    expect(wm.windows()).toEqual([]);
    wm.focus();
    expect(made).toHaveLength(2);
    expect(made[1]!.view()).toBe('now');
  });

  it('hide destroys: nothing stays alive in the background', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    wm.open('now');
    wm.showPrompt();
    expect(wm.contentsIds()).toEqual(new Set([made[0]!.contentsId, made[1]!.contentsId]));
    wm.hide('main');
    wm.destroyAll();
    expect(made.every((w) => w.isDestroyed())).toBe(true);
    expect(wm.contentsIds().size).toBe(0);
  });
});

let core: AppCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('break prompt window driven by the real Monitor (stand-in BrowserWindow; real handlers and SQLite)', () => {
  it('opens one window when the prompt falls due, keeps it through repeats, and closes it when answered', async () => {
    // A settings minute lasts 250 ms: the 1-minute limit falls due 250 ms into the bout, and a
    // break needs 500 ms without input (long enough that a busy event loop is not mistaken for one).
    core = await startAppCore({ minuteMs: 250, settings: { sitLimitMinutes: 1, snoozeMinutes: 1, postureEnabled: false } });
    const { f, made } = factory();
    const wm = new WindowManager(f);
    let refreshes = 0;
    const unwire = wireShell(core.monitor, wm, { refresh: () => refreshes++ });

    await waitFor('the break prompt window', () => wm.isOpen('prompt'));
    const prompt = made[0]!;
    expect(prompt.kind).toBe('prompt');
    expect(prompt.view()).toBe('prompt');
    // Unanswered, the prompt repeats every snooze interval: the same window is reused.
    await waitFor('a repeated prompt', () => core!.store.listPrompts().filter((p) => p.kind === 'break').length >= 2);
    await waitFor('the repeat reaching the window', () => prompt.log.filter((l) => l === 'reveal inactive').length >= 2);
    expect(made.filter((w) => w.kind === 'prompt')).toHaveLength(1);

    const res = await core.dispatcher.call('answerPrompt', { action: 'snooze' });
    expect(res).toEqual({ ok: true, value: { answered: true } });
    await waitFor('the prompt window to go', () => prompt.isDestroyed());
    expect(wm.isOpen('prompt')).toBe(false);
    const breaks = core.store.listPrompts().filter((p) => p.kind === 'break');
    expect(breaks.at(-1)!.outcome).toBe('snoozed');
    expect(breaks.slice(0, -1).every((p) => p.outcome === 'unanswered')).toBe(true);
    expect(refreshes).toBeGreaterThan(0);
    unwire();
  });

  it('a notification click opens the prompt with focus, or the stretch view', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    const listeners: ((e: Parameters<Parameters<AppCore['monitor']['on']>[0]>[0]) => void)[] = [];
    wireShell({ on: (l) => (listeners.push(l), () => {}) }, wm, { refresh: () => {} });
    listeners[0]!({ type: 'open-prompt' });
    listeners[0]!({ type: 'start-stretch' });
    expect(made.map((w) => `${w.kind}:${w.view()}`)).toEqual(['prompt:prompt', 'main:stretch']);
    expect(made[0]!.log).toEqual(['reveal active']);
  });

  it('busy beginning while the prompt window is up (a call, a shared screen) takes the window down', () => {
    const { f, made } = factory();
    const wm = new WindowManager(f);
    const listeners: ((e: Parameters<Parameters<AppCore['monitor']['on']>[0]>[0]) => void)[] = [];
    wireShell({ on: (l) => (listeners.push(l), () => {}) }, wm, { refresh: () => {} });
    listeners[0]!({ type: 'break-prompt', prompt: { id: 7, at: 1, sittingMs: 30 * 60_000 } });
    expect(wm.isOpen('prompt')).toBe(true);
    listeners[0]!({ type: 'prompt-withdrawn', id: 6 }); // not the one on screen
    expect(wm.isOpen('prompt')).toBe(true);
    listeners[0]!({ type: 'prompt-withdrawn', id: 7 });
    expect(wm.isOpen('prompt')).toBe(false);
    expect(made[0]!.isDestroyed()).toBe(true);
  });
});
