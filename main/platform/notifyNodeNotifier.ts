import nodeNotifier from 'node-notifier';
import { Listeners } from './listeners.js';
import { warnToStderr, type BreakPromptNotice, type Notifier, type NotifierActionEvent, type Warn } from './types.js';

type Send = (options: { title: string; message: string; wait: boolean; icon?: string }, callback: (err: Error | null, response: string) => void) => void;

/**
 * node-notifier: Notification Center on macOS, toasts on Windows, notify-send on Linux. No action buttons
 * anywhere (its macOS/Windows action support is unreliable and notify-send gets none): on macOS and
 * Windows a click on the break notification emits 'open' so the caller shows the prompt window; on Linux
 * there is no click callback at all. Note that node-notifier runs its helper with `process.env`, not the
 * env given to createNotifier. macOS/Windows paths are untested on real machines.
 */
export class NodeNotifierNotifier implements Notifier {
  readonly name: string;
  readonly supportsActions = false;
  private readonly listeners = new Listeners<NotifierActionEvent>();
  private warned = false;
  private closed = false;
  private readonly send: Send;
  private readonly warn: Warn;

  constructor(opts: { warn?: Warn; icon?: string; platform?: NodeJS.Platform; send?: Send } = {}) {
    const platform = opts.platform ?? process.platform;
    this.name = `node-notifier (${platform === 'darwin' ? 'Notification Center' : platform === 'win32' ? 'Windows toasts' : 'notify-send'})`;
    this.warn = opts.warn ?? warnToStderr;
    this.icon = opts.icon;
    this.send = opts.send ?? ((o, cb) => void nodeNotifier.notify(o, cb));
  }

  private readonly icon: string | undefined;

  posture(text: { title: string; body: string }): Promise<void> {
    return this.deliver(text.title, text.body, null);
  }

  breakPrompt(p: BreakPromptNotice): Promise<void> {
    return this.deliver(p.title, p.body, p.id);
  }

  /** node-notifier cannot withdraw a notification; it times out on its own. */
  async closeBreak(): Promise<void> {}

  onAction(listener: (a: NotifierActionEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  /** Resolves once the notification is handed over (or failed, with one warning); a later click is delivered through onAction. */
  private deliver(title: string, message: string, promptId: number | null): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      let settled = false;
      const done = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      try {
        this.send({ title, message, wait: promptId !== null, ...(this.icon ? { icon: this.icon } : {}) }, (err, response) => {
          if (err) this.warnOnce(`cannot show a notification through ${this.name}: ${err.message}`);
          else if (promptId !== null && !this.closed && /^activate|clicked$/.test(response ?? '')) this.listeners.emit({ promptId, action: 'open' });
          done();
        });
      } catch (e) {
        this.warnOnce(`cannot show a notification through ${this.name}: ${e instanceof Error ? e.message : String(e)}`);
        done();
      }
      // With wait:true the callback comes only after the user acts; do not hold the caller that long.
      setTimeout(done, 1500).unref();
    });
  }

  private warnOnce(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.warn(`${message}; Sitwell keeps tracking without notifications`);
  }
}
