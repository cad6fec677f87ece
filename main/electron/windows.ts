/**
 * Which windows exist and when. No Electron here: windows come from a factory (BrowserWindow in
 * the app, a stand-in in tests). Nothing is kept alive while hidden: a hidden or closed window is
 * destroyed and the next request builds a new one, so the app idles in the tray with no renderer.
 */

/** The renderer's hash routes (renderer/lib/route.ts VIEWS). */
export type AppView = 'now' | 'prompt' | 'stretch' | 'stats' | 'settings' | 'checkin';
/** A view or a page inside one (`stretch/play/seated-2`: the tray's "Start stretch"). */
export type AppPage = AppView | `${AppView}/${string}`;

/** 'main': the ordinary window (statistics, settings…); 'prompt': the small always-on-top break prompt. */
export type WindowKind = 'main' | 'prompt';

export interface WindowLike {
  /** The webContents id, which IPC events carry as sender.id. */
  readonly contentsId: number;
  /** Shows `#/page` (a hash change inside the loaded page, no reload). */
  navigate(page: AppPage): void;
  /** The view shown now (from the page's hash). */
  view(): AppView | string;
  /** 'active' takes focus; 'inactive' appears without taking keyboard focus. Waits for the first paint. */
  reveal(mode: 'active' | 'inactive'): void;
  destroy(): void;
  isDestroyed(): boolean;
  /** Called once when the window is gone (closed by the user or destroyed). */
  onClosed(listener: () => void): void;
  /** Delivers a bridge event to the page (webContents.send). */
  send(channel: string, ...args: unknown[]): void;
}

export interface WindowFactory {
  create(kind: WindowKind, page: AppPage): WindowLike;
}

export class WindowManager {
  private main: WindowLike | null = null;
  private prompt: WindowLike | null = null;
  /** How many windows were built, per kind (tests and the benchmark read it). */
  readonly created: Record<WindowKind, number> = { main: 0, prompt: 0 };

  constructor(private readonly factory: WindowFactory) {}

  /** Opens the main window at `page`, reusing it if it is open, and gives it focus (tray clicks, second launch). */
  open(page: AppPage): void {
    const w = this.live('main');
    if (w) {
      // view() is the first segment only, so a page inside a view (a routine to play) is always navigated to.
      if (w.view() !== page) w.navigate(page);
      w.reveal('active');
      return;
    }
    this.main = this.build('main', page);
    this.main.reveal('active');
  }

  /** Brings the open main window forward, or opens `fallback` (a second launch of the app). */
  focus(fallback: AppView = 'now'): void {
    const w = this.live('main');
    if (w) w.reveal('active');
    else this.open(fallback);
  }

  /**
   * Shows the break prompt; 'inactive' (the default) leaves keyboard focus with whatever the user
   * is typing into. A repeated prompt reuses the window that is up instead of stacking a second one.
   */
  showPrompt(mode: 'active' | 'inactive' = 'inactive'): void {
    const w = this.live('prompt');
    if (w) {
      if (w.view() !== 'prompt') w.navigate('prompt');
      w.reveal(mode);
      return;
    }
    this.prompt = this.build('prompt', 'prompt');
    this.prompt.reveal(mode);
  }

  /**
   * The prompt was answered or its bout ended: destroy the window. If the user moved on inside it
   * (Start stretch switches the view to the stretch player), it stays until they close it.
   */
  closePrompt(): void {
    const w = this.live('prompt');
    if (!w || w.view() !== 'prompt') return;
    w.destroy();
    this.prompt = null;
  }

  /** The main window's user clicked close, or the app hides it: same thing, it is destroyed. */
  hide(kind: WindowKind): void {
    const w = this.live(kind);
    if (!w) return;
    w.destroy();
    if (kind === 'main') this.main = null;
    else this.prompt = null;
  }

  /** webContents ids of our live windows, for the IPC sender check. */
  contentsIds(): Set<number> {
    return new Set(this.windows().map((w) => w.contentsId));
  }

  windows(): WindowLike[] {
    return [this.live('main'), this.live('prompt')].filter((w): w is WindowLike => w !== null);
  }

  isOpen(kind: WindowKind): boolean {
    return this.live(kind) !== null;
  }

  destroyAll(): void {
    this.hide('prompt');
    this.hide('main');
  }

  private live(kind: WindowKind): WindowLike | null {
    const w = kind === 'main' ? this.main : this.prompt;
    if (w && w.isDestroyed()) {
      if (kind === 'main') this.main = null;
      else this.prompt = null;
      return null;
    }
    return w;
  }

  private build(kind: WindowKind, page: AppPage): WindowLike {
    const w = this.factory.create(kind, page);
    this.created[kind] += 1;
    w.onClosed(() => {
      if (kind === 'main' && this.main === w) this.main = null;
      if (kind === 'prompt' && this.prompt === w) this.prompt = null;
    });
    return w;
  }
}
