import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { forwardEvents, isAppUrl, makeIpcHandler, makeTrustedSenderCheck, type IpcSenderLike } from '../../main/electron/ipc.js';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';
import { startAppCore, waitFor, type AppCore } from './support/appCore.js';

const INDEX = pathToFileURL('/opt/Sitwell/resources/app.asar/dist/renderer/index.html').href;
const origins = { indexUrl: INDEX };
const OUR_ID = 7;

/** A stand-in for Electron's IpcMainInvokeEvent. */
const event = (url: string | null, senderId = OUR_ID, parent: unknown = null): IpcSenderLike => ({
  senderFrame: url === null ? null : { url, parent },
  sender: { id: senderId },
});

describe('isAppUrl', () => {
  it('accepts our index.html with any route, nothing else', () => {
    expect(isAppUrl(INDEX, origins)).toBe(true);
    expect(isAppUrl(`${INDEX}#/prompt`, origins)).toBe(true);
    expect(isAppUrl(`${INDEX}?x=1`, origins)).toBe(false);
    expect(isAppUrl(pathToFileURL('/opt/Sitwell/resources/app.asar/dist/renderer/other.html').href, origins)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', origins)).toBe(false);
    expect(isAppUrl('file://evil.example/opt/Sitwell/resources/app.asar/dist/renderer/index.html', origins)).toBe(false);
    expect(isAppUrl('https://example.com/', origins)).toBe(false);
    expect(isAppUrl('data:text/html,<p>hi', origins)).toBe(false);
    expect(isAppUrl('not a url', origins)).toBe(false);
  });

  it('accepts the dev server only when one is configured, by exact origin', () => {
    const dev = { ...origins, devServerUrl: 'http://127.0.0.1:5173' };
    expect(isAppUrl('http://127.0.0.1:5173/#/stats', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', origins)).toBe(false);
  });
});

let core: AppCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('IPC handler (stand-in IpcMainInvokeEvent; real handlers and SQLite)', () => {
  const trusted = makeTrustedSenderCheck(origins, () => new Set([OUR_ID]));

  it('serves our window: getNow and a settings update reach the real store', async () => {
    core = await startAppCore();
    const handle = makeIpcHandler(core.dispatcher, trusted);
    const now = await handle(event(`${INDEX}#/now`), 'getNow', {});
    expect(now).toMatchObject({ ok: true, value: { tracking: true } });
    const upd = await handle(event(`${INDEX}#/settings`), 'updateSettings', { sitLimitMinutes: 45 });
    expect(upd).toMatchObject({ ok: true, value: { sitLimitMinutes: 45 } });
    expect(core.store.getSettings().sitLimitMinutes).toBe(45);
  });

  it('refuses foreign frames, subframes, other webContents and closed frames, and writes nothing', async () => {
    core = await startAppCore();
    const lines: string[] = [];
    const handle = makeIpcHandler(core.dispatcher, trusted, (l) => lines.push(l));
    const bad = [
      event('https://evil.example/'),
      event('file:///tmp/other.html'),
      event(`${INDEX}#/now`, 99), // not one of our windows
      event(`${INDEX}#/now`, OUR_ID, { url: INDEX }), // a subframe
      event(null), // navigated away or destroyed
    ];
    for (const e of bad) {
      const r = await handle(e, 'updateSettings', { sitLimitMinutes: 5 });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.store.getSettings().sitLimitMinutes).toBe(30);
    expect(lines).toHaveLength(bad.length);
    expect(lines[0]).toContain('refused IPC updateSettings from https://evil.example/');
  });

  it('validates the method and the input through the dispatcher', async () => {
    core = await startAppCore();
    const handle = makeIpcHandler(core.dispatcher, trusted);
    const ok = event(INDEX);
    expect(await handle(ok, 'deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle(ok, { toString: () => 'getNow' }, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle(ok, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const bad = await handle(ok, 'updateSettings', { sitLimitMinutes: 'thirty' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'sitLimitMinutes' } });
    const extra = await handle(ok, 'answerPrompt', { action: 'skip', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const polluted = await handle(ok, 'updateSettings', JSON.parse('{"__proto__":{"polluted":1},"sitLimitMinutes":20}'));
    expect(polluted.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(core.store.getSettings().sitLimitMinutes).toBe(30);
  });

  it('turns a throwing dispatcher or sender check into a typed error, never a rejection', async () => {
    const handle = makeIpcHandler({ call: async () => Promise.reject(new Error('boom')) }, () => true, () => {});
    expect(await handle(event(INDEX), 'getNow', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const throwingCheck = makeIpcHandler({ call: async () => ({ ok: true, value: 1 }) }, () => {
      throw new Error('frame gone');
    });
    expect(await throwingCheck(event(INDEX), 'getNow', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards monitor events to live windows only, and stops on unsubscribe', async () => {
    core = await startAppCore();
    const sent: unknown[][] = [];
    const live = { send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false };
    const dead = { send: () => sent.push(['dead']), isDestroyed: () => true };
    const off = forwardEvents(core.dispatcher, () => [live, dead]);
    await core.dispatcher.call('updateSettings', { sitLimitMinutes: 40 });
    await waitFor('a settings event', () => sent.length > 0);
    expect(sent.every((a) => a[0] === IPC_CHANNELS.event)).toBe(true);
    expect(sent.find((a) => a[1] === 'settings')?.[2]).toMatchObject({ sitLimitMinutes: 40 });
    expect(sent.some((a) => a[0] === 'dead')).toBe(false);
    off();
    const n = sent.length;
    await core.dispatcher.call('updateSettings', { sitLimitMinutes: 50 });
    expect(sent.length).toBe(n);
  });

  it('derives both channel names from one prefix', () => {
    expect(IPC_CHANNELS).toEqual({ call: 'sitwell:call', event: 'sitwell:event' });
  });
});
