import { describe, expect, it } from 'vitest';
import { rows, waitFor } from '../helpers/daemonChild.js';
import { missingTools } from '../helpers/desktop.js';
import { useDesktopDaemonSuite } from '../helpers/desktopDaemonSuite.js';
import { runSitwell } from '../helpers/sitwellCli.js';

/**
 * Standing at a sit-stand desk end to end (DESIGN.md §7): the headless daemon on Xvfb with dunst, real
 * input through xdotool, `sitwell stand` / `sitwell sit` from other processes over the control channel,
 * and dbus-monitor watching every Notify and ActionInvoked on the private session bus. A settings minute
 * lasts one second (--testing-minute-ms).
 */

const missing = missingTools();
if (missing.length) console.log(`daemon standing suite skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

const BREAK_TITLE = 'Time to stand up';
const MOVE_TITLE = 'Time to move';

describe.skipIf(missing.length > 0)('sitwell daemon at a sit-stand desk (Xvfb, dunst, dbus-monitor, sitwell stand/sit)', () => {
  const suite = useDesktopDaemonSuite();

  it('stand: input goes on with no break prompt, a move nudge at the limit; sit: the break prompt comes, and its Stand action records stood', async () => {
    const { desktop, notes } = suite;
    // Break at 4 s of sitting, repeating every 30 s; away after 5 s; the move nudge after 3 s of standing.
    const { db, daemon: d, ours } = await suite.start({ postureEnabled: false, sitLimitMinutes: 4, snoozeMinutes: 30, minBreakMinutes: 5, standLimitMinutes: 3 });
    suite.keepMoving();
    await waitFor('a sitting bout', () => d.out().includes('started sitting bout'), 10_000);

    // From another process, as a desk controller's script would.
    const stand = await runSitwell(['--db', db, 'stand'], { env: desktop.env });
    expect(stand.code, stand.stderr).toBe(0);
    await waitFor('standing in the log', () => d.out().includes('standing since'), 5000);

    // Standing and working past the sit limit: the move nudge, never a break prompt.
    const move = await notes.waitFor((e) => e.kind === 'notify' && e.summary === MOVE_TITLE && ours().includes(e), 20_000);
    expect(move.kind).toBe('notify');
    await new Promise((r) => setTimeout(r, 2000));
    expect(ours().filter((e) => e.kind === 'notify' && e.summary === BREAK_TITLE)).toEqual([]);

    const sit = await runSitwell(['--db', db, 'sit'], { env: desktop.env });
    expect(sit.code, sit.stderr).toBe(0);
    // Sitting again: after the sit limit the break prompt, with a Stand button among its actions.
    const brk = await notes.waitFor((e) => e.kind === 'notify' && e.summary === BREAK_TITLE && ours().includes(e), 20_000);
    if (brk.kind !== 'notify') throw new Error('unreachable');
    expect(brk.actions).toEqual(expect.arrayContaining(['stand', 'Stand']));
    await desktop.invokeAction('stand');
    await notes.waitFor((e) => e.kind === 'action-invoked' && e.key === 'stand' && ours().includes(e), 10_000);
    const breaks = await waitFor('the Stand answer in SQLite', () => {
      const r = rows(db, "SELECT outcome FROM prompts WHERE kind = 'break' ORDER BY id").map((p) => p.outcome);
      return r.includes('stood') ? r : null;
    }, 10_000);
    expect(breaks).toEqual(['stood']);
    expect(rows(db, "SELECT outcome FROM prompts WHERE kind = 'move'").map((p) => p.outcome)).toEqual(['shown']);

    // SIGTERM ends the second standing period; both are in the history.
    suite.stopMoving();
    d.child.kill('SIGTERM');
    expect(await d.exited).toBe(0);
    suite.forget();
    const periods = rows(db, 'SELECT duration_ms FROM standing_periods ORDER BY start_ms');
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(Number(periods[0]!.duration_ms)).toBeGreaterThan(3000);
  }, 120_000);
});
