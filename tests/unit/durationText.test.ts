import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../main/app/status.js';
import { statusText } from '../../main/cli/commands/status.js';
import { formatElapsedMs, formatMinutes, formatMs } from '../../shared/durationText.js';

const MIN = 60_000;

describe('minute formatting (shared by the CLI, the tray and the window)', () => {
  it('rounds before splitting into hours, so no "60 min" is ever printed', () => {
    expect(formatMinutes(119.6)).toBe('2 h');
    expect(formatMinutes(59.6)).toBe('1 h');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(0.4)).toBe('0 min');
    expect(formatMinutes(-3)).toBe('0 min');
    expect(formatMs(61 * MIN)).toBe('1 h 1 min');
  });

  it('counts elapsed time in whole minutes already passed', () => {
    expect(formatElapsedMs(0)).toBe('0 min');
    expect(formatElapsedMs(59.9 * MIN)).toBe('59 min');
    expect(formatElapsedMs(60 * MIN)).toBe('1 h');
    expect(formatElapsedMs(119.9 * MIN)).toBe('1 h 59 min');
    expect(formatElapsedMs(-5)).toBe('0 min');
  });
});

describe('sitwell status text', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const report: StatusReport = {
    tracking: true,
    tracker: { pid: 42, owner: 'daemon', idleSource: 'x11', notifier: null, updatedAt: now },
    bout: { start: now - 119.6 * MIN, minutes: 119.6 },
    today: { date: '2026-03-10', sittingMinutes: 179.7, bouts: 3 },
    next: { kind: 'break', at: now + 59.7 * MIN + 18_000 },
    pausedUntil: null,
    held: null,
  };

  it('prints 119.6 minutes as "2 h", not "1 h 60 min" (bug in the old hours-and-minutes split)', () => {
    const text = statusText(report, 'UTC', now);
    expect(text).not.toMatch(/60 min/);
    expect(text).toContain('Current bout: 2 h of sitting, since 10:00');
    expect(text).toContain('Today (2026-03-10): 3 h of sitting in 3 bouts');
    expect(text).toContain('Next prompt: break at 13:00 (in 1 h)');
  });

  it('says a held break prompt and why instead of a time that has passed (busy, DESIGN.md §6)', () => {
    const text = statusText({ ...report, next: { kind: 'break', at: now - 5 * MIN }, held: { at: now - 5 * MIN, reasons: ['call', 'calendar'] } }, 'UTC', now);
    expect(text).toContain('Holding your break prompt: you are in a call and your calendar has an event under way (since 11:55)');
    expect(text).not.toContain('Next prompt');
  });
});
