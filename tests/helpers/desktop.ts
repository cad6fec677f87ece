/**
 * A real, throw-away Linux desktop for tests: Xvfb on a free display, a private D-Bus session bus,
 * and dunst as the notification daemon on it, plus helpers to drive input (xdotool), answer
 * notifications (dunstctl) and watch the bus (dbus-monitor). Nothing is stubbed.
 *
 *   const desktop = await startDesktop();
 *   spawn('sitwell', [...], { env: desktop.env });   // DISPLAY + DBUS_SESSION_BUS_ADDRESS of this desktop
 *   const seen = await desktop.monitorNotifications();
 *   await seen.waitFor((e) => e.kind === 'notify' && e.summary.includes('break'));
 *   await desktop.stop();
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbusConnection } from '../../main/platform/dbusConnection.js';

export const DESKTOP_TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'dunstctl', 'xdotool', 'xprintidle'];

/** The tools from `tools` that are not installed, for `describe.skipIf` (print the reason too). */
export function missingTools(tools: string[] = DESKTOP_TOOLS): string[] {
  return tools.filter((t) => {
    try {
      execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

/** Runs a tool to completion and resolves with stdout; rejects with its stderr. */
export function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Ends a child we started (by its own pid) and waits for it to exit; SIGKILL if it lingers. */
export async function stopChild(child: ChildProcess, timeoutMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export interface PrivateBus {
  address: string;
  /** A connection the helper itself uses (name checks); tests may use it too. */
  conn: DbusConnection;
  stop(): Promise<void>;
}

/**
 * A private dbus-daemon with its own config: no service activation (so a killed dunst stays dead
 * until a test restarts it) and eavesdropping allowed for dbus-monitor. `kind` only sets the
 * bus type in the config; point DBUS_SYSTEM_BUS_ADDRESS at a 'system' one to stand in for the system bus.
 */
export async function startPrivateBus(dir: string, kind: 'session' | 'system' = 'session'): Promise<PrivateBus> {
  const socket = join(dir, `${kind}-bus.sock`);
  const config = join(dir, `${kind}-bus.conf`);
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>${kind}</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const child = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}): ${err.trim()}`)));
    child.once('error', reject);
  });
  const conn = await DbusConnection.open('session', { DBUS_SESSION_BUS_ADDRESS: address });
  return {
    address,
    conn,
    async stop() {
      conn.close();
      await stopChild(child);
    },
  };
}

/** One message seen by dbus-monitor on the notification interface. */
export type NotificationTraffic =
  | {
      kind: 'notify';
      serial: number;
      appName: string;
      replacesId: number;
      icon: string;
      summary: string;
      body: string;
      /** Flat key, label, key, label … as sent. */
      actions: string[];
      hints: Record<string, unknown>;
      expireTimeout: number;
      /** The id the server answered with, once its reply has been seen. */
      id?: number;
    }
  | { kind: 'close-notification'; id: number }
  | { kind: 'action-invoked'; id: number; key: string }
  | { kind: 'notification-closed'; id: number; reason: number };

export interface NotificationMonitor {
  readonly events: NotificationTraffic[];
  /** Resolves with the first event (already seen or coming) that matches. */
  waitFor<T extends NotificationTraffic>(match: (e: NotificationTraffic) => e is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (e: NotificationTraffic) => boolean, timeoutMs?: number): Promise<NotificationTraffic>;
  stop(): Promise<void>;
}

export interface Desktop {
  /** e.g. ":3" */
  display: string;
  busAddress: string;
  /** process.env with this desktop's DISPLAY and session bus (WAYLAND_DISPLAY removed, X11 session type, no system bus unless asked). */
  env: NodeJS.ProcessEnv;
  dir: string;
  bus: PrivateBus;
  startDunst(): Promise<void>;
  /** SIGTERM (default) or SIGKILL to dunst; resolves once its bus name is gone. */
  stopDunst(signal?: NodeJS.Signals): Promise<void>;
  readonly dunstRunning: boolean;
  xdotool(...args: string[]): Promise<string>;
  dunstctl(...args: string[]): Promise<string>;
  /** Clicks the notification body: `dunstctl action 0` runs the "default" action of the newest one. */
  clickNotification(): Promise<void>;
  /** Picks a button through dunst's context menu (`dunstctl context` with a dmenu script that selects `key`). */
  invokeAction(key: string): Promise<void>;
  monitorNotifications(): Promise<NotificationMonitor>;
  stop(): Promise<void>;
}

export interface DesktopOptions {
  dunst?: boolean;
  /** 'none' (default): DBUS_SYSTEM_BUS_ADDRESS points at a socket that does not exist, so logind probes fail the same way everywhere. */
  systemBus?: 'none' | 'inherit';
}

async function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  // -displayfd makes Xvfb pick a free display number itself and write it to fd 3: no race with parallel suites.
  // -noreset: by default Xvfb regenerates when its last client (each xprintidle/xdotool run) disconnects,
  // and a client connecting during that moment fails to open the display.
  const child = spawn('Xvfb', ['-displayfd', '3', '-noreset', '-nolisten', 'tcp', '-screen', '0', '1280x800x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim().slice(-500)}`)));
    child.once('error', reject);
  });
  return { child, display };
}

