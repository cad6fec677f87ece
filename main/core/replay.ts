import type { BoutRecord, PromptKind, PromptOutcome } from '../../shared/domain.js';
import { SittingEngine, type Effect, type EngineEvent } from './engine.js';
import { formatInstant, hoursPolicy } from './localTime.js';
import { dayRows, roundTo, summarize, type DayRow, type Summary } from './boutMetrics.js';
import type { Trace } from './trace.js';

/** Replays a parsed trace through the real engine on a virtual clock (DESIGN.md §3). */

export const ACTIVE_STEP_MS = 10_000;

export interface ReplayResult {
  bouts: BoutRecord[];
  prompts: { at: number; kind: PromptKind; outcome: PromptOutcome }[];
}

export function runTrace(trace: Trace): ReplayResult {
  const engine = new SittingEngine({ settings: trace.settings, hours: hoursPolicy(trace.settings, trace.zone) });
  const bouts: BoutRecord[] = [];
  const prompts: ReplayResult['prompts'] = [];
  const byId = new Map<number, number>();
  const take = (effects: Effect[]): void => {
    for (const e of effects) {
      if (e.type === 'bout-ended' && e.recorded) bouts.push(e.bout);
      else if (e.type === 'prompt') {
        byId.set(e.id, prompts.length);
        prompts.push({ at: e.at, kind: e.kind, outcome: !e.shown ? 'suppressed' : e.kind === 'posture' ? 'shown' : 'unanswered' });
      } else if (e.type === 'prompt-closed') {
        const i = byId.get(e.id);
        if (i !== undefined) prompts[i]!.outcome = e.outcome;
      }
    }
  };
  const input: EngineEvent = { type: 'input' };
  for (const ev of trace.events) {
    const at = { mono: ev.t, wall: ev.t };
    switch (ev.type) {
      case 'active':
        for (let x = ev.t; x < ev.until; x += ACTIVE_STEP_MS) take(engine.handle(input, { mono: x, wall: x }));
        take(engine.handle(input, { mono: ev.until, wall: ev.until }));
        break;
      case 'end':
        take(engine.close(at));
        break;
      case 'respond':
        take(engine.handle({ type: 'respond', action: ev.action }, at));
        break;
      default:
        take(engine.handle({ type: ev.type }, at));
    }
  }
  return { bouts, prompts };
}

export interface ReplayOutput {
  bouts: { start: string; end: string; minutes: number }[];
  prompts: { at: string; kind: PromptKind; outcome: PromptOutcome }[];
  days: DayRow[];
  summary: Summary;
}

export function replayOutput(trace: Trace): ReplayOutput {
  const { bouts, prompts } = runTrace(trace);
  const z = trace.zone;
  return {
    bouts: bouts.map((b) => ({ start: formatInstant(b.start, z), end: formatInstant(b.end, z), minutes: roundTo(b.durationMs / 60_000, 1) })),
    prompts: prompts.map((p) => ({ at: formatInstant(p.at, z), kind: p.kind, outcome: p.outcome })),
    days: dayRows(bouts, z),
    summary: summarize(bouts),
  };
}
