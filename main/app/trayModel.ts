import type { Method } from '../../shared/bridge.js';
import type { MovementMode, Settings } from '../../shared/settings.js';
import { routineFor } from '../../shared/movementMode.js';
import type { TFunction } from 'i18next';
import { formatElapsedMs } from '../../shared/durationText.js';
import { notifyTranslator } from '../../shared/i18n/notifyCatalog.js';
import { resolveLanguage } from '../../shared/i18n/languages.js';
import type { NowState } from './monitor.js';
import { localClock, localDate, nextLocalMidnight } from '../core/localTime.js';
import { heldPromptText } from '../../shared/busy.js';

/**
 * What the tray shows, as plain data: no Electron here, so every state and label is unit-tested
 * for real and the Electron adapter (tray.ts) only copies it onto a Tray and a Menu.
 */

export type TrayIcon = 'ok' | 'rising' | 'due' | 'paused';
export const TRAY_ICONS: readonly TrayIcon[] = ['ok', 'rising', 'due', 'paused'];

export type TrayAction = 'now' | 'start-stretch' | 'stand' | 'sit' | 'pause-30' | 'pause-60' | 'pause-tomorrow' | 'resume' | 'stats' | 'settings' | 'quit';

/**
 * The menu items that are bridge calls, the same for the Electron tray and the daemon's: a click goes
 * through the bridge dispatcher, so it is validated and logged like a button in the window.
 */
export const TRAY_CALLS: Partial<Record<TrayAction, [Method, Record<string, unknown>]>> = {
  'pause-30': ['pause', { minutes: 30 }],
  'pause-60': ['pause', { minutes: 60 }],
  'pause-tomorrow': ['pause', { untilTomorrow: true }],
  resume: ['resume', {}],
  stand: ['stand', {}],
  sit: ['sit', {}],
};

/** A page of the window, as its hash path (`#/stretch/play/seated-2`). */
export type TrayPage = 'now' | 'stats' | 'settings' | `stretch/play/${string}`;

/**
 * The page a menu item opens, the same for the Electron tray and the daemon's; null for an item that
 * is a bridge call or quit. "Start stretch" starts the short routine of the user's movement mode
 * (shared/movementMode.ts), as Now's first button does: seated mode plays the chair break.
 */
export function trayPage(action: TrayAction, mode: MovementMode): TrayPage | null {
  switch (action) {
    case 'now':
    case 'stats':
    case 'settings':
      return action;
    case 'start-stretch':
      return `stretch/play/${routineFor(mode, 'short')}`;
    default:
      return null;
  }
}

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


/**
 * "paused until 14:30", "until tomorrow", or a later day as its ISO date. Through core/localTime, not a
 * locale-aware luxon format: the daemon's tray must not build an Intl formatter (~8 MB, docs/daemon-memory.md).
 */
function pausedText(t: TFunction, until: number, at: number, zone: string): string {
  if (until >= PAUSED_FOREVER) return t('tray.pausedForever');
  const time = localClock(until, zone);
  if (localDate(until, zone) === localDate(at, zone)) return t('tray.pausedUntil', { time });
  if (time === '00:00' && localDate(until, zone) === localDate(nextLocalMidnight(at, zone), zone)) return t('tray.pausedTomorrow');
  return t('tray.pausedUntil', { time: `${localDate(until, zone)} ${time}` });
}

function iconFor(now: NowState, limitMs: number): TrayIcon {
  if (!now.tracking || now.pausedUntil !== null) return 'paused';
  if (now.openPrompt) return 'due';
  if (!now.bout || now.stretching) return 'ok';
  if (now.bout.sittingMs >= limitMs) return 'due';
  return now.bout.sittingMs >= limitMs * RISING_SHARE ? 'rising' : 'ok';
}

function statusText(t: TFunction, now: NowState, settings: Settings, zone: string): string {
  if (!now.tracking) return t('tray.notTracking');
  if (now.stretching) return t('tray.stretching');
  if (now.pausedUntil !== null) return pausedText(t, now.pausedUntil, now.at, zone);
  if (now.held) return heldPromptText(t, now.held.reasons);
  if (now.openPrompt) return t('tray.due', { elapsed: formatElapsedMs(now.bout?.sittingMs ?? now.openPrompt.sittingMs, t) });
  if (now.locked) return t('tray.locked');
  // At a sit-stand desk (DESIGN.md §7): presence, not sitting.
  if (now.standing) return t('tray.standingNow', { elapsed: formatElapsedMs(now.standing.standingMs, t) });
  if (!now.bout) return t('tray.away');
  return t('tray.sitting', { elapsed: formatElapsedMs(now.bout.sittingMs, t), limit: formatElapsedMs(settings.sitLimitMinutes * 60_000, t) });
}

/**
 * The tray for one moment: icon, hover text, title and menu. `zone` is the user's IANA zone (for
 * "paused until 14:30"); `locales` the OS's (the `language` setting overrides them; default English).
 */
export function trayState(now: NowState, settings: Settings, opts: { zone: string; locales?: readonly string[] }): TrayView {
  const lng = resolveLanguage(settings.language, opts.locales ?? []);
  const t = notifyTranslator(lng);
  const limitMs = settings.sitLimitMinutes * 60_000;
  const status = statusText(t, now, settings, opts.zone);
  const today = t('tray.today', { elapsed: formatElapsedMs(now.todaySittingMs, t) });
  const sittingNow = now.tracking && now.bout && !now.stretching && now.pausedUntil === null;

  const pauseItems: TrayMenuItem[] =
    now.pausedUntil !== null
      ? [{ type: 'item', action: 'resume', label: t('tray.resume'), enabled: now.tracking }]
      : [
          {
            type: 'submenu',
            label: t('tray.pause'),
            items: [
              { type: 'item', action: 'pause-30', label: t('tray.pause30'), enabled: now.tracking },
              { type: 'item', action: 'pause-60', label: t('tray.pause60'), enabled: now.tracking },
              { type: 'item', action: 'pause-tomorrow', label: t('tray.pauseTomorrow'), enabled: now.tracking },
            ],
          },
        ];

  return {
    icon: iconFor(now, limitMs),
    tooltip: t('tray.tooltip', { status, today }),
    title: sittingNow && now.bout ? `${Math.floor(now.bout.sittingMs / 60_000)}m` : '',
    items: [
      // AppIndicator trays on Linux show no tooltip, so the live status is also the first menu line.
      { type: 'item', action: 'now', label: t('tray.now', { status }), enabled: true },
      { type: 'item', action: 'start-stretch', label: now.stretching ? t('tray.stretchingItem') : t('tray.startStretch'), enabled: now.tracking && !now.stretching },
      now.standing
        ? { type: 'item', action: 'sit', label: t('tray.imSitting', { elapsed: formatElapsedMs(now.standing.standingMs, t) }), enabled: now.tracking && !now.stretching }
        : { type: 'item', action: 'stand', label: t('tray.imStanding'), enabled: now.tracking && !now.stretching },
      { type: 'separator' },
      ...pauseItems,
      { type: 'separator' },
      { type: 'item', action: 'stats', label: t('tray.stats'), enabled: true },
      { type: 'item', action: 'settings', label: t('tray.settings'), enabled: true },
      { type: 'separator' },
      { type: 'item', action: 'quit', label: t('tray.quit'), enabled: true },
    ],
  };
}

/** Every action a menu (and its submenus) offers, in order: for tests and for wiring clicks. */
export function menuActions(items: TrayMenuItem[]): TrayAction[] {
  return items.flatMap((i) => (i.type === 'item' ? [i.action] : i.type === 'submenu' ? menuActions(i.items) : []));
}
