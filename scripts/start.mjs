#!/usr/bin/env node
// npm start: build, then run the desktop app. Where Electron cannot run (binary not downloaded,
// no display), say so in one paragraph and run the same tracker headless with its window in the
// browser instead (`sitwell daemon --ui`), so Sitwell works on any machine.
// A missing binary is first downloaded with Electron's own installer (electronDownload.mjs) when
// there is a display to show the app on; only if that fails does the web mode take over.
// Options: --no-build (dist/ is already fresh), --web (skip Electron even where it could run).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary, displayAvailable, ROOT } from './electronBinary.mjs';
import { downloadElectron } from './electronDownload.mjs';

const args = new Set(process.argv.slice(2));
const say = (text) => process.stdout.write(`${text}\n`);
/** Electron that dies this soon after launch did not start (missing libraries, GPU, sandbox). */
const EARLY_EXIT_MS = 8000;

function build() {
  if (args.has('--no-build') && existsSync(join(ROOT, 'dist', 'electron', 'main.cjs'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function paragraph(problem, fix) {
  say('');
  say(
    `Sitwell's desktop app could not start: ${problem}. ${fix} ` +
      'Until then Sitwell runs here as a background tracker with its window in your web browser: open the address printed below (keep this terminal open; Ctrl+C stops it).',
  );
  say('');
}

const HOW_TO_GET_ELECTRON =
  'To get it, run `npm start` again where downloads work (ELECTRON_MIRROR names a mirror you can reach), run `node node_modules/electron/install.js` on a machine with internet access (or copy node_modules/electron/dist from one), ' +
  'or install Electron 40 from your package manager and point ELECTRON_OVERRIDE_DIST_PATH at its directory; then run `npm start` again.';

/** Runs the CLI from source (tsx), as `npm run sitwell` does. */
function cli(cliArgs, opts = {}) {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main', 'cli', 'main.ts'), ...cliArgs], { cwd: ROOT, env: process.env, ...opts });
}

function cliHasCommand(name) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'main', 'cli', 'main.ts'), '--help'], { cwd: ROOT, encoding: 'utf8' });
  return new RegExp(`^\\s+${name}\\b`, 'm').test(r.stdout ?? '');
}

/** Runs one CLI command, echoing its output; resolves with its exit code and whether it printed the UI's URL. */
function runEchoing(cliArgs) {
  return new Promise((resolve) => {
    const child = cli(cliArgs, { stdio: ['inherit', 'pipe', 'inherit'] });
    let sawUrl = false;
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (/Sitwell UI: http/.test(text)) sawUrl = true;
      process.stdout.write(text);
    });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 128 : 1), sawUrl });
    });
  });
}

async function fallback() {
  if (cliHasCommand('daemon')) {
    const r = await runEchoing(['daemon', '--ui']);
    // The tracker itself may be unable to run here (no idle-time source without a desktop session):
    // then show the history at least, so a newcomer still sees Sitwell.
    if (r.sawUrl || r.code === 0 || r.code >= 128) return r.code;
    say('');
    say('The background tracker cannot run here (the reason is above), so Sitwell now shows your history and settings only, without tracking:');
  }
  return (await runEchoing(['ui'])).code;
}

function launchElectron(bin) {
  const native = spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs'), 'electron'], { cwd: ROOT, stdio: 'inherit' });
  if (native.status !== 0) return Promise.resolve({ started: false, why: 'better-sqlite3 could not be rebuilt for Electron (see above)' });
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(bin, [ROOT], { cwd: ROOT, stdio: 'inherit', env: process.env });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (e) => resolve({ started: false, why: `Electron could not be run (${e.message})` }));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // Switch the native module back so `npm test` and the CLI work again after the app quits.
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs'), 'node'], { cwd: ROOT, stdio: 'inherit' });
      if (code !== 0 && !signal && Date.now() - t0 < EARLY_EXIT_MS) {
        resolve({ started: false, why: `Electron exited with status ${code} right after starting (its messages are above)` });
      } else resolve({ started: true, code: code ?? 0 });
    });
  });
}

/** The binary, downloading it first when it is missing and could be shown (not for a user's own ELECTRON_OVERRIDE_DIST_PATH). */
async function electronOrDownload(display) {
  const bin = electronBinary();
  if (bin.ok || !display.ok || process.env.ELECTRON_OVERRIDE_DIST_PATH || !existsSync(join(ROOT, 'node_modules', 'electron', 'package.json'))) return bin;
  say(`The Electron binary is not here yet (${bin.why}); downloading it now with Electron's installer (about 100 MB, once)...`);
  const got = await downloadElectron(ROOT);
  if (!got.ok) return { ok: false, why: got.why };
  return electronBinary();
}

build();
const display = displayAvailable();
const bin = args.has('--web') ? { ok: false } : await electronOrDownload(display);
let code;
if (args.has('--web')) {
  code = await fallback();
} else if (!bin.ok) {
  paragraph(bin.why, HOW_TO_GET_ELECTRON);
  code = await fallback();
} else if (!display.ok) {
  paragraph(display.why, 'Run `npm start` inside your desktop session, where the tray icon and the break prompt can appear.');
  code = await fallback();
} else {
  const r = await launchElectron(bin.path);
  if (r.started) code = r.code;
  else {
    paragraph(r.why, 'Electron may need system libraries (on Debian/Ubuntu: `sudo apt install libgtk-3-0 libnss3 libasound2`) or a working display.');
    code = await fallback();
  }
}
process.exitCode = code;
