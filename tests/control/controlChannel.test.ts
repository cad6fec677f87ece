import { spawn } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../main/app/bridge/handlers.js';
import { callTracker } from '../../main/app/control/controlClient.js';
import { startControlServer, type ControlServer } from '../../main/app/control/controlServer.js';
import { MAX_LINE_BYTES } from '../../main/app/control/protocol.js';
import { Monitor } from '../../main/app/monitor.js';
import { systemClock } from '../../main/platform/clock.js';
import { controlAddress, type ControlAddress } from '../../main/platform/controlPath.js';
import { ControlChannelError, probeControlChannel } from '../../main/platform/controlSocket.js';
import { createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { NullNotifier } from '../../main/platform/notifyNull.js';
import { openStore, type Store } from '../../main/store/index.js';

/**
 * The local control channel over a real Unix socket, in front of the real bridge handlers, a real
 * SQLite history and (where tracking) a real Monitor fed by the project's scripted idle source.
 */

const ZONE = 'Europe/Berlin';
let dir: string;
let store: Store;
let address: ControlAddress;
let monitor: Monitor | null;
let server: ControlServer | null;

async function start(tracking: boolean, extra: Partial<Parameters<typeof startControlServer>[0]> = {}): Promise<void> {
  if (tracking) {
    monitor = new Monitor({ store, clock: systemClock(), idle: createScriptedIdleSource(() => 0), notifier: new NullNotifier('tests', () => {}), zone: () => ZONE });
    await monitor.start();
  }
  const dispatcher = createBridgeHandlers({ store, monitor, mode: 'web', dataPath: store.path, version: '0.0.0-test', zone: () => ZONE });
  server = await startControlServer({ address, dispatcher: () => dispatcher, ...extra });
}

/** Sends raw bytes and collects every answer line until the server closes or `lines` arrived. */
function raw(payload: string | Buffer, lines = 1): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ path: address.path });
    let text = '';
    const done = () => {
      s.destroy();
      resolve(text.split('\n').filter(Boolean));
    };
    s.on('data', (d) => {
      text += d.toString();
      if (text.split('\n').filter(Boolean).length >= lines) done();
    });
    s.on('close', done);
    s.on('error', reject);
    s.write(payload);
  });
}

/** A tracker killed with SIGKILL leaves its socket file behind with nobody listening. */
async function leaveStaleSocket(): Promise<void> {
  mkdirSync(address.dir!, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(address.path)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
  expect(lstatSync(address.path).isSocket()).toBe(true);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitwell-control-'));
  store = openStore(join(dir, 'history.db'));
  address = controlAddress(store.path, { env: { XDG_RUNTIME_DIR: join(dir, 'run') } });
  monitor = null;
  server = null;
});

