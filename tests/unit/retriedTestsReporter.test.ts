import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the retried-tests reporter (a real vitest run with retry 1)', () => {
  it('lists the test that passed only on its retry, and not the one that passed at once', () => {
    const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/fixtures/retry/vitest.config.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CI: '', FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const list = r.stdout.slice(r.stdout.indexOf('Passed only on retry'));
    expect(list).toMatch(/^Passed only on retry \(flaky: find out why\):\n {2}- tests\/fixtures\/retry\/onceFlaky\.check\.ts > fails on its first try only \(passed after 1 retry\)/);
    expect(list).not.toContain('passes at once');
  });
});
