/**
 * Real components that make a user busy, for the busy-source tests: a window manager (openbox) with a
 * window that can go fullscreen (xmessage + wmctrl), dconf-service on a private bus, and a PulseAudio
 * server with a null sink and a null source. Each is a child process of the test, ended by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, stopChild } from './desktop.js';

export const DCONF_SERVICE = ['/usr/libexec/dconf-service', '/usr/lib/dconf/dconf-service'];

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function spawnOwned(file: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string } {
  let err = '';
  const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.on('error', () => {});
  return { child, stderr: () => err };
}

/** openbox on the desktop's display; resolves once it manages windows (`wmctrl -m` answers). */
export async function startOpenbox(env: NodeJS.ProcessEnv): Promise<{ stop(): Promise<void> }> {
  const { child, stderr } = spawnOwned('openbox', ['--sm-disable'], env);
  await waitFor('openbox to manage the display', async () => {
    if (child.exitCode !== null) throw new Error(`openbox exited: ${stderr()}`);
    return /Name:\s*Openbox/i.test(await run('wmctrl', ['-m'], env));
  });
  return { stop: () => stopChild(child) };
}

/** An xmessage window titled `title`, focused; `fullscreen(on)` toggles its EWMH fullscreen state through wmctrl. */
export async function openWindow(env: NodeJS.ProcessEnv, title: string): Promise<{ fullscreen(on: boolean): Promise<void>; close(): Promise<void> }> {
  const { child } = spawnOwned('xmessage', ['-title', title, '-name', title, `busy test window ${title}`], env);
  await waitFor(`window "${title}"`, async () => (await run('wmctrl', ['-l'], env)).includes(title));
  await run('wmctrl', ['-a', title], env);
  const state = async () => run('xprop', ['-root', '_NET_ACTIVE_WINDOW'], env);
  await waitFor(`window "${title}" to take the focus`, async () => !/# 0x0\b/.test(await state()));
  return {
    async fullscreen(on) {
      await run('wmctrl', ['-r', title, '-b', `${on ? 'add' : 'remove'},fullscreen`], env);
    },
    close: () => stopChild(child),
  };
}

/** dconf-service on the bus of `env`, writing its database under `dir`; `write` is `dconf write`. */
export async function startDconf(env: NodeJS.ProcessEnv, dir: string, service: string): Promise<{ env: NodeJS.ProcessEnv; write(key: string, value: string): Promise<void>; stop(): Promise<void> }> {
  const config = join(dir, 'config');
  const runtime = join(dir, 'runtime');
  mkdirSync(config, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const denv = { ...env, XDG_CONFIG_HOME: config, XDG_RUNTIME_DIR: runtime };
  const { child, stderr } = spawnOwned(service, [], denv);
  await waitFor('dconf-service to own ca.desrt.dconf', async () => {
    if (child.exitCode !== null) throw new Error(`dconf-service exited: ${stderr()}`);
    return (await run('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:ca.desrt.dconf'], denv)).includes('true');
  });
  return {
    env: denv,
    async write(key, value) {
      await run('dconf', ['write', key, value], denv);
    },
    stop: () => stopChild(child),
  };
}

/** A private PulseAudio server (null sink + null source, no other modules) whose runtime files live in `dir`. */
export async function startPulse(dir: string): Promise<{ env: NodeJS.ProcessEnv; record(device?: string): Promise<{ stop(): Promise<void> }>; stop(): Promise<void> }> {
  const runtime = join(dir, 'pulse-runtime');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: runtime, PULSE_RUNTIME_PATH: join(runtime, 'pulse'), HOME: dir, PULSE_SERVER: undefined };
  delete env.PULSE_SERVER;
  // As root pulseaudio warns that it is not meant to run so, and runs.
  const { child, stderr } = spawnOwned(
    'pulseaudio',
    ['-n', '-F', '/dev/null', '--daemonize=no', '--exit-idle-time=-1', '--load=module-null-sink', '--load=module-null-source', '--load=module-native-protocol-unix'],
    env,
  );
  await waitFor('pulseaudio to answer pactl', async () => {
    if (child.exitCode !== null) throw new Error(`pulseaudio exited: ${stderr().slice(-500)}`);
    return (await run('pactl', ['info'], env)).includes('Server Name');
  });
  return {
    env,
    async record(device) {
      const { child: rec } = spawnOwned('parecord', [...(device ? ['-d', device] : []), '/dev/null'], env);
      await waitFor('parecord to open its stream', async () => (await run('pactl', ['list', 'short', 'source-outputs'], env)).trim() !== '');
      return { stop: () => stopChild(rec) };
    },
    stop: () => stopChild(child),
  };
}
