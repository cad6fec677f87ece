import { BUSY_REASONS, type BusyReason } from '../../shared/domain.js';
import type { Settings } from '../../shared/settings.js';
import { busyCandidates, readBusySource, type BusyChoice } from '../platform/busySources.js';
import type { BusySource } from '../platform/types.js';

/**
 * What the Monitor asks before it shows a prompt (DESIGN.md §6): which busy reasons are on now.
 * The Monitor calls `read()` only when a prompt is due at that wake or one is held, so busy costs
 * no wakeups while nothing is due.
 */
export interface BusyPort {
  read(): Promise<ReadonlySet<BusyReason>>;
  /** Calls `onChange` when a source signals a change (D-Bus, dconf); returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  close(): void;
}

const SETTING_OF: Readonly<Record<BusyReason, keyof Settings>> = {
  dnd: 'busyDnd',
  fullscreen: 'busyFullscreen',
  call: 'busyCall',
  app: 'busyApp',
  calendar: 'busyCalendar',
};

/** The user's busy choices from their settings. */
export function busyChoiceOf(settings: Settings, zone: () => string): BusyChoice {
  return {
    enabled: new Set(BUSY_REASONS.filter((r) => settings[SETTING_OF[r]] === true)),
    apps: settings.busyApps,
    calendarFile: settings.busyCalendarFile,
    zone,
  };
}

/**
 * The platform's busy sources for the user's current choices, rebuilt when those change (Settings
 * apply without a restart). A source that fails says so once in the log and counts as not busy:
 * a broken source must never silence Sitwell for ever. It says so again only after it worked.
 */
export function createBusyWatcher(opts: {
  env: NodeJS.ProcessEnv;
  settings: () => Settings;
  zone: () => string;
  log: (line: string) => void;
  /** Default: the platform's sources (busySources.ts). */
  candidates?: (choice: BusyChoice) => BusySource[];
  timeoutMs?: number;
}): BusyPort {
  const candidates = opts.candidates ?? ((choice: BusyChoice) => busyCandidates(opts.env, choice));
  let key = '';
  let sources: BusySource[] = [];
  const failing = new Set<string>();
  const listeners = new Set<() => void>();
  const unwatch: (() => void)[] = [];

  const closeSources = () => {
    for (const u of unwatch.splice(0)) u();
    for (const s of sources) s.close();
    sources = [];
  };
  const watchSources = () => {
    for (const s of sources) {
      if (!s.watch) continue;
      let cancelled = false;
      let stop: (() => void) | null = null;
      unwatch.push(() => {
        cancelled = true;
        stop?.();
      });
      s.watch(() => listeners.forEach((l) => l())).then(
        (u) => (cancelled ? u() : (stop = u)),
        () => {}, // no change signal from this one: the once-a-minute reading while held covers it
      );
    }
  };
  const current = (): BusySource[] => {
    const choice = busyChoiceOf(opts.settings(), opts.zone);
    const next = JSON.stringify({ on: [...choice.enabled].sort(), apps: choice.apps, file: choice.calendarFile });
    if (next !== key) {
      closeSources();
      key = next;
      sources = candidates(choice);
      if (listeners.size > 0) watchSources();
    }
    return sources;
  };

  return {
    async read() {
      const readings = await Promise.all(current().map(async (s) => ({ s, r: await readBusySource(s, opts.timeoutMs) })));
      const on = new Set<BusyReason>();
      for (const { s, r } of readings) {
        if (!r.ok) {
          if (!failing.has(s.name)) opts.log(`busy source ${s.name} does not answer (${r.why}); counted as not busy`);
          failing.add(s.name);
          continue;
        }
        failing.delete(s.name);
        if (r.busy) on.add(s.reason);
      }
      return on;
    },
    watch(onChange) {
      listeners.add(onChange);
      if (listeners.size === 1) {
        current();
        watchSources();
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) for (const u of unwatch.splice(0)) u();
      };
    },
    close() {
      listeners.clear();
      closeSources();
      key = '';
    },
  };
}