export async function startDesktop(opts: DesktopOptions = {}): Promise<Desktop> {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-desktop-'));
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const x = await startXvfb();
    cleanups.push(() => stopChild(x.child));
    const bus = await startPrivateBus(dir);
    cleanups.push(() => bus.stop());

    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: x.display, DBUS_SESSION_BUS_ADDRESS: bus.address, XDG_SESSION_TYPE: 'x11' };
    delete env.WAYLAND_DISPLAY;
    delete env.XDG_SESSION_ID;
    if ((opts.systemBus ?? 'none') === 'none') env.DBUS_SYSTEM_BUS_ADDRESS = `unix:path=${join(dir, 'no-system-bus')}`;

    const pickFile = join(dir, 'dmenu-pick');
    const dmenu = join(dir, 'dmenu.sh');
    // dunst pipes "#Label (summary) [id,key]" lines into its dmenu command and invokes the line printed back.
    writeFileSync(dmenu, `#!/bin/sh\nkey=$(cat '${pickFile}')\ngrep -F ",$key]" | head -n 1\n`);
    chmodSync(dmenu, 0o755);
    const dunstrc = join(dir, 'dunstrc');
    writeFileSync(dunstrc, `[global]\n    dmenu = ${dmenu}\n    history_length = 50\n    idle_threshold = 0\n`);

    let dunst: ChildProcess | null = null;
    const hasNotifications = () => bus.conn.nameHasOwner('org.freedesktop.Notifications');
    const desktop: Desktop = {
      display: x.display,
      busAddress: bus.address,
      env,
      dir,
      bus,
      get dunstRunning() {
        return dunst !== null && dunst.exitCode === null && dunst.signalCode === null;
      },
      async startDunst() {
        if (desktop.dunstRunning) return;
        let err = '';
        const child = spawn('dunst', ['-config', dunstrc], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        dunst = child;
        await waitUntil('dunst to own org.freedesktop.Notifications', async () => {
          if (child.exitCode !== null) throw new Error(`dunst exited (${child.exitCode}): ${err.trim().slice(-500)}`);
          return hasNotifications();
        });
      },
      async stopDunst(signal: NodeJS.Signals = 'SIGTERM') {
        const child = dunst;
        if (!child || !desktop.dunstRunning) return;
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill(signal);
        await exited;
        await waitUntil('org.freedesktop.Notifications to disappear', async () => !(await hasNotifications()));
      },
      xdotool: (...args) => run('xdotool', args, env),
      dunstctl: (...args) => run('dunstctl', args, env),
      async clickNotification() {
        await run('dunstctl', ['action', '0'], env);
      },
      async invokeAction(key: string) {
        writeFileSync(pickFile, key);
        await run('dunstctl', ['context'], env);
      },
      monitorNotifications: () => startNotificationMonitor(bus.address, env),
      async stop() {
        if (desktop.dunstRunning) await stopChild(dunst!);
        for (const c of cleanups.reverse()) await c().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
    if (opts.dunst ?? true) await desktop.startDunst();
    return desktop;
  } catch (e) {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * dbus-monitor on the notification interface plus the notification server's method returns (to learn the
 * ids Notify answered with). Resolves once the monitor is attached, so nothing sent afterwards is missed.
 */
export async function startNotificationMonitor(address: string, env: NodeJS.ProcessEnv): Promise<NotificationMonitor> {
  const child = spawn(
    'dbus-monitor',
    ['--address', address, "interface='org.freedesktop.Notifications'", "type='method_return',sender='org.freedesktop.Notifications'"],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const events: NotificationTraffic[] = [];
  const waiters = new Set<() => void>();
  const notifyBySerial = new Map<string, Extract<NotificationTraffic, { kind: 'notify' }>>();
  let ready!: () => void;
  const attached = new Promise<void>((r) => (ready = r));
  let buffer = '';
  let current: string[] | null = null;
  let flush: NodeJS.Timeout | undefined;

  const finish = (lines: string[]) => {
    const head = lines[0]!;
    if (/member=NameAcquired|member=NameLost/.test(head)) ready();
    const args = parseMonitorArgs(lines.slice(1));
    const member = /member=(\w+)/.exec(head)?.[1];
    let e: NotificationTraffic | null = null;
    if (head.startsWith('method call') && member === 'Notify') {
      const [appName, replacesId, icon, summary, body, actions, hints, expireTimeout] = args as [string, number, string, string, string, string[], [string, unknown][], number];
      const sender = /sender=(\S+)/.exec(head)?.[1] ?? '';
      const serial = Number(/serial=(\d+)/.exec(head)?.[1]);
      e = { kind: 'notify', serial, appName, replacesId, icon, summary, body, actions, hints: Object.fromEntries(hints ?? []), expireTimeout };
      notifyBySerial.set(`${sender}/${serial}`, e);
    } else if (head.startsWith('method call') && member === 'CloseNotification') {
      e = { kind: 'close-notification', id: args[0] as number };
    } else if (head.startsWith('signal') && member === 'ActionInvoked') {
      e = { kind: 'action-invoked', id: args[0] as number, key: args[1] as string };
    } else if (head.startsWith('signal') && member === 'NotificationClosed') {
      e = { kind: 'notification-closed', id: args[0] as number, reason: args[1] as number };
    } else if (head.startsWith('method return')) {
      const dest = /destination=(\S+)/.exec(head)?.[1] ?? '';
      const replyTo = /reply_serial=(\d+)/.exec(head)?.[1] ?? '';
      const n = notifyBySerial.get(`${dest}/${replyTo}`);
      if (n && typeof args[0] === 'number') n.id = args[0];
    }
    if (e) events.push(e);
    for (const w of [...waiters]) w();
  };

  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (/^(method call|method return|signal|error) /.test(line)) {
        if (current) finish(current);
        current = [line];
      } else if (current) {
        current.push(line);
      }
    }
    // A message is complete when the next one starts; flush the last one after a quiet moment.
    clearTimeout(flush);
    flush = setTimeout(() => {
      if (current && buffer === '') {
        finish(current);
        current = null;
      }
    }, 30);
  });
  await Promise.race([
    attached,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dbus-monitor did not attach within 5 s')), 5000)),
  ]);

  const monitor: NotificationMonitor = {
    events,
    waitFor(match: (e: NotificationTraffic) => boolean, timeoutMs = 10_000) {
      return new Promise<NotificationTraffic>((resolve, reject) => {
        const check = () => {
          const hit = events.find(match);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching notification traffic within ${timeoutMs} ms; seen: ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => stopChild(child),
  } as NotificationMonitor;
  return monitor;
}

/** Parses dbus-monitor's indented argument dump (strings, integers, arrays, dict entries, variants, structs). */
export function parseMonitorArgs(lines: string[]): unknown[] {
  let i = 0;
  const value = (text: string): unknown => {
    const t = text.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(?:string|object path|signature) "(.*)$/s.exec(t))) {
      let s = m[1]!;
      // Multi-line strings continue on the following lines until one ends with a quote.
      while (!s.endsWith('"') && i < lines.length) s += '\n' + lines[i++]!;
      return s.slice(0, -1);
    }
    if ((m = /^(?:u?int(?:16|32|64)|byte|double) (-?[\d.e+]+)$/.exec(t))) return Number(m[1]);
    if ((m = /^boolean (true|false)$/.exec(t))) return m[1] === 'true';
    if ((m = /^variant\s+(.*)$/.exec(t))) return value(m[1]!);
    if (/^array \[\s*\]$/.test(t)) return [];
    if (t === 'array [') return until(']');
    if (t === 'dict entry(') return until(')');
    if (t === 'struct {') return until('}');
    return t;
  };
  const until = (close: string): unknown[] => {
    const out: unknown[] = [];
    while (i < lines.length) {
      const line = lines[i++]!;
      if (line.trim() === close) return out;
      out.push(value(line));
    }
    return out;
  };
  const out: unknown[] = [];
  while (i < lines.length) {
    const line = lines[i++]!;
    if (line.trim() !== '') out.push(value(line));
  }
  return out;
}
