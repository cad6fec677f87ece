import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import type { SettingsPatch } from '../../shared/settingsRules.js';
import { tempDir } from '../helpers/sitwellCli.js';
import { cliRunner, runCli, type CliRunner } from './support/cliBundle.js';
import { integrity, query, quietEnv, sleep, startDaemon, startTyping, stopDaemon, stopLiveDaemons, touchIdle, work } from './support/daemonProcess.js';

/**
 * The daemon keeps local time without building an Intl formatter: the first one maps ~8 MB of locale
 * data into the process, which took the daemon over its 60 MB budget. The bundled daemon runs here with
 * every Intl formatter constructor (and the toLocale… methods that build one) wrapped to report on
 * stderr, through a full cycle: a bout inside quiet-hours rules, prompts, a break, SIGTERM. Its local
 * dates must still be right.
 */

const MINUTE_MS = 200;
const { dir, cleanup } = tempDir('sitwell-nointl-');
const idleFile = join(dir, 'idle');
const trap = join(dir, 'trap-intl.mjs');
let runner: CliRunner;

writeFileSync(
  trap,
  `for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames', 'Segmenter']) {
  const Orig = Intl[name];
  const Trapped = function (...args) {
    process.stderr.write('INTL-FORMATTER ' + name + '\\n' + new Error().stack + '\\n');
    return new.target ? Reflect.construct(Orig, args, new.target) : Orig(...args);
  };
  Object.setPrototypeOf(Trapped, Orig);
  Trapped.prototype = Orig.prototype;
  Intl[name] = Trapped;
}
for (const [proto, names] of [[Date.prototype, ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']], [Number.prototype, ['toLocaleString']]]) {
  for (const m of names) {
    const orig = proto[m];
    proto[m] = function (...a) {
      process.stderr.write('INTL-FORMATTER ' + m + '\\n' + new Error().stack + '\\n');
      return orig.apply(this, a);
    };
  }
}
`,
);

function freshDb(name: string, settings: SettingsPatch): string {
  const db = join(dir, `${name}.db`);
  const s = openStore(db);
  s.updateSettings({ minBreakMinutes: 2, sitLimitMinutes: 3, postureEveryMinutes: 2, quietHours: { start: '03:00', end: '04:00' }, ...settings });
  s.close();
  return db;
}

/** The local date of `ms` in `zone`, the test's own way (Intl is fine here). */
const localDateOf = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

beforeAll(async () => {
  runner = await cliRunner('nointl');
  touchIdle(idleFile, 999_999);
}, 60_000);
afterAll(cleanup);
// A failed test's daemon is stopped here, not left holding the history lock for the retry or the next test.
afterEach(stopLiveDaemons);

describe('the daemon builds no Intl formatter (bundled daemon, real SQLite)', () => {
  it.each([
    ['the system zone from TZ', { TZ: 'Europe/Berlin' }, {}, 'Europe/Berlin'],
    ['a chosen zone other than the system one', { TZ: 'Europe/Berlin' }, { timeZone: 'America/New_York' }, 'America/New_York'],
    ['a zone with a half-hour offset', { TZ: 'Asia/Kolkata' }, {}, 'Asia/Kolkata'],
  ] as const)('%s', async (_label, env, settings, zone) => {
    const db = freshDb(zone.replace('/', '-') + Object.keys(settings).length, settings);
    const d = startDaemon({ ...runner, args: ['--import', trap, ...runner.args] }, { db, idleFile, minuteMs: MINUTE_MS, env: { ...quietEnv(), ...env } });
    await d.waitFor(/tracking with idle source/);
    // Sitting until the break prompt (3 "minutes"), however long a loaded machine makes that take.
    const typing = startTyping(idleFile);
    // Sent, or held back by the quiet hours (03:00–04:00 in the user's zone, which the clock may be in): stored either way.
    await d.waitFor(/break prompt (after|suppressed)/, 20_000).finally(() => typing.stop());
    touchIdle(idleFile, 999_999);
    await d.waitFor(/bout ended/, 10_000);
    await sleep(300);
    expect((await stopDaemon(d)).code).toBe(0);

    expect(d.out()).not.toContain('INTL-FORMATTER');
    const bouts = query<{ start_ms: number; zone: string; start_date: string }>(db, 'SELECT start_ms, zone, start_date FROM bouts');
    expect(bouts.length).toBeGreaterThan(0);
    for (const b of bouts) {
      expect(b.zone).toBe(zone);
      expect(b.start_date).toBe(localDateOf(b.start_ms, zone));
    }
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM prompts WHERE kind = 'break'")[0]!.n).toBeGreaterThan(0);
    expect(integrity(db)).toBe('ok');
  }, 40_000);
  it('nor when asked for its state: `sitwell stand` and `sitwell sit` over the control channel (as the tray and the window ask)', async () => {
    const db = freshDb('control', {});
    const env = { ...quietEnv(), TZ: 'Europe/Berlin', XDG_RUNTIME_DIR: dir };
    const d = startDaemon({ ...runner, args: ['--import', trap, ...runner.args] }, { db, idleFile, minuteMs: MINUTE_MS, env });
    await d.waitFor(/tracking with idle source/);
    const working = work(idleFile, 1500);
    await sleep(400);
    for (const cmd of ['stand', 'sit']) expect((await runCli(runner, ['--db', db, cmd], { env })).code).toBe(0);
    await working;
    touchIdle(idleFile, 999_999);
    expect((await stopDaemon(d)).code).toBe(0);
    expect(d.out()).not.toContain('INTL-FORMATTER');
  }, 40_000);
});
