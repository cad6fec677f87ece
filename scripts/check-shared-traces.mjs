// Replays the example traces of ../shared/traces with their own checker, when shared/ sits beside this clone.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const checker = '../shared/tools/check-traces.py';
if (!existsSync(checker)) {
  console.log(`shared example traces: skipped — ${checker} is not beside this clone (tests/fixtures holds copies, checked by vitest)`);
  process.exit(0);
}
const r = spawnSync('python3', [checker], { stdio: 'inherit' });
process.exit(r.status ?? 1);
