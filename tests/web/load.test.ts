import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../shared/checkin.js';
import { callHttp, integrityCheck, startHarness, type Harness } from './helpers.js';

const noFlags = Object.fromEntries(RED_FLAGS.map((f) => [f.id, false]));
const TOTAL = 1000;
const BATCH = 250;

let h: Harness;
beforeAll(async () => {
  // A running monitor (scripted idle source standing in for keyboard/mouse input) writes checkpoints meanwhile.
  h = await startHarness({ tracking: true, minuteMs: 100 });
});
afterAll(async () => {
  await h.close();
});

describe('local web mode under load', () => {
  it(`${TOTAL} concurrent requests (in batches of ${BATCH}) neither crash the server nor corrupt the store`, async () => {
    const kinds = ['getNow', 'getStats', 'getSettings', 'addCheckIn', 'updateSettings', 'invalid', 'no-token', 'stretch', 'events'] as const;
    const counts = { checkIns: 0, stretches: 0 };
    const statuses = new Map<string, number>();
    const one = async (i: number): Promise<void> => {
      const kind = kinds[i % kinds.length]!;
      let status: number;
      switch (kind) {
        case 'getNow':
        case 'getSettings':
          status = (await callHttp(h, kind, {})).status;
          break;
        case 'getStats':
          status = (await callHttp(h, 'getStats', { from: '2026-01-01', to: '2026-12-31' })).status;
          break;
        case 'addCheckIn': {
          const r = await callHttp(h, 'addCheckIn', { soreness: i % 11, areas: ['lower-back'], redFlags: noFlags, note: `load ${i}` });
          if (r.body.ok) counts.checkIns++;
          status = r.status;
          break;
        }
        case 'updateSettings':
          status = (await callHttp(h, 'updateSettings', { dailySittingGoalMinutes: 300 + (i % 60) })).status;
          break;
        case 'invalid':
          status = (await callHttp(h, 'updateSettings', { sitLimitMinutes: -i })).status;
          break;
        case 'no-token':
          status = (await callHttp({ base: h.base, token: 'wrong' }, 'deleteAllData', { confirm: 'DELETE' })).status;
          break;
        case 'stretch': {
          const s = await callHttp(h, 'startStretch', { routineId: 'quick-2' });
          status = s.status;
          if (s.body.ok) {
            const f = await callHttp(h, 'finishStretch', { id: s.body.value.id, completed: true, stepsDone: s.body.value.stepsTotal });
            if (f.body.ok) counts.stretches++;
          }
          break;
        }
        case 'events': {
          const ctl = new AbortController();
          const res = await fetch(`${h.base}/api/events?token=${h.token}`, { signal: ctl.signal });
          status = res.status;
          const reader = res.body!.getReader();
          await reader.read(); // at least the first bytes
          ctl.abort();
          await reader.cancel().catch(() => {});
          break;
        }
      }
      const key = `${kind}:${status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };

    const started = performance.now();
    for (let b = 0; b < TOTAL; b += BATCH) {
      await Promise.all(Array.from({ length: Math.min(BATCH, TOTAL - b) }, (_, j) => one(b + j)));
    }
    const ms = performance.now() - started;
    console.log(`${TOTAL} requests in ${ms.toFixed(0)} ms (${((TOTAL / ms) * 1000).toFixed(0)}/s); answers: ${JSON.stringify(Object.fromEntries(statuses))}`);

    for (const [key, n] of statuses) {
      const [kind, status] = key.split(':') as [string, string];
      const expected = kind === 'invalid' ? '400' : kind === 'no-token' ? '401' : '200';
      expect(status, `${n} × ${kind}`).toBe(expected);
    }
    expect(integrityCheck(h.home.dbPath)).toBe('ok');
    const db = new Database(h.home.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM check_ins WHERE note LIKE 'load %'").pluck().get()).toBe(counts.checkIns);
      expect(db.prepare('SELECT count(*) FROM stretches WHERE completed = 1').pluck().get()).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM stretches WHERE end_ms IS NULL').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const checkInCalls = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => kinds[i % kinds.length] === 'addCheckIn').length;
    expect(counts.checkIns).toBe(checkInCalls);
    // Still answering, and with the monitor still tracking.
    expect((await callHttp(h, 'getNow', {})).body.value.tracking).toBe(true);
  });
});
