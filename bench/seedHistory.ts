import { DateTime } from 'luxon';
import { mulberry32 } from './prng.js';
import type { BreakOutcome } from '../shared/domain.js';
import type { Store } from '../main/store/types.js';


const MIN = 60_000;

export interface SeedOptions {
  /** First local date, YYYY-MM-DD. */
  from: string;
  days: number;
  zone?: string;
  seed?: number;
  /** Also standing periods at a sit-stand desk between some bouts (DESIGN.md §7), from a PRNG of their own. */
  standing?: boolean;
}

/**
 * Writes a realistic history through the real store API in one transaction: workdays (and a few
 * weekend days) of 8–12 bouts with skewed lengths, the posture and break prompts the default
 * settings would have shown, and their outcomes. Returns how many rows it wrote.
 */
export function seedHistory(store: Store, opts: SeedOptions): { bouts: number; prompts: number; standing: number } {
  const zone = opts.zone ?? 'Europe/Berlin';
  const rnd = mulberry32(opts.seed ?? 42);
  // Its own stream, so the bouts and prompts of a seed are the same with or without standing.
  const stand = mulberry32((opts.seed ?? 42) + 1);
  let bouts = 0;
  let prompts = 0;
  let standing = 0;
  store.transaction(() => {
    const first = DateTime.fromISO(opts.from, { zone });
    for (let i = 0; i < opts.days; i++) {
      const day = first.plus({ days: i });
      if (day.weekday > 5 && rnd() > 0.1) continue;
      let t = day.set({ hour: 8, minute: Math.floor(rnd() * 90) }).toMillis();
      const n = 8 + Math.floor(rnd() * 5);
      for (let k = 0; k < n; k++) {
        // Mostly 10–40 min, a long tail past an hour, the odd 2-minute one.
        const ms = Math.round(Math.max(1.2, Math.min(150, Math.exp(Math.log(32) + 0.75 * gauss(rnd)))) * MIN);
        store.addBout({ start: t, end: t + ms, durationMs: ms, zone });
        bouts++;
        for (let at = 15 * MIN; at < ms && at < 30 * MIN; at += 15 * MIN) {
          store.addPrompt({ at: t + at, kind: 'posture', outcome: 'shown', sittingMs: at, reason: null, zone });
          prompts++;
        }
        for (let at = 30 * MIN; at < ms; at += 10 * MIN) {
          const last = at + 10 * MIN >= ms;
          const outcome: BreakOutcome = last ? (rnd() < 0.3 ? 'stretched' : 'took-break') : (['snoozed', 'skipped', 'unanswered'] as const)[Math.floor(rnd() * 3)]!;
          const suppressed = rnd() < 0.05;
          store.addPrompt({ at: t + at, kind: 'break', outcome: suppressed ? 'suppressed' : outcome, sittingMs: at, reason: suppressed ? 'quiet-hours' : null, zone });
          prompts++;
        }
        t += ms + Math.round((2 + rnd() * 15 + (k === 4 ? 40 : 0)) * MIN);
        if (opts.standing && stand() < 0.35) {
          const standMs = Math.round((10 + stand() * 40) * MIN);
          store.addStanding({ start: t, end: t + standMs, durationMs: standMs, zone });
          standing++;
          t += standMs + 2 * MIN;
        }
      }
    }
  });
  return { bouts, prompts, standing };
}

function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}