afterEach(async () => {
  await server?.close();
  await monitor?.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the control channel on a Unix socket', () => {
  it('lives in a 0700 directory as a 0600 socket, and its file is gone once closed', async () => {
    await start(false);
    expect(lstatSync(address.path).isSocket()).toBe(true);
    expect(statSync(address.dir!).mode & 0o777).toBe(0o700);
    expect(statSync(address.path).mode & 0o777).toBe(0o600);
    await server!.close();
    server = null;
    expect(() => lstatSync(address.path)).toThrow(/ENOENT/);
  });

  it('answers a bridge call with the same result as the window gets', async () => {
    await start(true);
    const t0 = Date.now();
    const paused = await callTracker(address, 'pause', { minutes: 30 });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(paused).toMatchObject({ kind: 'answered', result: { ok: true } });
    const now = await callTracker(address, 'getNow');
    if (now.kind !== 'answered' || !now.result.ok) throw new Error(JSON.stringify(now));
    expect((now.result.value as { pausedUntil: number }).pausedUntil).toBeGreaterThan(t0 + 29 * 60_000);
    // The pause is the tracker's: it is in its history as the window's pause would be.
    expect(store.getState('pausedUntil') as number).toBeGreaterThan(t0);
    expect(await callTracker(address, 'resume')).toMatchObject({ kind: 'answered', result: { ok: true, value: { pausedUntil: null } } });
  });

  it('validates input with the bridge schemas and names the field at fault', async () => {
    await start(true);
    const r = await callTracker(address, 'pause', { minutes: -5 });
    expect(r).toMatchObject({ kind: 'answered', result: { ok: false, error: { code: 'invalid-request', field: 'minutes' } } });
    const extra = await callTracker(address, 'getNow', { sneaky: 1 });
    expect(extra).toMatchObject({ kind: 'answered', result: { ok: false, error: { code: 'invalid-request', field: 'sneaky' } } });
    expect(store.getState('pausedUntil')).toBeNull();
  });

  it('says when this process only shows history and cannot act', async () => {
    await start(false);
    expect(await callTracker(address, 'pause', {})).toMatchObject({ kind: 'answered', result: { ok: false, error: { code: 'unavailable' } } });
  });

  it('refuses methods it does not offer, unknown methods and malformed lines, and keeps serving', async () => {
    await start(true);
    expect(await callTracker(address, 'deleteAllData', { confirm: 'DELETE' })).toMatchObject({ kind: 'answered', result: { ok: false, error: { code: 'forbidden' } } });
    const answers = await raw('not json\n{"method":"nope"}\n[1]\n{"input":{}}\n{"method":"getNow","input":{"__proto__":{"x":1}}}\n', 5);
    expect(answers.map((a) => JSON.parse(a).error.code)).toEqual(['invalid-request', 'unknown-method', 'invalid-request', 'invalid-request', 'invalid-request']);
    expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'answered', result: { ok: true } });
  });

  it('answers several requests on one connection in order', async () => {
    await start(true);
    const answers = await raw('{"method":"pause","input":{"minutes":5}}\n{"method":"getNow"}\n{"method":"resume"}\n', 3);
    expect(answers.map((a) => JSON.parse(a).ok)).toEqual([true, true, true]);
    expect(JSON.parse(answers[1]!).value.pausedUntil).not.toBeNull();
  });

  it('drops an overlong request without buffering it, and a silent client after its timeout', async () => {
    await start(true, { idleTimeoutMs: 300 });
    const [answer] = await raw(Buffer.alloc(MAX_LINE_BYTES + 10, 'a'));
    expect(JSON.parse(answer!).error.message).toMatch(/too long/);
    const t0 = Date.now();
    expect(await raw('')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('with no tracker says so, whether there is no socket or one left by a killed tracker', async () => {
    expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'no-tracker', why: expect.stringMatching(/no control socket/) });
    await leaveStaleSocket();
    expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'no-tracker', why: expect.stringMatching(/nothing listens/) });
  });

  it('replaces a stale socket left by a killed tracker, and refuses to replace anything else', async () => {
    await leaveStaleSocket();
    await start(false);
    expect(await callTracker(address, 'getNow')).toMatchObject({ kind: 'answered' });
    await server!.close();
    server = null;
    writeFileSync(address.path, 'not a socket');
    await expect(start(false)).rejects.toThrow(/is not a socket/);
  });

  it('tells `sitwell doctor` whether a tracker listens, and what is wrong with a directory others can enter', async () => {
    expect(await probeControlChannel(address)).toMatchObject({ ok: true, why: expect.stringMatching(/^no tracker running/) });
    await start(false);
    expect(await probeControlChannel(address)).toMatchObject({ ok: true, why: `a tracker listens at ${address.path}` });
    chmodSync(address.dir!, 0o777);
    expect(await probeControlChannel(address)).toMatchObject({ ok: false, why: expect.stringMatching(/open to other users \(mode 777\)/) });
    chmodSync(address.dir!, 0o700);
  });

  it('closes a directory it owns that others could enter, and refuses a symlink or one that is open on the client side', async () => {
    mkdirSync(address.dir!, { recursive: true, mode: 0o755 });
    chmodSync(address.dir!, 0o755);
    await start(false);
    expect(statSync(address.dir!).mode & 0o777).toBe(0o700);
    chmodSync(address.dir!, 0o755);
    await expect(callTracker(address, 'getNow')).rejects.toThrow(ControlChannelError);
    await expect(callTracker(address, 'getNow')).rejects.toThrow(/open to other users/);
    chmodSync(address.dir!, 0o700);
    await server!.close();
    server = null;

    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    const linked: ControlAddress = { dir: join(dir, 'linked'), path: join(dir, 'linked', 'c.sock') };
    symlinkSync(elsewhere, linked.dir!);
    address = linked;
    await expect(start(false)).rejects.toThrow(/not one \(or is a symlink\)/);
  });
});

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.log('control channel ownership test skipped: giving a directory to another user needs root');

describe.skipIf(!isRoot)('the control channel and other users', () => {
  it("refuses a directory or socket that belongs to another user, on both sides", async () => {
    mkdirSync(address.dir!, { recursive: true, mode: 0o700 });
    chownSync(address.dir!, 4321, 4321);
    await expect(start(false)).rejects.toThrow(/belongs to user 4321, not to you/);
    await expect(callTracker(address, 'getNow')).rejects.toThrow(/belongs to user 4321/);
    chownSync(address.dir!, 0, 0);
    await start(false);
    chownSync(address.path, 4321, 4321);
    await expect(callTracker(address, 'getNow')).rejects.toThrow(/belongs to user 4321/);
  });
});
