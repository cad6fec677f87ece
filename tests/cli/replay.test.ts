import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitwell } from '../helpers/sitwellCli.js';
import { diffReplay, FIXTURES_DIR, fixtureNames } from './replayCompare.js';

// `sitwell replay FILE` as a real child process (node --import tsx main/cli/main.ts), DESIGN.md §3.

const dir = mkdtempSync(join(tmpdir(), 'sitwell-replay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function traceFile(name: string, lines: string[], finalNewline = true): string {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, lines.join('\n') + (finalNewline ? '\n' : ''));
  return file;
}

const HEADER = '{"type":"header","tz":"Europe/Berlin"}';
const ev = (t: string, type: string, extra = ''): string => `{"t":"${t}","type":"${type}"${extra}}`;
const END = ev('2026-06-10T10:00:00+02:00', 'end');

describe('sitwell replay: a valid trace', () => {
  it('exits 0 and prints one JSON document with bouts, prompts, days and summary', async () => {
    const file = traceFile('ok', [HEADER, ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10T09:31:00+02:00"'), END]);
    const run = await runSitwell(['replay', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['bouts', 'prompts', 'days', 'standing', 'summary']);
    expect(out.bouts).toEqual([{ start: '2026-06-10T09:00:00+02:00', end: '2026-06-10T09:31:00+02:00', minutes: 31 }]);
    expect(out.prompts).toEqual([
      { at: '2026-06-10T09:15:00+02:00', kind: 'posture', outcome: 'shown' },
      { at: '2026-06-10T09:30:00+02:00', kind: 'break', outcome: 'took-break' },
    ]);
    expect(out.days).toEqual([{ date: '2026-06-10', sittingMinutes: 31, bouts: 1, longestBoutMinutes: 31, breaks: 0, standingMinutes: 0 }]);
    expect(out.standing).toEqual([]);
    expect(out.summary).toEqual({ bouts: 1, sittingMinutes: 31, alpha: 1.291, w50Minutes: 31, gini: 0, standingMinutes: 0 });
  });

  it('replay --help exits 0', async () => {
    const run = await runSitwell(['replay', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/trace/);
  });
});

describe.concurrent('sitwell replay: every tests/fixtures trace matches its expected output (§3 tolerances)', () => {
  const names = fixtureNames();
  it('has the shared examples and at least 10 of our own', () => {
    expect(names).toEqual(expect.arrayContaining(['workday', 'locks-and-sleep', 'london-spring-forward', 'lock-defers-prompt', 'meeting-holds-prompt', 'busy-and-locks']));
    expect(names.length).toBeGreaterThanOrEqual(14);
  });
  for (const name of names) {
    it(name, async () => {
      const run = await runSitwell(['replay', join(FIXTURES_DIR, `${name}.jsonl`)]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8'));
      expect(diffReplay(JSON.parse(run.stdout), expected)).toEqual([]);
    });
  }
});

describe.concurrent('sitwell replay: bad input exits 2, names the line on stderr, prints nothing on stdout', () => {
  const cases: { name: string; lines: string[]; line: number; says: RegExp; finalNewline?: boolean }[] = [
    { name: 'malformed-json', lines: [HEADER, '{"t":"2026-06-10T09:00:00+02:00","type":"input",}', END], line: 2, says: /JSON/ },
    { name: 'unknown-type', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'sneeze'), END], line: 2, says: /unknown type "sneeze"/ },
    { name: 'unknown-setting', lines: ['{"type":"header","tz":"UTC","settings":{"coffeeMinutes":5}}', END], line: 1, says: /coffeeMinutes/ },
    { name: 'bad-setting', lines: ['{"type":"header","tz":"UTC","settings":{"minBreakMinutes":-1}}', END], line: 1, says: /minBreakMinutes/ },
    { name: 'bad-instant', lines: [HEADER, ev('2026-13-01T09:00:00+02:00', 'input'), END], line: 2, says: /2026-13-01/ },
    { name: 'no-offset', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input'), ev('2026-06-10T09:00:30', 'input'), END], line: 3, says: /offset/ },
    { name: 'out-of-order', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input'), ev('2026-06-10T08:59:00+02:00', 'input'), END], line: 3, says: /out of order/ },
    {
      name: 'until-after-next',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10T09:30:00+02:00"'), ev('2026-06-10T09:20:00+02:00', 'lock'), END],
      line: 2,
      says: /until.*line 3/,
    },
    // Without a final newline: with one, the parser names a line past the end.
    { name: 'missing-end', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input')], line: 2, says: /"end"/, finalNewline: false },
    { name: 'busy-unknown-reason', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'busy', ',"reason":"lunch"'), END], line: 2, says: /"busy" needs "reason": one of dnd, fullscreen, call, app, calendar \(not "lunch"\)/ },
    { name: 'free-without-reason', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'free'), END], line: 2, says: /"free" needs "reason".*missing/ },
    { name: 'busy-extra-key', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'busy', ',"reason":"call","until":"2026-06-10T10:00:00+02:00"'), END], line: 2, says: /unknown key\(s\) for "busy": until/ },
    { name: 'after-end', lines: [HEADER, END, ev('2026-06-10T10:30:00+02:00', 'input')], line: 3, says: /after "end"/ },
    { name: 'second-header', lines: [HEADER, HEADER, END], line: 2, says: /second header/ },
    { name: 'no-header', lines: [ev('2026-06-10T09:00:00+02:00', 'input'), END], line: 1, says: /header/ },
    { name: 'unknown-tz', lines: ['{"type":"header","tz":"Moon/Tranquility"}', END], line: 1, says: /Moon\/Tranquility/ },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const file = traceFile(c.name, c.lines, c.finalNewline);
      const run = await runSitwell(['replay', file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      // One line: "sitwell: FILE:LINE: problem".
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`${file}:${c.line}: `);
      expect(run.stderr).toMatch(c.says);
    });
  }

  it('a file that does not exist', async () => {
    const run = await runSitwell(['replay', join(dir, 'nope.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/nope\.jsonl/);
  });

  it('no file argument: usage error', async () => {
    const run = await runSitwell(['replay']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/missing required argument/i);
  });
});
