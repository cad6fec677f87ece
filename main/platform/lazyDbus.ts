import { DbusConnection } from './dbusConnection.js';

/**
 * One session-bus connection opened on first use and reopened on the next use after it dropped, so a
 * restarted bus or service is picked up again. Concurrent first uses share one connection attempt.
 */
export class LazySessionConnection {
  private conn: DbusConnection | null = null;
  private connecting: Promise<DbusConnection> | null = null;
  private closed = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    /** Named in the error once closed, e.g. the source's name. */
    private readonly owner: string,
    private readonly timeoutMs?: number,
  ) {}

  async get(): Promise<DbusConnection> {
    if (this.closed) throw new Error(`${this.owner} was closed`);
    if (this.conn && !this.conn.closed) return this.conn;
    this.connecting ??= DbusConnection.open('session', this.env, this.timeoutMs).finally(() => {
      this.connecting = null;
    });
    const c = await this.connecting;
    if (this.closed) {
      c.close();
      throw new Error(`${this.owner} was closed`);
    }
    this.conn = c;
    return c;
  }

  close(): void {
    this.closed = true;
    this.conn?.close();
    this.conn = null;
  }
}
