import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { electronAbi, electronBinary, ROOT } from '../../../scripts/electronBinary.mjs';
import { DESKTOP_TOOLS, missingTools, startDesktop, type Desktop } from '../../helpers/desktop.js';
import { startTyping } from '../../helpers/idleTyping.js';
import { ensureBuilt } from './built.js';

/**
 * Runs the real desktop app under Playwright's Electron driver, where an Electron binary exists.
 * The app runs from a staged copy of the build whose better-sqlite3 is compiled for Electron, so
 * the Node-built module the rest of the test suite loads is never swapped underneath it.
 */

/** Why the Electron end-to-end tests cannot run here, or null. Print it when skipping. */
export function electronSkipReason(): string | null {
  const bin = electronBinary();
  if (!bin.ok) return `no Electron binary: ${bin.why}. Run \`node node_modules/electron/install.js\` where downloads work`;
  if (!process.env.DISPLAY) {
    const missing = missingTools(DESKTOP_TOOLS);
    if (missing.length) return `no display, and a throw-away desktop needs ${missing.join(', ')}`;
  }
  return null;
}

const NATIVE_CACHE = join(ROOT, 'node_modules', '.cache', 'sitwell-native');

/**
 * dist/ + package.json + node_modules (symlinks to the project's, except a private better-sqlite3
 * rebuilt for Electron's ABI; the build is cached under node_modules/.cache/sitwell-native).
 */
export function stageApp(): string {
  ensureBuilt({ renderer: true });
  const stage = mkdtempSync(join(tmpdir(), 'sitwell-app-'));
  cpSync(join(ROOT, 'dist'), join(stage, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(stage, 'package.json'));
  const modules = join(stage, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'better-sqlite3' || name === '.bin' || name === '.cache' || name === 'electron') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'junction');
  }
  const sqlite = join(modules, 'better-sqlite3');
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), sqlite, { recursive: true });
  const tag = `electron-${electronAbi()}`;
  const cached = join(NATIVE_CACHE, tag, 'better_sqlite3.node');
  const target = join(sqlite, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(cached)) copyFileSync(cached, target);
  else {
    const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-rebuild'), ['--module-dir', stage, '--which-module', 'better-sqlite3', '--version', version, '--force'], {
      cwd: stage,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) throw new Error(`could not rebuild better-sqlite3 for Electron ${version} (it needs Electron's headers):\n${r.stdout}\n${r.stderr}`);
    mkdirSync(join(NATIVE_CACHE, tag), { recursive: true });
    copyFileSync(target, cached);
  }
  return stage;
}

export interface RunningApp {
  app: ElectronApplication;
  /** Everything the main process printed so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  launchedAt: number;
}

export interface AppEnv {
  desktop: Desktop | null;
  home: string;
  dbPath: string;
  idleFile: string;
  userData: string;
  env: NodeJS.ProcessEnv;
  args: string[];
  stop(): Promise<void>;
}

/** A private HOME, database, idle file and user-data dir, and a display (the real one or a throw-away Xvfb desktop). */
export async function appEnv(stage: string, opts: { minuteMs?: number } = {}): Promise<AppEnv> {
  const home = mkdtempSync(join(tmpdir(), 'sitwell-apphome-'));
  const desktop = process.env.DISPLAY ? null : await startDesktop({ dunst: true });
  const dbPath = join(home, 'history.db');
  const idleFile = join(home, 'idle');
  writeFileSync(idleFile, '0');
  const userData = join(home, 'user-data');
  const env: NodeJS.ProcessEnv = {
    ...(desktop?.env ?? process.env),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    SITWELL_DB: dbPath,
    SITWELL_TESTING_IDLE_FILE: idleFile,
    SITWELL_TESTING_MINUTE_MS: String(opts.minuteMs ?? 1000),
    SITWELL_TESTING_HOOKS: '1',
    ELECTRON_ENABLE_LOGGING: '1',
  };
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    desktop,
    home,
    dbPath,
    idleFile,
    userData,
    env,
    // Chromium in containers and CI usually cannot use its setuid sandbox; the renderer sandbox flag in webPreferences still applies.
    args: [stage, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    async stop() {
      await desktop?.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function launchApp(e: AppEnv): Promise<RunningApp> {
  const bin = electronBinary();
  if (!bin.ok) throw new Error(bin.why);
  const launchedAt = performance.now();
  const app = await _electron.launch({ executablePath: bin.path, args: e.args, env: e.env as Record<string, string>, timeout: 30_000 });
  let out = '';
  app.process().stdout?.on('data', (d: Buffer) => (out += d.toString()));
  app.process().stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    app,
    launchedAt,
    output: () => out,
    async waitForOutput(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the app's output within ${timeoutMs} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/**
 * Keeps "typing": rewrites the idle file with 0 every `everyMs`, as the OS idle counter resets on input. A shell
 * loop (startTyping), not a timer in the test process, which a loaded machine stalls past the minimum break.
 */
export function keepTyping(idleFile: string, everyMs = 250): () => Promise<void> {
  return startTyping(idleFile, everyMs).stop;
}

/** The testing hooks main.ts exposes with SITWELL_TESTING_HOOKS=1; read them with app.evaluate(() => globalThis.__sitwell…). */
export interface Hooks {
  tray(): { view: { icon: string; tooltip: string; title: string; items: { type: string; action?: string }[] }; menuUpdates: number } | null;
  windows(): { main: boolean; prompt: boolean; created: { main: number; prompt: number } };
  rssMb(): number;
  open(view: string): void;
  preload: string;
}
