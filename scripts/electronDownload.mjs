// Fetches the Electron binary with Electron's own installer (node_modules/electron/install.js), so
// its progress bar, checksums, cache and the usual variables (ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, electron_config_cache, proxies) all work as they do for `npm install`.
// `npm install` here skips that script on purpose (a blocked download would fail the whole install);
// `npm start` runs it when the binary is missing, under a time limit, and reports why it failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The default time limit; SITWELL_ELECTRON_DOWNLOAD_TIMEOUT (seconds) changes it. */
export const DEFAULT_DOWNLOAD_SECONDS = 600;
const TEE = fileURLToPath(new URL('./teeErrors.cjs', import.meta.url));

export function downloadSeconds(env = process.env) {
  const raw = env.SITWELL_ELECTRON_DOWNLOAD_TIMEOUT;
  const n = raw === undefined || raw === '' ? DEFAULT_DOWNLOAD_SECONDS : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_DOWNLOAD_SECONDS;
}

/** The first line of the installer's error that names the problem (not a stack frame). */
export function reasonFrom(errorText) {
  const lines = errorText.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  return lines[0] ?? null;
}

/**
 * Runs the installer with the terminal's stdout/stderr (its progress bar needs a TTY) and a copy of
 * its error on fd 3 (teeErrors.cjs). Resolves { ok: true } or { ok: false, why }.
 */
export function downloadElectron(root, env = process.env) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve({ ok: false, why: 'Electron\'s installer (node_modules/electron/install.js) is missing' });
  const seconds = downloadSeconds(env);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', TEE, installer], {
      cwd: join(root, 'node_modules', 'electron'),
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
    });
    let errors = '';
    child.stdio[3].on('data', (d) => (errors += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, seconds * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, why: `Electron's installer could not be run (${e.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve({ ok: false, why: `downloading Electron took longer than ${seconds} s and was stopped (SITWELL_ELECTRON_DOWNLOAD_TIMEOUT sets the limit in seconds)` });
      else if (code === 0) resolve({ ok: true });
      else {
        const reason = reasonFrom(errors);
        resolve({ ok: false, why: `downloading Electron failed (${reason ?? `the installer exited with status ${code}`})` });
      }
    });
  });
}
