import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayOutput, runTrace } from '../../main/core/replay.js';
import { parseTrace } from '../../main/core/trace.js';
import { diffReplay, FIXTURES_DIR, fixtureNames } from '../cli/replayCompare.js';

// The replay of DESIGN.md §3 in-process (the CLI tests run the same through a child process).

const replayText = (text: string) => replayOutput(parseTrace(text));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('replay: tests/fixtures match their expected output', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const got = replayText(readFileSync(join(FIXTURES_DIR, `${name}.jsonl`), 'utf8'));
      expect(diffReplay(got as never, readJson(join(FIXTURES_DIR, `${name}.expected.json`)))).toEqual([]);
    });
  }
});

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'traces');
const hasShared = existsSync(SHARED);
if (!hasShared) console.log(`skipping the ../shared/traces originals: ${SHARED} is not there (copies are in tests/fixtures)`);
describe.skipIf(!hasShared)('replay: ../shared/traces (the originals) match', () => {
  const names = hasShared ? readdirSync(SHARED).filter((f) => f.endsWith('.jsonl')) : [];
  for (const f of names) {
    it(f, () => {
      const exp = join(SHARED, f.replace(/\.jsonl$/, '.expected.json'));
      const got = replayText(readFileSync(join(SHARED, f), 'utf8'));
      expect(diffReplay(got as never, readJson(exp))).toEqual([]);
    });
  }
});

describe('replay: the comparison applies exactly the §3 tolerances', () => {
  const base = readJson(join(FIXTURES_DIR, 'workday.expected.json'));
  const clone = () => structuredClone(base);

  it('identical output matches', () => {
    expect(diffReplay(clone(), base)).toEqual([]);
  });

  it('bout instants ±2 s pass, 3 s fail', () => {
    const ok = clone();
    ok.bouts[0].start = '2026-06-10T09:00:02+02:00';
    expect(diffReplay(ok, base)).toEqual([]);
    const bad = clone();
    bad.bouts[0].end = '2026-06-10T09:47:03+02:00';
    expect(diffReplay(bad, base)).toHaveLength(1);
  });

  it('the same instant written in another offset is the same instant', () => {
    const g = clone();
    g.bouts[0].start = '2026-06-10T07:00:00Z';
    expect(diffReplay(g, base)).toEqual([]);
  });

  it('prompt times ±60 s pass, 61 s fail; kind and outcome must be equal', () => {
    const ok = clone();
    ok.prompts[0].at = '2026-06-10T09:16:00+02:00';
    expect(diffReplay(ok, base)).toEqual([]);
    const late = clone();
    late.prompts[0].at = '2026-06-10T09:16:01+02:00';
    expect(diffReplay(late, base)).toHaveLength(1);
    const outcome = clone();
    outcome.prompts[1].outcome = 'skipped';
    expect(diffReplay(outcome, base)).toHaveLength(1);
  });

  it('counts must agree; minutes ±0.1; summary null vs number is a difference', () => {
    const fewer = clone();
    fewer.prompts.pop();
    expect(diffReplay(fewer, base)[0]).toMatch(/6 prompts, expected 7/);
    const minutes = clone();
    minutes.bouts[1].minutes = 73.2;
    expect(diffReplay(minutes, base)).toHaveLength(1);
    const alpha = clone();
    alpha.summary.alpha = null;
    expect(diffReplay(alpha, base)).toEqual(['summary.alpha: got null, expected 1.264']);
  });
});

describe('replay: trace semantics', () => {
  const H = '{"type":"header","tz":"UTC"}';
  const line = (t: string, type: string, extra = '') => `{"t":"2026-01-05T${t}Z","type":"${type}"${extra}}`;

  it('"active" is input at t, every 10 s and at until: a 2-minute span stays one bout', () => {
    const out = replayText([H, line('09:00:00', 'active', ',"until":"2026-01-05T09:30:05Z"'), line('09:40:00', 'end')].join('\n'));
    expect(out.bouts).toEqual([{ start: '2026-01-05T09:00:00+00:00', end: '2026-01-05T09:30:05+00:00', minutes: 30.1 }]);
  });

  it('a prompt due exactly at a line\'s t is shown before the line applies', () => {
    // The break prompt is due at 09:30:00, the same instant as the respond: it is snoozed, not ignored.
    const out = replayText(
      [H, line('09:00:00', 'active', ',"until":"2026-01-05T09:30:00Z"'), line('09:30:00', 'respond', ',"action":"snooze"'), line('09:31:00', 'end')].join('\n'),
    );
    expect(out.prompts.map((p) => `${p.kind}:${p.outcome}`)).toEqual(['posture:shown', 'break:snoozed']);
  });

  it('lines with the same t apply in file order (unlock then lock keeps the screen locked)', () => {
    const out = replayText(
      [H, line('09:00:00', 'active', ',"until":"2026-01-05T09:10:00Z"'), line('09:10:30', 'lock'), line('09:11:00', 'unlock'), line('09:11:00', 'lock'), line('09:11:30', 'input'), line('09:20:00', 'end')].join('\n'),
    );
    // The input at 09:11:30 is on a locked screen, so the bout ends at the unlock (09:11:00).
    expect(out.bouts.map((b) => b.end)).toEqual(['2026-01-05T09:11:00+00:00']);
  });

  it('runTrace returns epoch instants; output instants carry the zone offset', () => {
    const trace = parseTrace(
      ['{"type":"header","tz":"Asia/Kathmandu"}', line('09:00:00', 'active', ',"until":"2026-01-05T09:05:00Z"'), line('09:10:00', 'end')].join('\n'),
    );
    expect(runTrace(trace).bouts).toEqual([{ start: Date.parse('2026-01-05T09:00:00Z'), end: Date.parse('2026-01-05T09:05:00Z'), durationMs: 300_000 }]);
    expect(replayOutput(trace).bouts[0]!.start).toBe('2026-01-05T14:45:00+05:45');
  });
});
