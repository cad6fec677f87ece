import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSitwell } from '../helpers/sitwellCli.js';

describe('stats / export / import usage (real child processes)', { timeout: 120_000 }, () => {
  it.concurrent.each([['stats'], ['export'], ['import']])('%s --help prints its usage and exits 0', async (cmd) => {
    const r = await runSitwell([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: sitwell ${cmd}`);
    expect(r.stderr).toBe('');
  });

  it.concurrent.each([
    [['stats', '--frm', '2026-03-01'], /unknown option '--frm'/],
    [['export', '--format', 'json', '--verbose'], /unknown option '--verbose'/],
    [['import', 'x.json', '--dry-run'], /unknown option '--dry-run'/],
    [['export'], /required option '--format <format>' not specified/],
    [['export', '--format', 'xml'], /argument 'xml' is invalid. Allowed choices are json, csv/],
    [['import'], /missing required argument 'file'/],
    [['stats', 'extra'], /too many arguments/],
  ])('%j exits 2 with the usage, nothing on stdout', async (args, message) => {
    const r = await runSitwell(['--db', '/nonexistent/never/created.db', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/run with --help for usage|Usage:/);
    expect(r.stdout).toBe('');
  });
});

describe('replay --help (real child process)', { timeout: 120_000 }, () => {
  it('points to docs/trace-format.md in the project, which names every line type and output field', async () => {
    const r = await runSitwell(['replay', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('docs/trace-format.md');
    expect(r.stdout).not.toMatch(/DESIGN\.md/);
    const doc = readFileSync(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');
    const types = ['header', 'input', 'active', 'lock', 'unlock', 'suspend', 'resume', 'quit', 'start', 'respond',
      'stretch-start', 'stretch-end', 'busy', 'free', 'stand', 'sit', 'end'];
    for (const t of types) expect(doc, t).toContain(`\`${t}\``);
    for (const word of ['move', 'stood', 'suppressed', 'standingMinutes', 'standing', 'w50Minutes']) expect(doc, word).toContain(word);
  });
});
