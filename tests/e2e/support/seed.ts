import { DateTime } from 'luxon';
import { formatHlc } from '../../../main/core/sync/hlc.js';
import type { JournalRecord } from '../../../main/core/sync/journal.js';
import { openStore } from '../../../main/store/index.js';
import type { BreakOutcome } from '../../../shared/domain.js';

/**
 * Seeds a history through the real store API (the same writes the monitor makes), so statistics
 * tests and the benchmark read what a real user's database holds. Deterministic for a seed.
 */

export interface SeedOptions {
  /** Last local date seeded (inclusive), YYYY-MM-DD. */
  to: string;
  days: number;
  zone: string;
  seed?: number;
  /** Also add a check-in every `checkInEvery` days (0: none). */
  checkInEvery?: number;
}

export interface SeedResult {
  from: string;
  to: string;
  bouts: number;
  prompts: number;
  checkIns: number;
}

function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOMES: BreakOutcome[] = ['stretched', 'snoozed', 'skipped', 'took-break', 'unanswered'];

export function seedHistory(dbPath: string, opts: SeedOptions): SeedResult {
  const rnd = prng(opts.seed ?? 42);
  const store = openStore(dbPath);
  const end = DateTime.fromISO(opts.to, { zone: opts.zone });
  const first = end.minus({ days: opts.days - 1 });
  let bouts = 0;
  let prompts = 0;
  let checkIns = 0;
  try {
    store.updateSettings({ timeZone: opts.zone });
    store.transaction(() => {
      for (let i = 0; i < opts.days; i++) {
        const day = first.plus({ days: i });
        const weekend = day.weekday >= 6;
        if (weekend && rnd() < 0.6) continue;
        // The working day starts between 7:30 and 9:30; some evenings run past midnight.
        let t = day.set({ hour: 7, minute: 30 }).plus({ minutes: Math.floor(rnd() * 120) }).toMillis();
        const count = weekend ? 1 + Math.floor(rnd() * 3) : 4 + Math.floor(rnd() * 7);
        for (let b = 0; b < count; b++) {
          // Heavy-tailed lengths: many short bouts, a few long ones (up to about 3 hours).
          const minutes = Math.min(180, 2 + Math.floor(-Math.log(1 - rnd()) * 28));
          const durationMs = minutes * 60_000 + Math.floor(rnd() * 59) * 1000;
          store.addBout({ start: t, end: t + durationMs, durationMs, zone: opts.zone });
          bouts++;
          for (let p = 15; p < Math.min(minutes, 30); p += 15) {
            store.addPrompt({ at: t + p * 60_000, kind: 'posture', outcome: 'shown', sittingMs: p * 60_000, reason: null, zone: opts.zone });
            prompts++;
          }
          for (let p = 30; p < minutes; p += 10) {
            const suppressed = rnd() < 0.08;
            const outcome = suppressed ? 'suppressed' : (OUTCOMES[Math.floor(rnd() * OUTCOMES.length)] ?? 'unanswered');
            store.addPrompt({
              at: t + p * 60_000,
              kind: 'break',
              outcome,
              sittingMs: p * 60_000,
              reason: suppressed ? 'quiet-hours' : null,
              zone: opts.zone,
            });
            prompts++;
            if (outcome === 'skipped') p += 20;
          }
          t += durationMs + (3 + Math.floor(rnd() * 40)) * 60_000;
        }
        if (opts.checkInEvery && i % opts.checkInEvery === 0) {
          const flagged = rnd() < 0.1;
          store.addCheckIn({
            at: day.set({ hour: 17, minute: 45 }).toMillis(),
            soreness: Math.floor(rnd() * 8),
            areas: rnd() < 0.5 ? ['left-buttock'] : ['lower-back', 'right-hip'],
            redFlags: flagged ? ['severe-or-worsening'] : [],
            note: '',
            zone: opts.zone,
          });
          checkIns++;
        }
      }
    });
  } finally {
    store.close();
  }
  return { from: first.toISODate()!, to: end.toISODate()!, bouts, prompts, checkIns };
}

/**
 * Another computer's records in the history, as an import from the sync folder brings them (issue 15):
 * its name (none: "") and its bouts. Stamped just before `importedAt`, when they came in.
 */
export function seedOtherDevice(dbPath: string, device: { id: string; name: string; bouts: { start: number; end: number; zone: string }[]; importedAt: number }): void {
  const s = openStore(dbPath);
  try {
    let n = 0;
    const line = (body: object): JournalRecord =>
      ({ v: 1, device: device.id, uid: `r${n}`, hlc: formatHlc({ ms: device.importedAt - 1000 + n++, count: 0, device: device.id }), ...body }) as JournalRecord;
    const records: JournalRecord[] = device.name ? [{ ...line({ type: 'device', name: device.name }), uid: 'device' }] : [];
    for (const b of device.bouts) records.push(line({ type: 'bout', ...b }));
    s.sync.importRecords(records, device.importedAt);
  } finally {
    s.close();
  }
}
