import { Listeners } from './listeners.js';
import { openLogindEvents, type SessionEventsResult } from './sessionLogind.js';
import { openScreenSaverEvents } from './sessionScreenSaver.js';
import type { Probe, SessionEvent, SessionEvents } from './types.js';

export interface SessionMechanism {
  name: string;
  open(env: NodeJS.ProcessEnv): Promise<SessionEventsResult>;
}

export function sessionMechanisms(platform: NodeJS.Platform = process.platform, timeoutMs?: number): SessionMechanism[] {
  if (platform !== 'linux' && !platform.endsWith('bsd')) return [];
  return [
    { name: 'logind', open: (env) => openLogindEvents(env, { timeoutMs }) },
    { name: 'screensaver', open: (env) => openScreenSaverEvents(env, { timeoutMs }) },
  ];
}

/**
 * Opens every lock/sleep mechanism available and merges them into one stream. Several mechanisms usually
 * report the same lock (logind's LockedHint and the screensaver's ActiveChanged), so repeats of the current
 * state are dropped: the stream alternates lock/unlock and suspend/resume. Never rejects: with nothing
 * available it returns a silent stream and `tried` says why each mechanism is missing.
 */
export async function openSessionEvents(
  env: NodeJS.ProcessEnv = process.env,
  opts: { platform?: NodeJS.Platform; mechanisms?: SessionMechanism[]; timeoutMs?: number } = {},
): Promise<{ events: SessionEvents; tried: Probe[] }> {
  const platform = opts.platform ?? process.platform;
  const mechanisms = opts.mechanisms ?? sessionMechanisms(platform, opts.timeoutMs);
  const tried: Probe[] = [];
  if (mechanisms.length === 0) {
    tried.push({ name: 'lock/sleep events', ok: false, why: `no headless lock/sleep mechanism on ${platform} (the desktop app uses Electron's powerMonitor)` });
  }
  const results = await Promise.all(
    mechanisms.map(async (m) => {
      try {
        return await m.open(env);
      } catch (e) {
        return { ok: false, why: e instanceof Error ? e.message : String(e) } satisfies SessionEventsResult;
      }
    }),
  );
  const open: SessionEvents[] = [];
  mechanisms.forEach((m, i) => {
    const r = results[i]!;
    if (r.ok) {
      open.push(r.events);
      tried.push({ name: m.name, ok: true, why: r.detail });
    } else {
      tried.push({ name: m.name, ok: false, why: r.why });
    }
  });

  const listeners = new Listeners<SessionEvent>();
  let locked: boolean | null = null;
  let asleep: boolean | null = null;
  let shutDown = false;
  const forward = (e: SessionEvent) => {
    if (e.type === 'lock' || e.type === 'unlock') {
      const now = e.type === 'lock';
      if (locked === now) return;
      locked = now;
    } else if (e.type === 'suspend' || e.type === 'resume') {
      const now = e.type === 'suspend';
      if (asleep === now) return;
      asleep = now;
    } else {
      if (shutDown) return;
      shutDown = true;
    }
    listeners.emit(e);
  };
  const unsubscribe = open.map((s) => s.on(forward));
  return {
    tried,
    events: {
      on: (l) => listeners.add(l),
      close: async () => {
        for (const u of unsubscribe) u();
        listeners.clear();
        await Promise.all(open.map((s) => s.close()));
      },
    },
  };
}
