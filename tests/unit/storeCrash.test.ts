import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

const { dir, cleanup } = tempDir('sitwell-crash-');
afterAll(cleanup);

/** Starts the writer, waits for `checkpoints` lines, SIGKILLs it; returns when it was killed. */
function runAndKill(db: string, checkpoints: number): Promise<{ killedAt: number; lastReported: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/checkpointWriter.ts', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let lastReported = 0;
    let killedAt = 0;
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const lines = out.trim().split('\n');
      lastReported = Number(lines.at(-1)!.split(' ')[2]);
      // Kill at an arbitrary point between two checkpoints, while bouts are being written.
      if (lines.length >= checkpoints && !killedAt) setTimeout(() => ((killedAt = Date.now()), child.kill('SIGKILL')), 100 + Math.random() * 800);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killedAt, lastReported });
      else reject(new Error(`writer exited with ${code}: ${err}`));
    });
  });
}

describe('a tracker killed with SIGKILL (real child process, real SQLite file)', () => {
  it('loses at most about a second of the open bout, and the database stays intact', async () => {
    const db = join(dir, 'sitwell.db');
    for (let round = 0; round < 3; round++) {
      const { killedAt } = await runAndKill(db, 3);
      const check = new Database(db);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
      const s = openStore(db);
      const cp = s.readCheckpoint();
      expect(cp).not.toBeNull();
      const lostMs = killedAt - cp!.lastInput;
      expect(lostMs).toBeGreaterThanOrEqual(0);
      expect(lostMs).toBeLessThan(60_000); // the promise of DESIGN.md §2
      expect(lostMs).toBeLessThan(2_500); // what a one-second checkpoint really gives
      const bouts = s.listBouts();
      expect(bouts.length).toBeGreaterThan(0);
      // Aggregates were written in the same transactions as the bouts they count.
      const span = s.historySpan()!;
      const rows = s.statsRows(span.first, span.last);
      expect(rows.days.reduce((n, d) => n + d.bouts, 0)).toBe(bouts.length);
      expect(rows.days.reduce((n, d) => n + d.sittingMs, 0)).toBe(bouts.reduce((n, b) => n + b.durationMs, 0));
      s.close();
    }
  }, 60_000);
});
