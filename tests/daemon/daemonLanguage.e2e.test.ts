import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { missingTools, startDesktop, type Desktop, type NotificationMonitor } from '../helpers/desktop.js';

/**
 * The daemon speaks the language of its locale: under LANG=de_DE.UTF-8 the posture and break
 * notifications dunst receives (seen on the bus with dbus-monitor) are German, buttons included.
 * Real Xvfb, D-Bus session bus, dunst and xdotool; one settings "minute" lasts one second.
 */
const missing = missingTools();
if (missing.length) console.log(`daemon language suite skipped: missing ${missing.join(', ')} (run scripts/system-deps.sh)`);

describe.skipIf(missing.length > 0)('sitwell daemon under LANG=de_DE.UTF-8 (real dunst, dbus-monitor)', () => {
  let desktop: Desktop;
  let notes: NotificationMonitor;
  let dir: string;
  let child: ChildProcess;
  let out = '';

  beforeAll(async () => {
    desktop = await startDesktop();
    notes = await desktop.monitorNotifications();
    dir = mkdtempSync(join(tmpdir(), 'sitwell-daemon-de-'));
    const db = join(dir, 'sitwell.db');
    const store = openStore(db);
    store.updateSettings({ postureEveryMinutes: 3, sitLimitMinutes: 6, minBreakMinutes: 2, snoozeMinutes: 3 });
    store.close();
    const env = { ...desktop.env, LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };
    child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--db', db, 'daemon', '--testing-minute-ms', '1000', '--verbose'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const end = Date.now() + 30_000;
    while (!out.includes('tracking with idle source')) {
      if (Date.now() > end) throw new Error(`the daemon did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await notes?.stop();
    await desktop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('posture and break notifications, and the break buttons, are German', async () => {
    const t0 = Date.now();
    let x = 10;
    while (Date.now() - t0 < 8000) {
      x = x === 10 ? 20 : 10;
      await desktop.xdotool('mousemove', String(x), String(x));
      await new Promise((r) => setTimeout(r, 200));
    }
    const posture = await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Haltung prüfen', 5000);
    if (posture.kind !== 'notify') throw new Error('unreachable');
    expect(posture.body).toMatch(/^\d+ Minuten? auf dem Stuhl\. Wechseln Sie die Haltung/);
    const brk = await notes.waitFor((e) => e.kind === 'notify' && e.summary === 'Zeit aufzustehen', 5000);
    if (brk.kind !== 'notify') throw new Error('unreachable');
    expect(brk.body).toMatch(/^Sie sitzen seit \d+ Minuten?\. Zwei bis fünf Minuten Bewegung/);
    expect(brk.actions).toEqual(['default', 'Sitwell öffnen', 'start-stretch', 'Dehnübung starten', 'stand', 'Aufstehen', 'snooze', 'Später erinnern', 'skip', 'Auslassen']);
  }, 30_000);
});
