import { readdir, readFile } from 'node:fs/promises';
import { runTool } from './runTool.js';
import type { BusySource } from './types.js';
import { readActiveWindow } from './x11ActiveWindow.js';

/** Linux keeps the first 15 bytes of a process name in /proc/PID/comm; Windows names end in .exe. */
export function normaliseAppName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\.exe$/, '')
    .slice(0, 15);
}

/** The first listed app among `running` (process names or window classes), or null. */
export function firstListedApp(listed: readonly string[], running: Iterable<string>): string | null {
  const wanted = new Map(listed.filter((a) => a.trim()).map((a) => [normaliseAppName(a), a.trim()]));
  for (const r of running) {
    const hit = wanted.get(normaliseAppName(r));
    if (hit) return hit;
  }
  return null;
}

/** `ps -A -o comm=` (macOS): one executable path per line → its base names. */
export function parsePsComm(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim().split('/').pop() ?? '')
    .filter(Boolean);
}

/** `tasklist /fo csv /nh` (Windows): "Image Name","PID",… per line → image names. */
export function parseTasklistCsv(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((l) => /^"([^"]+)"/.exec(l.trim())?.[1] ?? '')
    .filter(Boolean);
}

async function linuxProcessNames(proc: string): Promise<string[]> {
  const pids = (await readdir(proc)).filter((p) => /^\d+$/.test(p));
  const names = await Promise.all(pids.map((pid) => readFile(`${proc}/${pid}/comm`, 'utf8').catch(() => '')));
  return names.map((n) => n.trim()).filter(Boolean);
}

export interface AppSourceOptions {
  platform?: NodeJS.Platform;
  proc?: string;
  timeoutMs?: number;
}

/** An app from the user's list is running (its process name) or in front (the focused X11 window's class). */
export function createAppSource(env: NodeJS.ProcessEnv, apps: readonly string[], opts: AppSourceOptions = {}): BusySource {
  const platform = opts.platform ?? process.platform;
  const tool = { env, timeoutMs: opts.timeoutMs ?? 3000 };
  const processNames = (): Promise<string[]> => {
    if (platform === 'win32') return runTool('tasklist', ['/fo', 'csv', '/nh'], tool).then(parseTasklistCsv);
    if (platform === 'darwin') return runTool('ps', ['-A', '-o', 'comm='], tool).then(parsePsComm);
    return linuxProcessNames(opts.proc ?? '/proc');
  };
  return {
    name: 'app-running',
    reason: 'app',
    async check() {
      if (apps.length === 0) return { busy: false, detail: 'no apps are listed' };
      const running = firstListedApp(apps, await processNames());
      if (running) return { busy: true, detail: `${running} is running` };
      if (platform === 'linux' && env.DISPLAY) {
        // A window class can differ from the process name (a Flatpak's or an Electron app's).
        const front = await readActiveWindow(env, opts.timeoutMs).catch(() => null);
        const inFront = front && firstListedApp(apps, front.classes);
        if (inFront) return { busy: true, detail: `${inFront} is in front` };
      }
      return { busy: false, detail: `none of ${apps.join(', ')} is running` };
    },
    close() {},
  };
}
