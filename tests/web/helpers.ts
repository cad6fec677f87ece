import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBridgeHandlers, type BridgeDispatcher } from '../../main/app/bridge/handlers.js';
import { Monitor } from '../../main/app/monitor.js';
import { startWebServer, type WebServer } from '../../main/app/web/server.js';
import { systemClock } from '../../main/platform/clock.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { NullNotifier } from '../../main/platform/notifyNull.js';
import { openStore, type Store } from '../../main/store/index.js';

export const ZONE = 'Europe/Berlin';

/** A temp dir with a real SQLite history and a tiny renderer build (index.html + one asset) beside a file that must never be served. */
export function tempHome(): { dir: string; dbPath: string; staticDir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-web-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sitwell test page</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("sitwell");');
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-OUTSIDE-THE-APP');
  return { dir, dbPath: join(dir, 'history.db'), staticDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  store: Store;
  dispatcher: BridgeDispatcher;
  server: WebServer;
  base: string;
  token: string;
  port: number;
  home: ReturnType<typeof tempHome>;
  monitor: Monitor | null;
  close(): Promise<void>;
}

/**
 * A real store on a temp file, the real handlers and the real server. With `tracking`, a real
 * Monitor runs too, fed by the project's scripted idle source (always active: idle 0 ms) in
 * place of the OS's keyboard/mouse idle time, with settings minutes `minuteMs` long.
 */
export async function startHarness(opts: { tracking?: boolean; minuteMs?: number; heartbeatMs?: number } = {}): Promise<Harness> {
  const home = tempHome();
  const store = openStore(home.dbPath);
  let monitor: Monitor | null = null;
  if (opts.tracking) {
    monitor = new Monitor({
      store,
      clock: systemClock(),
      idle: createScriptedIdleSource(() => 0),
      notifier: new NullNotifier('tests', () => {}),
      zone: () => ZONE,
      minuteMs: opts.minuteMs ?? 60_000,
    });
    await monitor.start();
  }
  const dispatcher = createBridgeHandlers({ store, monitor, mode: 'web', dataPath: home.dbPath, version: '0.0.0-test', zone: () => ZONE });
  const server = await startWebServer({ dispatcher, staticDir: home.staticDir, heartbeatMs: opts.heartbeatMs });
  return {
    store,
    dispatcher,
    server,
    base: `http://127.0.0.1:${server.port}`,
    token: server.token,
    port: server.port,
    home,
    monitor,
    async close() {
      await server.close();
      await monitor?.stop();
      store.close();
      home.cleanup();
    },
  };
}

/** One bridge call over HTTP exactly as the browser client sends it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests dig into the JSON answers of every method
export async function callHttp(h: Pick<Harness, 'base' | 'token'>, method: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${h.base}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sitwell-token': h.token, ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: the caller checks */
  }
  return { status: res.status, body };
}

/**
 * A request with exactly the path and headers given (fetch would normalise "/../" away and
 * forbids setting Host), over node:http.
 */
export function rawRequest(
  port: number,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    host?: string;
    /** Keep sending body bytes until the server closes the connection (a client that never stops). */
    streamForever?: boolean;
  },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; socketClosed: boolean }> {
  return new Promise((resolve, reject) => {
    let socketClosed = false;
    let answered: { status: number; headers: Record<string, string | string[] | undefined>; body: string } | null = null;
    const done = () => {
      if (answered && (socketClosed || !opts.streamForever)) resolve({ ...answered, socketClosed });
    };
    const req = httpRequest(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          answered = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
          done();
        });
        res.on('error', reject);
      },
    );
    req.on('error', (e) => (opts.streamForever ? undefined : reject(e)));
    if (opts.streamForever)
      req.once('socket', (socket) =>
        socket.once('close', () => {
          socketClosed = true;
          done();
        }),
      );
    if (opts.streamForever) {
      // 64 KB every tick until the server hangs up; the test fails by timeout if it never does.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        if (socketClosed || req.destroyed) return;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    } else if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** Every table's full content and the settings, read through a separate connection: "did anything change?". */
export function dbSnapshot(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
      (t) => !t.startsWith('sqlite_'),
    );
    const out: Record<string, unknown> = {};
    for (const t of tables) {
      out[`${t}#count`] = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get();
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all();
    }
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

export function integrityCheck(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Resolves with the first `event:` block of an SSE stream that satisfies `pick`. */
export async function readEvents(
  res: Response,
  pick: (event: string, data: unknown) => boolean,
  timeoutMs = 5000,
): Promise<{ event: string; data: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timed out waiting for an event')), Math.max(1, deadline - Date.now()))),
      ]);
      if (chunk.done) throw new Error('event stream ended');
      buf += decoder.decode(chunk.value, { stream: true });
      let sep: number;
      while ((sep = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, sep);
        buf = buf.slice(sep + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) {
          const parsed = JSON.parse(data) as unknown;
          if (pick(event, parsed)) return { event, data: parsed };
        }
      }
    }
    throw new Error('timed out waiting for an event');
  } finally {
    reader.releaseLock();
  }
}
