import type { SessionEvent, SessionEventType, SessionEvents } from '../platform/types.js';

/**
 * Electron's powerMonitor events as the platform's SessionEvents. powerMonitor's lock events
 * exist on macOS and Windows only; on Linux the platform's logind/screensaver mechanisms report
 * locks and openSessionEvents merges both streams, dropping repeats.
 */

export const POWER_EVENTS = ['lock-screen', 'unlock-screen', 'suspend', 'resume', 'shutdown'] as const;
export type PowerEventName = (typeof POWER_EVENTS)[number];

const MAP: Record<PowerEventName, SessionEventType> = {
  'lock-screen': 'lock',
  'unlock-screen': 'unlock',
  suspend: 'suspend',
  resume: 'resume',
  shutdown: 'shutdown',
};

/** The session event a powerMonitor event means, or null for events Sitwell ignores (on-ac, thermal-state-change…). */
export function mapPowerEvent(name: string): SessionEventType | null {
  return Object.hasOwn(MAP, name) ? MAP[name as PowerEventName] : null;
}

/** The parts of Electron's powerMonitor used here. */
export interface PowerMonitorLike {
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
  getSystemIdleTime(): number;
}

export const POWER_SOURCE_NAME = 'electron-powerMonitor';

/** A SessionEvents stream over powerMonitor; close() removes every listener it added. */
export function powerSessionEvents(pm: PowerMonitorLike): SessionEvents {
  const listeners = new Set<(e: SessionEvent) => void>();
  const handlers = POWER_EVENTS.map((name) => {
    const type = MAP[name];
    const handler = () => {
      for (const l of [...listeners]) {
        try {
          l({ type, source: POWER_SOURCE_NAME });
        } catch (e) {
          process.stderr.write(`sitwell: a session listener failed: ${(e as Error).message}\n`);
        }
      }
    };
    pm.on(name, handler);
    return [name, handler] as const;
  });
  return {
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      for (const [name, handler] of handlers) pm.removeListener(name, handler);
      listeners.clear();
    },
  };
}
