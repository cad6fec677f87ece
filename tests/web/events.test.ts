import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeDispatcher } from '../../main/app/bridge/handlers.js';
import type { MonitorEvent } from '../../main/app/monitor.js';
import { startWebServer, type WebServer } from '../../main/app/web/server.js';
import { NowStateSchema } from '../../shared/bridgeSchemas.js';
import { callHttp, readEvents, startHarness, type Harness } from './helpers.js';

let h: Harness | null = null;
let extra: WebServer | null = null;
afterEach(async () => {
  await extra?.close();
  extra = null;
  await h?.close();
  h = null;
});

/** The real dispatcher, counting its live subscriptions. */
function counting(d: BridgeDispatcher): BridgeDispatcher & { live: () => number } {
  let live = 0;
  return {
    call: (m, i) => d.call(m, i),
    subscribe(listener) {
      live++;
      const off = d.subscribe(listener);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        live--;
        off();
      };
    },
    live: () => live,
  };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('event stream (SSE)', () => {
  it('sends the state on connect, then bridge events, and unsubscribes when the page goes away', async () => {
    h = await startHarness();
    const d = counting(h.dispatcher);
    extra = await startWebServer({ dispatcher: d, staticDir: h.home.staticDir });
    const base = `http://127.0.0.1:${extra.port}`;
    const ctl = new AbortController();
    const res = await fetch(`${base}/api/events?token=${extra.token}`, { signal: ctl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const first = await readEvents(res, () => true);
    expect(first.event).toBe('state');
    expect(NowStateSchema.parse(first.data).tracking).toBe(false);
    expect(d.live()).toBe(1);

    const settingsEvent = readEvents(res, (e) => e === 'settings');
    await callHttp({ base, token: extra.token }, 'updateSettings', { snoozeMinutes: 7 });
    expect(((await settingsEvent).data as { snoozeMinutes: number }).snoozeMinutes).toBe(7);

    ctl.abort();
    await until(() => d.live() === 0);
  });

  it('one monitor subscription serves many pages, and none is left after they close (no leak)', async () => {
    h = await startHarness({ tracking: true });
    const monitor = h.monitor!;
    // Count the monitor's own listeners through its real `on`.
    let monitorListeners = 0;
    const on = monitor.on.bind(monitor);
    monitor.on = (l: (e: MonitorEvent) => void) => {
      monitorListeners++;
      const off = on(l);
      return () => {
        monitorListeners--;
        off();
      };
    };
    const d = counting(h.dispatcher);
    extra = await startWebServer({ dispatcher: d, staticDir: h.home.staticDir });
    const url = `http://127.0.0.1:${extra.port}/api/events?token=${extra.token}`;

    const pages = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const ctl = new AbortController();
        const res = await fetch(url, { signal: ctl.signal });
        const first = await readEvents(res, () => true);
        expect(first.event).toBe('state');
        expect(NowStateSchema.parse(first.data).tracking).toBe(true);
        return ctl;
      }),
    );
    expect(d.live()).toBe(5);
    expect(monitorListeners).toBe(1);
    for (const p of pages) p.abort();
    await until(() => d.live() === 0);
    expect(monitorListeners).toBe(0);

    // Many short-lived pages: opened and dropped at once.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const ctl = new AbortController();
          const res = await fetch(url, { signal: ctl.signal });
          await res.body!.getReader().read();
          ctl.abort();
        }),
      );
    }
    await until(() => d.live() === 0);
    expect(monitorListeners).toBe(0);
  });

  it('sends heartbeats, refuses streams past the limit, and ends every stream on close', async () => {
    h = await startHarness();
    const d = counting(h.dispatcher);
    extra = await startWebServer({ dispatcher: d, staticDir: h.home.staticDir, heartbeatMs: 30, maxEventStreams: 3 });
    const url = `http://127.0.0.1:${extra.port}/api/events?token=${extra.token}`;
    const streams = await Promise.all([fetch(url), fetch(url), fetch(url)]);
    await until(() => d.live() === 3);
    const fourth = await fetch(url);
    expect(fourth.status).toBe(503);
    expect(await fourth.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    const reader = streams[0]!.body!.getReader();
    let text = '';
    const deadline = Date.now() + 2000;
    while (!text.includes(': keep-alive') && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(': keep-alive');

    await extra.close();
    extra = null;
    expect(d.live()).toBe(0);
    // The client sees its stream end.
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
