import { createFreedesktopScreenSaverIdleSource } from './idleFreedesktopScreenSaver.js';
import { createMacIoregIdleSource } from './idleMacIoreg.js';
import { createMutterIdleSource } from './idleMutter.js';
import { createWindowsIdleSource } from './idleWindows.js';
import { createX11IdleSource } from './idleX11.js';
import type { IdleSource, Probe } from './types.js';
import { withTimeout } from './withTimeout.js';

function isWayland(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.WAYLAND_DISPLAY) || env.XDG_SESSION_TYPE === 'wayland';
}

/**
 * The idle sources worth trying on this platform, best first. On Wayland the compositor's own D-Bus
 * services come first: xprintidle through XWayland only sees input to X clients and would report
 * the user as idle while they type into a Wayland window.
 */
export function idleCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): IdleSource[] {
  if (platform === 'darwin') return [createMacIoregIdleSource(env)];
  if (platform === 'win32') return [createWindowsIdleSource(env)];
  const x11 = createX11IdleSource(env);
  const mutter = createMutterIdleSource(env);
  const kde = createFreedesktopScreenSaverIdleSource(env);
  return isWayland(env) ? [mutter, kde, x11] : [x11, mutter, kde];
}

export interface DetectIdleOptions {
  platform?: NodeJS.Platform;
  /** Replaces the platform's candidate list (tests; the daemon's testing option). */
  candidates?: IdleSource[];
  /** Names to skip, e.g. a source the ZeroIdleGuard found stuck. */
  exclude?: string[];
  /** Upper bound for one probe reading. */
  probeTimeoutMs?: number;
}

export class NoIdleSourceError extends Error {
  constructor(readonly tried: Probe[]) {
    super(noIdleSourceMessage(tried));
    this.name = 'NoIdleSourceError';
  }
}

function noIdleSourceMessage(tried: Probe[]): string {
  const lines = ['no idle-time source works here, so Sitwell cannot tell when you are at the computer.'];
  if (tried.length === 0) lines.push('Nothing was tried (every candidate was excluded).');
  else lines.push('Tried:', ...tried.map((t) => `  - ${t.name}: ${t.why}`));
  const fixes = new Set<string>();
  for (const t of tried) {
    if (/DISPLAY is not set|no session bus|not inside a desktop session/.test(t.why)) {
      fixes.add('run Sitwell inside your graphical session (DISPLAY or WAYLAND_DISPLAY, and DBUS_SESSION_BUS_ADDRESS, must be set)');
    }
    if (/xprintidle.*not installed/.test(t.why)) fixes.add('on X11, install xprintidle (Debian/Ubuntu: sudo apt install xprintidle)');
    if (/Mutter/.test(t.why)) fixes.add('on GNOME (Wayland), the org.gnome.Mutter.IdleMonitor service of gnome-shell must be running');
    if (/org\.freedesktop\.ScreenSaver/.test(t.why)) fixes.add('on KDE Plasma, the org.freedesktop.ScreenSaver service must be running');
    if (/looks stuck/.test(t.why)) fixes.add('the stuck source reports a constant idle time (electron#27912); use X11 or another desktop session');
  }
  if (fixes.size > 0) lines.push('How to fix:', ...[...fixes].map((f) => `  - ${f}`));
  return lines.join('\n');
}

/** One reading within `timeoutMs`; ok when it is a finite, non-negative number. */
export async function probeIdleSource(source: IdleSource, timeoutMs = 4000): Promise<Probe & { idleMs?: number }> {
  try {
    const v = await withTimeout(source.idleMs(), timeoutMs, `no reading within ${timeoutMs} ms`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return { name: source.name, ok: false, why: `returned ${String(v)}, not milliseconds` };
    return { name: source.name, ok: true, why: `reads ${Math.round(v)} ms idle`, idleMs: v };
  } catch (e) {
    return { name: source.name, ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Probes the candidates in order and returns the first that gives a valid reading; the others are closed.
 * Rejects with NoIdleSourceError (naming each candidate, why it failed and how to fix it) when none works.
 */
export async function detectIdleSource(
  env: NodeJS.ProcessEnv = process.env,
  opts: DetectIdleOptions = {},
): Promise<{ source: IdleSource; tried: Probe[] }> {
  const exclude = new Set(opts.exclude ?? []);
  const all = opts.candidates ?? idleCandidates(env, opts.platform);
  const candidates = all.filter((c) => !exclude.has(c.name));
  const tried: Probe[] = [];
  let chosen: IdleSource | null = null;
  for (const c of candidates) {
    if (chosen) {
      c.close?.();
      continue;
    }
    const p = await probeIdleSource(c, opts.probeTimeoutMs);
    tried.push({ name: p.name, ok: p.ok, why: p.why });
    if (p.ok) chosen = c;
    else c.close?.();
  }
  for (const c of all) if (exclude.has(c.name)) c.close?.();
  if (!chosen) throw new NoIdleSourceError(tried);
  return { source: chosen, tried };
}

/** Probes every candidate (for `sitwell doctor`) and closes them all. */
export async function probeAllIdleSources(env: NodeJS.ProcessEnv = process.env, opts: DetectIdleOptions = {}): Promise<Probe[]> {
  const candidates = opts.candidates ?? idleCandidates(env, opts.platform);
  const out: Probe[] = [];
  for (const c of candidates) {
    const p = await probeIdleSource(c, opts.probeTimeoutMs);
    out.push({ name: p.name, ok: p.ok, why: p.why });
    c.close?.();
  }
  return out;
}
