import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The comparison of ../shared/tools/check-traces.py in TypeScript (DESIGN.md §3 tolerances):
 * bout instants ±2 s, bout minutes ±0.1, prompt times ±60 s with the same kind and outcome,
 * day sitting ±0.2 (a sum of rounded parts), longest bout ±0.1, summary as the script has it.
 * Returns the list of differences; empty means "matches".
 */

type Json = Record<string, unknown>;
const inst = (s: unknown): number => Date.parse(String(s)) / 1000;
const num = (x: unknown, fallback = -99): number => (typeof x === 'number' ? x : fallback);
const list = (x: unknown): Json[] => (Array.isArray(x) ? (x as Json[]) : []);

export function diffReplay(got: Json, exp: Json): string[] {
  const errs: string[] = [];
  const gb = list(got.bouts);
  const eb = list(exp.bouts);
  if (gb.length !== eb.length) errs.push(`${gb.length} bouts, expected ${eb.length}`);
  for (let i = 0; i < Math.min(gb.length, eb.length); i++) {
    const g = gb[i]!;
    const e = eb[i]!;
    if (Math.abs(inst(g.start) - inst(e.start)) > 2 || Math.abs(inst(g.end) - inst(e.end)) > 2 || Math.abs(num(g.minutes) - num(e.minutes)) > 0.1) {
      errs.push(`bout ${i}: got ${JSON.stringify(g)}, expected ${JSON.stringify(e)}`);
      break;
    }
  }
  const gp = list(got.prompts);
  const ep = list(exp.prompts);
  if (gp.length !== ep.length) errs.push(`${gp.length} prompts, expected ${ep.length}`);
  for (let i = 0; i < Math.min(gp.length, ep.length); i++) {
    const g = gp[i]!;
    const e = ep[i]!;
    if (g.kind !== e.kind || g.outcome !== e.outcome || !(Math.abs(inst(g.at) - inst(e.at)) <= 60)) {
      errs.push(`prompt ${i}: got ${JSON.stringify(g)}, expected ${JSON.stringify(e)}`);
      break;
    }
  }
  const gd = list(got.days);
  const ed = list(exp.days);
  if (gd.length !== ed.length) errs.push(`${gd.length} days, expected ${ed.length}`);
  for (let i = 0; i < Math.min(gd.length, ed.length); i++) {
    const g = gd[i]!;
    const e = ed[i]!;
    if (
      g.date !== e.date ||
      g.bouts !== e.bouts ||
      g.breaks !== e.breaks ||
      Math.abs(num(g.sittingMinutes) - num(e.sittingMinutes)) > 0.2 ||
      Math.abs(num(g.longestBoutMinutes) - num(e.longestBoutMinutes)) > 0.1
    ) {
      errs.push(`day: got ${JSON.stringify(g)}, expected ${JSON.stringify(e)}`);
      break;
    }
  }
  const gs = (got.summary ?? {}) as Json;
  const es = (exp.summary ?? {}) as Json;
  if ('standing' in exp) errs.push(...diffStanding(got, exp, gd, ed, gs, es));
  const tolerances: [string, number][] = [
    ['bouts', 0],
    ['sittingMinutes', 0.2],
    ['alpha', 0.001],
    ['w50Minutes', 0.1],
    ['gini', 0.001],
  ];
  for (const [k, tol] of tolerances) {
    const a = gs[k] ?? null;
    const b = es[k] ?? null;
    if ((a === null) !== (b === null) || (a !== null && !(Math.abs(num(a) - num(b)) <= tol + 1e-9))) {
      errs.push(`summary.${k}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
    }
  }
  return errs;
}

/** DESIGN.md §7: standing periods ±2 s, each day's and the summary's standing minutes ±0.2. */
function diffStanding(got: Json, exp: Json, gd: Json[], ed: Json[], gs: Json, es: Json): string[] {
  const errs: string[] = [];
  const gst = list(got.standing);
  const est = list(exp.standing);
  if (gst.length !== est.length) errs.push(`${gst.length} standing periods, expected ${est.length}`);
  for (let i = 0; i < Math.min(gst.length, est.length); i++) {
    const g = gst[i]!;
    const e = est[i]!;
    if (Math.abs(inst(g.start) - inst(e.start)) > 2 || Math.abs(inst(g.end) - inst(e.end)) > 2) {
      errs.push(`standing ${i}: got ${JSON.stringify(g)}, expected ${JSON.stringify(e)}`);
      break;
    }
  }
  for (let i = 0; i < Math.min(gd.length, ed.length); i++) {
    if (Math.abs(num(gd[i]!.standingMinutes) - num(ed[i]!.standingMinutes)) > 0.2) {
      errs.push(`day ${String(ed[i]!.date)}: standingMinutes ${JSON.stringify(gd[i]!.standingMinutes)}, expected ${JSON.stringify(ed[i]!.standingMinutes)}`);
      break;
    }
  }
  if (Math.abs(num(gs.standingMinutes) - num(es.standingMinutes)) > 0.2) {
    errs.push(`summary.standingMinutes: got ${JSON.stringify(gs.standingMinutes)}, expected ${JSON.stringify(es.standingMinutes)}`);
  }
  return errs;
}

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

/** Every tests/fixtures/NAME.jsonl that has a NAME.expected.json next to it. */
export function fixtureNames(): string[] {
  const files = new Set(readdirSync(FIXTURES_DIR));
  return [...files]
    .filter((f) => f.endsWith('.jsonl') && files.has(f.replace(/\.jsonl$/, '.expected.json')))
    .map((f) => f.replace(/\.jsonl$/, ''))
    .sort();
}
