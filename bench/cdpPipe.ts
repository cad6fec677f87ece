import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Headless Chromium driven over its DevTools pipe with nothing switched on but what is asked.
 * Playwright enables the Runtime, Network and Page domains on every page it opens. With them on,
 * Chromium records stack traces with line and column numbers (for every Error created, for each
 * request's initiator), and V8 re-parses the functions on the stack to find them: a trace showed
 * 20–25 ms of `V8.CollectSourcePositions` on the page's thread, most of it in React DOM's start-up,
 * which creates five sentinel Errors. No user pays that. Here a page is opened in its own browser
 * context with no domain enabled, and is asked for one value with bare `Runtime.evaluate` calls.
 */

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface PipeBrowser {
  /** Opens `url` at `width`×`height` in a fresh browser context (no cache, no cookies); resolves with the value of `expression`, polled every 50 ms, once it is neither -1 nor null. */
  load<T = number>(url: string, size: { width: number; height: number }, expression: string, timeoutMs?: number): Promise<T>;
  /**
   * The same with the Performance domain on, counting in thread time: also the CPU time the page's
   * main thread spent until the value came (Chromium's `ThreadTime`, in ms). Unlike the time on the
   * clock, it hardly grows when other processes share the cores. The domain costs a little of its
   * own, so these loads are not the ones timed on the clock.
   */
  loadWithCpu<T = number>(url: string, size: { width: number; height: number }, expression: string, timeoutMs?: number): Promise<{ value: T; mainThreadCpuMs: number }>;
  close(): Promise<void>;
}

export async function launchPipeBrowser(executable: string, args: string[]): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'sitwell-bench-chromium-'));
  const proc: ChildProcess = spawn(executable, ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...args, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  proc.on('error', (e) => (stderr += `\n${e.message}`)); // a failed spawn: reported by the 30 s wait below
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let buffered = '';
  // A write after Chromium has gone fails with EPIPE; its exit rejects every pending call instead.
  toBrowser.on('error', () => undefined);
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (d: string) => {
    buffered += d;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const msg = JSON.parse(buffered.slice(0, end)) as Reply;
      buffered = buffered.slice(end + 1);
      const waiter = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!waiter) continue; // events: none are enabled, but the browser may still send some
      pending.delete(msg.id!);
      if (msg.error) waiter.reject(new Error(`Chromium: ${msg.error.message}`));
      else waiter.resolve(msg.result ?? {});
    }
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => {
    for (const w of pending.values()) w.reject(new Error(`Chromium exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    pending.clear();
  });

  function send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  let timer: NodeJS.Timeout | undefined;
  const noAnswer = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${executable} did not answer on its DevTools pipe in 30 s: ${stderr.trim().slice(-500)}`)), 30_000);
  });
  try {
    await Promise.race([send('Browser.getVersion'), noAnswer]);
  } catch (e) {
    proc.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw e;
  } finally {
    clearTimeout(timer);
  }

  async function open<T>(url: string, size: { width: number; height: number }, expression: string, timeoutMs: number, cpu: boolean): Promise<{ value: T; mainThreadCpuMs: number }> {
    const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true });
    try {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      // The viewport as Playwright sets it (a window's own size would leave less room for the page).
      await send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: 1, mobile: false }, sessionId);
      if (cpu) await send('Performance.enable', { timeDomain: 'threadTicks' }, sessionId);
      await send('Page.navigate', { url }, sessionId);
      for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
        const r = await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId).catch((e: Error) => {
          // While the document is being replaced there is briefly no context to evaluate in.
          if (/execution context/i.test(e.message)) return {} as Record<string, unknown>;
          throw e;
        });
        if (r.exceptionDetails) throw new Error(`${url}: "${expression}" threw: ${JSON.stringify(r.exceptionDetails).slice(0, 300)}`);
        const value = (r.result as { value?: unknown } | undefined)?.value;
        if (value !== undefined && value !== null && value !== -1) {
          if (!cpu) return { value: value as T, mainThreadCpuMs: NaN };
          const { metrics } = (await send('Performance.getMetrics', {}, sessionId)) as { metrics: { name: string; value: number }[] };
          const thread = metrics.find((m) => m.name === 'ThreadTime');
          if (!thread) throw new Error('Chromium reported no ThreadTime metric');
          return { value: value as T, mainThreadCpuMs: thread.value * 1000 };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`${url}: "${expression}" stayed -1 for ${timeoutMs} ms`);
    } finally {
      await send('Target.disposeBrowserContext', { browserContextId });
    }
  }

  return {
    load: async <T>(url: string, size: { width: number; height: number }, expression: string, timeoutMs = 30_000) =>
      (await open<T>(url, size, expression, timeoutMs, false)).value,
    loadWithCpu: <T>(url: string, size: { width: number; height: number }, expression: string, timeoutMs = 30_000) => open<T>(url, size, expression, timeoutMs, true),
    async close() {
      send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
