import { BUSY_REASONS, type BusyReason } from '../../shared/domain.js';
import type { BusyHeldSummary } from '../../shared/statsReport.js';
import { localDate } from './localTime.js';

const MINUTE = 60_000;

/** A prompt held back because the user was busy (DESIGN.md §6), with the end of the bout it fell in. */
export interface HeldPromptRow {
  reason: `busy:${BusyReason}`;
  at: number;
  zone: string;
  /** End of the recorded bout the prompt fell in; null while that bout is still open (not yet known). */
  boutEnd: number | null;
}

/**
 * Issue 12: how many prompts each busy reason held back in the local dates from…to, and how long the
 * user then kept sitting (from the held prompt to the end of its bout). Prompts in a bout still under
 * way are counted but add no sitting: how long it goes on is not known yet.
 */
export function busyHeld(rows: readonly HeldPromptRow[], range: { from: string; to: string }): BusyHeldSummary[] {
  const acc = new Map<BusyReason, { prompts: number; measured: number; ms: number }>();
  for (const r of rows) {
    const date = localDate(r.at, r.zone);
    if (date < range.from || date > range.to) continue;
    const reason = r.reason.slice('busy:'.length) as BusyReason;
    const a = acc.get(reason) ?? { prompts: 0, measured: 0, ms: 0 };
    a.prompts++;
    if (r.boutEnd !== null && r.boutEnd >= r.at) {
      a.measured++;
      a.ms += r.boutEnd - r.at;
    }
    acc.set(reason, a);
  }
  return BUSY_REASONS.filter((r) => acc.has(r)).map((reason) => {
    const a = acc.get(reason)!;
    return {
      reason,
      prompts: a.prompts,
      keptSittingMinutes: Math.round((a.ms / MINUTE) * 10) / 10,
      meanKeptSittingMinutes: a.measured > 0 ? Math.round((a.ms / a.measured / MINUTE) * 10) / 10 : null,
    };
  });
}
