import type { BoutRecord, PromptKind, PromptOutcome, StandingRecord } from '../../shared/domain.js';
import { firstOutcome, SittingEngine, type Effect } from './engine.js';
import { formatInstant, hoursPolicy } from './localTime.js';
import { dayRows, roundTo, summarize, type DayRow, type Summary } from './boutMetrics.js';
import type { Trace, TraceEvent } from './trace.js';

/** Replays a parsed trace through the real engine on a virtual clock (DESIGN.md §3). */

export const ACTIVE_STEP_MS = 10_000;

export interface ReplayResult {
  bouts: BoutRecord[];
  prompts: { at: number; kind: PromptKind; outcome: PromptOutcome }[];
  standing: StandingRecord[];
}

/** Feeds one trace line to the engine (an `active` line as its inputs every 10 s) and returns what came out. */
export function feedLine(engine: SittingEngine, ev: TraceEvent): Effect[] {
  const at = { mono: ev.t, wall: ev.t };
  switch (ev.type) {
    case 'active': {
      const out: Effect[] = [];
      for (let x = ev.t; x < ev.until; x += ACTIVE_STEP_MS) out.push(...engine.handle({ type: 'input' }, { mono: x, wall: x }));
      out.push(...engine.handle({ type: 'input' }, { mono: ev.until, wall: ev.until }));
      return out;
    }
    case 'end':
      return engine.close(at);
    case 'respond':
      return engine.handle({ type: 'respond', action: ev.action }, at);
    case 'busy':
    case 'free':
      return engine.handle({ type: ev.type, reason: ev.reason }, at);
    default:
      return engine.handle({ type: ev.type }, at);
  }
}

export function traceEngine(trace: Trace): SittingEngine {
  return new SittingEngine({ settings: trace.settings, hours: hoursPolicy(trace.settings, trace.zone) });
}

export function runTrace(trace: Trace): ReplayResult {
  const engine = traceEngine(trace);
  const bouts: BoutRecord[] = [];
  const standing: StandingRecord[] = [];
  const prompts: ReplayResult['prompts'] = [];
  const byId = new Map<number, number>();
  const take = (effects: Effect[]): void => {
    for (const e of effects) {
      if (e.type === 'bout-ended' && e.recorded) bouts.push(e.bout);
      else if (e.type === 'standing-ended' && e.recorded) standing.push(e.period);
      else if (e.type === 'prompt') {
        byId.set(e.id, prompts.length);
        prompts.push({ at: e.at, kind: e.kind, outcome: firstOutcome(e) });
      } else if (e.type === 'prompt-closed') {
        const i = byId.get(e.id);
        if (i !== undefined) prompts[i]!.outcome = e.outcome;
      }
    }
  };
  for (const ev of trace.events) take(feedLine(engine, ev));
  return { bouts, prompts, standing };
}

export interface ReplayOutput {
  bouts: { start: string; end: string; minutes: number }[];
  prompts: { at: string; kind: PromptKind; outcome: PromptOutcome }[];
  days: DayRow[];
  standing: { start: string; end: string; minutes: number }[];
  summary: Summary;
}

export function replayOutput(trace: Trace): ReplayOutput {
  const { bouts, prompts, standing } = runTrace(trace);
  const z = trace.zone;
  const period = (b: BoutRecord) => ({ start: formatInstant(b.start, z), end: formatInstant(b.end, z), minutes: roundTo(b.durationMs / 60_000, 1) });
  return {
    bouts: bouts.map(period),
    prompts: prompts.map((p) => ({ at: formatInstant(p.at, z), kind: p.kind, outcome: p.outcome })),
    days: dayRows(bouts, z, standing),
    standing: standing.map(period),
    summary: summarize(bouts, standing),
  };
}
