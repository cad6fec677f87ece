import { DateTime } from 'luxon';
import { mulberry32 } from './prng.js';
import { SittingEngine, type Effect } from '../main/core/engine.js';
import { dayRows, summarize } from '../main/core/boutMetrics.js';
import { DEFAULT_SETTINGS } from '../shared/settings.js';
import type { BoutRecord } from '../shared/domain.js';


/** Work blocks of a synthetic year: weekdays 09:00–17:30 in Berlin, 25–70 min stretches of input, 3–15 min breaks, lunch. */
export function syntheticYear(zone = 'Europe/Berlin', year = 2026): [number, number][] {
  const rnd = mulberry32(year);
  const blocks: [number, number][] = [];
  for (let d = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }); d.year === year; d = d.plus({ days: 1 })) {
    if (d.weekday > 5) continue;
    let t = d.set({ hour: 9, minute: Math.floor(rnd() * 30) }).toMillis();
    const lunch = d.set({ hour: 12, minute: 30 }).toMillis();
    const end = d.set({ hour: 17, minute: 30 }).toMillis();
    let lunched = false;
    while (t < end) {
      const len = (25 + rnd() * 45) * 60_000;
      blocks.push([t, Math.min(end, t + len)]);
      t += len + (3 + rnd() * 12) * 60_000;
      if (!lunched && t > lunch) {
        t += 45 * 60_000;
        lunched = true;
      }
    }
  }
  return blocks;
}

export interface ReplayBench {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  bouts: number;
  /** A plain loop over the same events doing nothing but reading the time: the machine's floor. */
  baselineEventsPerSecond: number;
}

/** Feeds a year of second-by-second input through the real engine on a virtual clock. */
export function benchReplay(): ReplayBench {
  const blocks = syntheticYear();
  const engine = new SittingEngine({ settings: DEFAULT_SETTINGS });
  const input = { type: 'input' } as const;
  const at = { mono: 0, wall: 0 };
  const bouts: BoutRecord[] = [];
  const take = (fx: Effect[]) => {
    for (const e of fx) if (e.type === 'bout-ended' && e.recorded) bouts.push(e.bout);
  };
  let events = 0;
  const t0 = performance.now();
  for (const [from, to] of blocks) {
    for (let t = from; t <= to; t += 1000) {
      at.mono = at.wall = t;
      take(engine.handle(input, at));
      events++;
    }
  }
  const last = blocks[blocks.length - 1]![1] + 3_600_000;
  take(engine.close({ mono: last, wall: last }));
  dayRows(bouts, 'Europe/Berlin');
  summarize(bouts);
  const seconds = (performance.now() - t0) / 1000;

  let sink = 0;
  const b0 = performance.now();
  for (const [from, to] of blocks) for (let t = from; t <= to; t += 1000) sink += t & 1;
  const baselineSeconds = (performance.now() - b0) / 1000 || 1e-9;
  if (sink < 0) console.log(sink);
  return { events, seconds, eventsPerSecond: events / seconds, bouts: bouts.length, baselineEventsPerSecond: events / baselineSeconds };
}
