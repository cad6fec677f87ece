import { DateTime } from 'luxon';
import type { Settings } from '../../shared/settings.js';
import { formatElapsedMs } from '../../shared/durationText.js';
import type { NowState } from './monitor.js';

/**
 * What the tray shows, as plain data: no Electron here, so every state and label is unit-tested
 * for real and the Electron adapter (tray.ts) only copies it onto a Tray and a Menu.
 */

export type TrayIcon = 'ok' | 'rising' | 'due' | 'paused';
export const TRAY_ICONS: readonly TrayIcon[] = ['ok', 'rising', 'due', 'paused'];

export type TrayAction = 'now' | 'start-stretch' | 'pause-30' | 'pause-60' | 'pause-tomorrow' | 'resume' | 'stats' | 'settings' | 'quit';

export type TrayMenuItem =
  | { type: 'item'; action: TrayAction; label: string; enabled: boolean }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] }
  | { type: 'separator' };

export interface TrayView {
  icon: TrayIcon;
  /** Hover text (Windows, macOS, some Linux trays). */
  tooltip: string;
  /** Text beside the icon in the macOS menu bar (the only tray that shows one). */
  title: string;
  items: TrayMenuItem[];
}

/** Sitting at or past this share of the limit turns the icon from ok to rising. */
export const RISING_SHARE = 0.5;

const PAUSED_FOREVER = Number.MAX_SAFE_INTEGER;


function pausedText(until: number, at: number, zone: string): string {
  if (until >= PAUSED_FOREVER) return 'paused until you resume';
  const end = DateTime.fromMillis(until, { zone });
  const now = DateTime.fromMillis(at, { zone });
  if (end.hasSame(now, 'day')) return `paused until ${end.toFormat('HH:mm')}`;
  if (end.hasSame(now.plus({ days: 1 }), 'day') && end.hour === 0 && end.minute === 0) return 'paused until tomorrow';
  return `paused until ${end.toFormat('ccc HH:mm')}`;
}

function iconFor(now: NowState, limitMs: number): TrayIcon {
  if (!now.tracking || now.pausedUntil !== null) return 'paused';
  if (now.openPrompt) return 'due';
  if (!now.bout || now.stretching) return 'ok';
  if (now.bout.sittingMs >= limitMs) return 'due';
  return now.bout.sittingMs >= limitMs * RISING_SHARE ? 'rising' : 'ok';
}

function statusText(now: NowState, settings: Settings, zone: string): string {
  if (!now.tracking) return 'not tracking';
  if (now.stretching) return 'stretching';
  if (now.pausedUntil !== null) return pausedText(now.pausedUntil, now.at, zone);
  if (now.openPrompt) return `sitting ${formatElapsedMs(now.bout?.sittingMs ?? now.openPrompt.sittingMs)}, time to stand up`;
  if (now.locked) return 'screen locked';
  if (!now.bout) return 'away';
  return `sitting ${formatElapsedMs(now.bout.sittingMs)} of ${formatElapsedMs(settings.sitLimitMinutes * 60_000)}`;
}

/** The tray for one moment: icon, hover text, title and menu. `zone` is the user's IANA zone (for "paused until 14:30"). */
export function trayState(now: NowState, settings: Settings, opts: { zone: string }): TrayView {
  const limitMs = settings.sitLimitMinutes * 60_000;
  const status = statusText(now, settings, opts.zone);
  const today = `today ${formatElapsedMs(now.todaySittingMs)}`;
  const sittingNow = now.tracking && now.bout && !now.stretching && now.pausedUntil === null;

  const pauseItems: TrayMenuItem[] =
    now.pausedUntil !== null
      ? [{ type: 'item', action: 'resume', label: 'Resume', enabled: now.tracking }]
      : [
          {
            type: 'submenu',
            label: 'Pause',
            items: [
              { type: 'item', action: 'pause-30', label: 'For 30 minutes', enabled: now.tracking },
              { type: 'item', action: 'pause-60', label: 'For 1 hour', enabled: now.tracking },
              { type: 'item', action: 'pause-tomorrow', label: 'Until tomorrow', enabled: now.tracking },
            ],
          },
        ];

  return {
    icon: iconFor(now, limitMs),
    tooltip: `Sitwell: ${status} (${today})`,
    title: sittingNow && now.bout ? `${Math.floor(now.bout.sittingMs / 60_000)}m` : '',
    items: [
      // AppIndicator trays on Linux show no tooltip, so the live status is also the first menu line.
      { type: 'item', action: 'now', label: `Now: ${status}`, enabled: true },
      { type: 'item', action: 'start-stretch', label: now.stretching ? 'Stretching…' : 'Start stretch', enabled: now.tracking && !now.stretching },
      { type: 'separator' },
      ...pauseItems,
      { type: 'separator' },
      { type: 'item', action: 'stats', label: 'Statistics', enabled: true },
      { type: 'item', action: 'settings', label: 'Settings', enabled: true },
      { type: 'separator' },
      { type: 'item', action: 'quit', label: 'Quit Sitwell', enabled: true },
    ],
  };
}

/** Every action a menu (and its submenus) offers, in order: for tests and for wiring clicks. */
export function menuActions(items: TrayMenuItem[]): TrayAction[] {
  return items.flatMap((i) => (i.type === 'item' ? [i.action] : i.type === 'submenu' ? menuActions(i.items) : []));
}
