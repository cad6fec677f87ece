import { describe, expect, it } from 'vitest';
import { parseInstant, parseTrace, TraceError } from '../../main/core/trace.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';

// DESIGN.md §3: the trace format, and every way it can be wrong (each error names its line).

const HEADER = '{"type":"header","tz":"Europe/Berlin"}';
const ev = (t: string, type: string, extra = ''): string => `{"t":"${t}","type":"${type}"${extra}}`;
const END = ev('2026-06-10T10:00:00+02:00', 'end');

function errorOf(text: string): TraceError {
  try {
    parseTrace(text);
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw new Error(`expected a TraceError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the trace to be rejected');
}

describe('trace: valid traces', () => {
  it('parses the header, applies default settings and keeps the events in order', () => {
    const t = parseTrace(
      [
        '{"type":"header","tz":"Europe/Berlin","settings":{"sitLimitMinutes":40}}',
        ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10T09:10:00+02:00"'),
        ev('2026-06-10T07:10:00Z', 'respond', ',"action":"skip"'),
        END,
        '',
      ].join('\n'),
    );
    expect(t.zone).toBe('Europe/Berlin');
    expect(t.settings).toEqual({ ...DEFAULT_SETTINGS, sitLimitMinutes: 40 });
    expect(t.events).toEqual([
      { line: 2, t: Date.parse('2026-06-10T07:00:00Z'), type: 'active', until: Date.parse('2026-06-10T07:10:00Z') },
      { line: 3, t: Date.parse('2026-06-10T07:10:00Z'), type: 'respond', action: 'skip' },
      { line: 4, t: Date.parse('2026-06-10T08:00:00Z'), type: 'end' },
    ]);
  });

  it('accepts CRLF line ends, blank lines, equal instants and every event type', () => {
    const types = ['input', 'lock', 'unlock', 'suspend', 'resume', 'quit', 'start', 'stretch-start', 'stretch-end'];
    const lines = [HEADER, '', ...types.map((ty) => ev('2026-06-10T09:00:00+02:00', ty)), END];
    const t = parseTrace(lines.join('\r\n'));
    expect(t.events.map((e) => e.type)).toEqual([...types, 'end']);
    expect(t.events[0]!.line).toBe(3);
  });

  it('instants: offsets and Z are accepted, fractions too', () => {
    expect(parseInstant('2026-03-29T09:00:00+02:00')).toBe(Date.parse('2026-03-29T07:00:00Z'));
    expect(parseInstant('2026-03-29T07:00:00.5Z')).toBe(Date.parse('2026-03-29T07:00:00.500Z'));
    expect(parseInstant('2026-03-29T07:00Z')).toBe(Date.parse('2026-03-29T07:00:00Z'));
  });
});

describe('trace: errors name the line and the problem', () => {
  const cases: { name: string; lines: string[]; line: number; says: RegExp }[] = [
    {
      name: 'malformed JSON',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input'), '{"t":"2026-06-10T09:01:00+02:00","type":"input"', END],
      line: 3,
      says: /JSON/i,
    },
    { name: 'unknown type', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'typing'), END], line: 2, says: /unknown type "typing"/ },
    {
      name: 'unknown settings key',
      lines: ['{"type":"header","tz":"UTC","settings":{"sitLimitMinutez":30}}', END],
      line: 1,
      says: /sitLimitMinutez/,
    },
    {
      name: 'bad setting value (0 minutes)',
      lines: ['{"type":"header","tz":"UTC","settings":{"sitLimitMinutes":0}}', END],
      line: 1,
      says: /sitLimitMinutes.*at least/,
    },
    {
      name: 'bad setting value (a string)',
      lines: ['{"type":"header","tz":"UTC","settings":{"snoozeMinutes":"10"}}', END],
      line: 1,
      says: /snoozeMinutes/,
    },
    {
      name: 'bad instant (no such date)',
      lines: [HEADER, ev('2026-02-30T09:00:00+01:00', 'input'), END],
      line: 2,
      says: /"t".*2026-02-30/,
    },
    { name: 'bad instant (words)', lines: [HEADER, ev('tomorrow', 'input'), END], line: 2, says: /"t".*tomorrow/ },
    {
      name: 'instant without offset',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input'), ev('2026-06-10T09:05:00', 'input'), END],
      line: 3,
      says: /offset/,
    },
    {
      name: 'bad instant in until',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10 09:05"'), END],
      line: 2,
      says: /"until"/,
    },
    {
      name: 'out-of-order line',
      lines: [HEADER, ev('2026-06-10T09:05:00+02:00', 'input'), ev('2026-06-10T07:04:59Z', 'input'), END],
      line: 3,
      says: /out of order.*line 2/,
    },
    {
      name: '`until` after the next line\'s t (reported on the active line, naming the next)',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10T09:10:00+02:00"'), ev('2026-06-10T09:05:00+02:00', 'lock'), END],
      line: 2,
      says: /"until" is after the next line's "t" \(line 3\)/,
    },
    {
      name: '`until` before `t`',
      lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'active', ',"until":"2026-06-10T08:59:00+02:00"'), END],
      line: 2,
      says: /before/,
    },
    { name: 'active without until', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'active'), END], line: 2, says: /until/ },
    { name: 'respond without a valid action', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'respond', ',"action":"later"'), END], line: 2, says: /snooze.*skip/ },
    { name: 'an unknown key on an event', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input', ',"x":1'), END], line: 2, says: /unknown key.*x/ },
    { name: 'missing t', lines: [HEADER, '{"type":"input"}', END], line: 2, says: /"t"/ },
    { name: 'not an object', lines: [HEADER, '[1,2]', END], line: 2, says: /object/ },
    { name: 'missing end', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input')], line: 2, says: /end/ },
    { name: 'lines after end', lines: [HEADER, END, ev('2026-06-10T10:01:00+02:00', 'input')], line: 3, says: /after "end"/ },
    { name: 'second header', lines: [HEADER, ev('2026-06-10T09:00:00+02:00', 'input'), HEADER, END], line: 3, says: /second header/ },
    { name: 'missing header', lines: [ev('2026-06-10T09:00:00+02:00', 'input'), END], line: 1, says: /header/ },
    { name: 'unknown tz', lines: ['{"type":"header","tz":"Europe/Atlantis"}', END], line: 1, says: /unknown time zone "Europe\/Atlantis"/ },
    { name: 'unknown key in the header', lines: ['{"type":"header","tz":"UTC","zone":"UTC"}', END], line: 1, says: /zone/ },
    { name: 'empty file', lines: [''], line: 1, says: /header/ },
  ];

  for (const c of cases) {
    it(`${c.name} → line ${c.line}`, () => {
      const e = errorOf(c.lines.join('\n'));
      expect(e.line).toBe(c.line);
      expect(e.problem).toMatch(c.says);
      expect(e.message).toBe(`line ${c.line}: ${e.problem}`);
    });
  }

  it('missing end in a file ending with a newline names the last line of the file', () => {
    const e = errorOf([HEADER, ev('2026-06-10T09:00:00+02:00', 'input')].join('\n') + '\n');
    expect(e.line).toBe(2);
  });

  it('a bad header after a blank line names the header\'s own line', () => {
    const e = errorOf(['', '{"type":"header","tz":"Europe/Atlantis"}', END].join('\n'));
    expect(e.line).toBe(2);
  });
});
