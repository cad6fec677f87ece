import { warnToStderr, type Notifier, type Warn } from './types.js';

/** Used when no notification mechanism works: tracking goes on, the user is told once why nothing pops up. */
export class NullNotifier implements Notifier {
  readonly name = 'none';
  readonly supportsActions = false;
  private warned = false;

  constructor(
    private readonly why: string,
    private readonly warn: Warn = warnToStderr,
  ) {}

  async posture(): Promise<void> {
    this.warnOnce();
  }

  async breakPrompt(): Promise<void> {
    this.warnOnce();
  }

  async closeBreak(): Promise<void> {}

  onAction(): () => void {
    return () => {};
  }

  async close(): Promise<void> {}

  private warnOnce(): void {
    if (this.warned) return;
    this.warned = true;
    this.warn(`no notifications can be shown (${this.why}); Sitwell keeps tracking your sitting`);
  }
}
