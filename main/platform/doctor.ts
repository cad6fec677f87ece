import { homedir } from 'node:os';
import { probeAutostart } from './autostart.js';
import { probeAllBusySources } from './busySources.js';
import type { ControlAddress } from './controlPath.js';
import { probeControlChannel } from './controlSocket.js';
import { runTool } from './runTool.js';
import { folderExists } from './syncFolder.js';
import { chooseNotifier } from './notifier.js';
import { probeAllIdleSources, type DetectIdleOptions } from './detectIdle.js';
import { openSessionEvents, type SessionMechanism } from './sessionEvents.js';
import type { Probe } from './types.js';
import type { BusyReason } from '../../shared/domain.js';

const ENV_KEYS = ['DISPLAY', 'WAYLAND_DISPLAY', 'XDG_SESSION_TYPE', 'XDG_SESSION_ID', 'DBUS_SESSION_BUS_ADDRESS', 'DBUS_SYSTEM_BUS_ADDRESS'] as const;

export interface DoctorReport {
  platform: NodeJS.Platform;
  /** The variables that decide what can work; null when unset. */
  env: Record<(typeof ENV_KEYS)[number], string | null>;
  /** Every idle candidate in detection order; `idleChosen` is the one the daemon would use. */
  idle: Probe[];
  idleChosen: string | null;
  /** Lock/sleep mechanisms. */
  session: Probe[];
  /** Notification mechanisms tried, in order; `notifierChosen` is the one the daemon would use. */
  notifier: Probe[];
  notifierChosen: string;
  /** Busy mechanisms (DESIGN.md §6): whether each can be read here, and what it reads now. */
  busy: (Probe & { reason: BusyReason; busy?: boolean })[];
  /** Where `sitwell stand` / `sitwell sit` reach the running tracker (when a history was named). */
  control?: Probe;
  /** Ways `sitwell autostart enable` can start the tracker at login, in preference order; `autostartChosen` is the one it would use. */
  autostart: Probe[];
  autostartChosen: string | null;
  /** The sync folder (issue 15) when one is set: whether it can be used, and what in it was skipped. */
  sync?: SyncReport;
  /** True when an idle source works (the one thing the daemon cannot run without). */
  ok: boolean;
}

export interface SyncReport {
  folder: Probe;
  device: string;
  skipped: { path: string; line: number; reason: string; message: string }[];
}

export interface DoctorOptions {
  platform?: NodeJS.Platform;
  idle?: DetectIdleOptions;
  sessionMechanisms?: SessionMechanism[];
  timeoutMs?: number;
  /** The user's busy list and calendar file, when the history is readable. */
  busy?: { apps: readonly string[]; calendarFile: string | null; zone?: () => string };
  /** The history's control channel address, to check. */
  control?: ControlAddress;
  /** The history's sync folder and what its last reading skipped (from the history). */
  sync?: { folder: string; device: string; skipped: SyncReport['skipped'] };
}

/** Checks every mechanism without showing anything to the user (the notifier is only asked GetServerInformation). */
export async function runDoctor(env: NodeJS.ProcessEnv = process.env, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const platform = opts.platform ?? process.platform;
  const [idle, session, notes, busy, control, autostart] = await Promise.all([
    probeAllIdleSources(env, { platform, probeTimeoutMs: opts.timeoutMs, ...opts.idle }),
    openSessionEvents(env, { platform, mechanisms: opts.sessionMechanisms, timeoutMs: opts.timeoutMs }).then(async (r) => {
      await r.events.close();
      return r.tried;
    }),
    chooseNotifier(env, { platform, timeoutMs: opts.timeoutMs, warn: () => {} }).then(async (r) => {
      await r.notifier.close();
      return r;
    }),
    probeAllBusySources(env, { platform, timeoutMs: opts.timeoutMs, ...opts.busy }),
    opts.control ? probeControlChannel(opts.control) : undefined,
    probeAutostart({ platform, env, home: env.HOME || homedir(), run: (file, args) => runTool(file, args, { env, timeoutMs: opts.timeoutMs }) }),
  ]);
  const chosen = idle.find((p) => p.ok)?.name ?? null;
  return {
    platform,
    env: Object.fromEntries(ENV_KEYS.map((k) => [k, env[k] || null])) as DoctorReport['env'],
    idle,
    idleChosen: chosen,
    session,
    notifier: notes.tried,
    notifierChosen: notes.notifier.name,
    busy,
    ...(control ? { control } : {}),
    ...(opts.sync ? { sync: syncReport(opts.sync) } : {}),
    autostart: autostart.tried,
    autostartChosen: autostart.chosen?.name ?? null,
    ok: chosen !== null,
  };
}

function syncReport(s: NonNullable<DoctorOptions['sync']>): SyncReport {
  const usable = folderExists(s.folder);
  const why = usable ? `${s.folder}: each device writes its journal under sitwell/<device-id>/ (${s.skipped.length} files or lines skipped)` : `${s.folder} is missing or not a directory: nothing is written or read until it is back`;
  return { folder: { name: 'sync folder', ok: usable, why }, device: s.device, skipped: s.skipped };
}

/** The human-readable form printed by `sitwell doctor`. */
export function formatDoctorReport(r: DoctorReport): string {
  const mark = (p: Probe) => `  ${p.ok ? 'works        ' : 'not available'}  ${p.name}: ${p.why}`;
  const lines = [`Sitwell doctor (${r.platform})`, '', 'Environment:'];
  for (const [k, v] of Object.entries(r.env)) lines.push(`  ${k}=${v ?? '(unset)'}`);
  lines.push('', `Idle time (would use: ${r.idleChosen ?? 'NONE'}):`, ...r.idle.map(mark));
  lines.push('', 'Screen lock and sleep:', ...r.session.map(mark));
  lines.push('', `Notifications (would use: ${r.notifierChosen}):`, ...r.notifier.map(mark));
  lines.push('', 'Busy: no prompt while any of these says so (each can be switched off in Settings):');
  for (const p of r.busy) lines.push(`${mark(p)}${p.busy ? ' (busy now)' : ''}`.replace(`  ${p.name}:`, `  ${p.name} [${p.reason}]:`));
  if (r.control) lines.push('', 'Saying you stand or sit from a script:', mark(r.control));
  lines.push('', `Starting the tracker at login (sitwell autostart; would use: ${r.autostartChosen ?? 'NONE'}):`, ...r.autostart.map(mark));
  if (r.sync) {
    lines.push('', `Sync folder (this device: ${r.sync.device}):`, mark(r.sync.folder));
    for (const p of r.sync.skipped) lines.push(`  skipped  ${p.path}${p.line > 0 && p.line < Number.MAX_SAFE_INTEGER ? ` line ${p.line}` : ''}: ${p.message}`);
  }
  if (!r.ok) lines.push('', 'No idle source works: `sitwell daemon` cannot run here. See the reasons above.');
  return lines.join('\n');
}
