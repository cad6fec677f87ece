// Where the Electron binary is, if it is installed at all, and whether it could show a window here.
// Shared by start.mjs, electron-native.mjs, the Electron tests and the benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Mirrors node_modules/electron/index.js, but reports instead of throwing. */
export function electronBinary(root = ROOT, env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    return { ok: false, why: 'the electron package is not installed (node_modules/electron is missing; run `npm install`)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  let path;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) path = join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
  else if (rel) path = join(pkgDir, 'dist', rel);
  else {
    return {
      ok: false,
      why: 'the Electron binary was never downloaded (node_modules/electron/dist is missing: its install script was skipped or its download blocked)',
    };
  }
  if (!existsSync(path)) return { ok: false, why: `the Electron binary ${path} does not exist` };
  return { ok: true, path };
}

/** On Linux and the BSDs a window needs an X11 or Wayland display; elsewhere there is always one. */
export function displayAvailable(env = process.env, platform = process.platform) {
  if (platform === 'darwin' || platform === 'win32') return { ok: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true };
  return { ok: false, why: 'there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset)' };
}

/** Electron's Node ABI (NODE_MODULE_VERSION), as its package records it. */
export function electronAbi(root = ROOT) {
  const f = join(root, 'node_modules', 'electron', 'abi_version');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null;
}

/** Why Electron cannot run here, or null when it can (binary present, a display to draw on). */
export function electronUnavailable(root = ROOT, env = process.env, platform = process.platform) {
  const bin = electronBinary(root, env);
  if (!bin.ok) return bin.why;
  const display = displayAvailable(env, platform);
  return display.ok ? null : display.why;
}
