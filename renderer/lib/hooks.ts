import { useEffect, useRef, useState } from 'react';
import type { NowStateView } from '../../shared/bridge.js';
import { DEFAULT_SETTINGS, type MovementMode, type Settings } from '../../shared/settingsRules.js';
import { getBridge } from '../bridge/index.js';
import { callOnce, peek } from '../bridge/prefetch.js';
import { errorText } from './errors.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/**
 * Runs `load` on mount and on reload(); keeps the last good data while reloading.
 * `initial` gives data already at hand for the first render (a prefetched answer).
 */
export function useLoad<T>(load: () => Promise<T>, initial?: () => T | null): Loaded<T> {
  const [data, setData] = useState<T | null>(() => initial?.() ?? null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [nonce]);
  return { data, error, reload: () => setNonce((n) => n + 1) };
}

/** The monitor's state, kept fresh by the `state` event. */
export function useNowState(): Loaded<NowStateView> {
  const loaded = useLoad(() => getBridge().getNow({}));
  const [pushed, setPushed] = useState<NowStateView | null>(null);
  useEffect(() => getBridge().on('state', setPushed), []);
  const data = pushed && (!loaded.data || pushed.at >= loaded.data.at) ? pushed : loaded.data;
  return { ...loaded, data };
}

/**
 * The settings this window last loaded, saved or was told of: a view opened later draws with them at once
 * (the Stretches list in the seated user's mode, not the default's for a moment) while it loads them afresh.
 */
let lastSettings: Settings | null = null;
/** Keeps `s` as the settings last seen (the app shell's own call for the window's language hands them in too). */
export const rememberSettings = (s: Settings): Settings => (lastSettings = s);

export function useSettings(): Loaded<Settings> & { set: (s: Settings) => void } {
  const loaded = useLoad(
    () => callOnce('getSettings', {}).then(rememberSettings),
    () => peek('getSettings', {}) ?? lastSettings,
  );
  const [pushed, setPushed] = useState<Settings | null>(null);
  useEffect(() => getBridge().on('settings', (s) => setPushed(rememberSettings(s))), []);
  return { ...loaded, data: pushed ?? loaded.data, set: (s) => setPushed(rememberSettings(s)) };
}

/** True once the settings are known (loaded, or failed to load): what depends on them can be drawn without a guess. */
export function settingsKnown(settings: Loaded<Settings>): boolean {
  return settings.data !== null || settings.error !== null;
}

/** The movement mode (Settings) that decides which moves and routines are offered; the default until settings load. */
export function useMovementMode(): MovementMode {
  return useSettings().data?.movementMode ?? DEFAULT_SETTINGS.movementMode;
}

/** Wall-clock now, refreshed every `everyMs` (for live timers). */
export function useTicker(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** True when the user asked the OS for less motion. */
export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}
