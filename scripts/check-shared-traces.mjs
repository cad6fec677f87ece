// Replays the example traces of ../shared/traces with their own checker, when shared/ sits beside this clone:
// the §2 traces and the busy and standing ones of traces/context (DESIGN.md §6–§7).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const checker = '../shared/tools/check-traces.py';
if (!existsSync(checker)) {
  console.log(`shared example traces: skipped — ${checker} is not beside this clone (tests/fixtures holds copies, checked by vitest)`);
  process.exit(0);
}
const withExpected = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl') && existsSync(`${dir}/${f.replace(/\.jsonl$/, '.expected.json')}`))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const traces = [...withExpected('../shared/traces'), ...withExpected('../shared/traces/context')];
const r = spawnSync('python3', [checker, ...traces], { stdio: 'inherit' });
process.exit(r.status ?? 1);
