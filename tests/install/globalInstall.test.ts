import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/electronBinary.mjs';
import { diffReplay } from '../cli/replayCompare.js';

/**
 * The package as a user gets it: `npm pack`, then `npm install -g ./sitwell-*.tgz` into an empty
 * prefix, then the installed `sitwell` run from an empty directory (no source tree, no dev
 * dependencies on any path). The one slow test of its kind: better-sqlite3 has an install script.
 * To keep it quick, better-sqlite3's own installer (prebuild-install) is handed this checkout's
 * build of it as a "local prebuild" (npm_config_better_sqlite3_local_prebuilds), the documented way to
 * install it without its download or a compile; everything else comes from npm's cache where it can.
 */

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const built = existsSync(join(ROOT, 'dist', 'cli.mjs')) && existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));
if (!built) console.log('install test skipped: dist/ is not built (run `npm run -s build` first)');

let dir: string;
let prefix: string;
let sitwell: string;
let installMs = 0;
const children: ChildProcess[] = [];

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    PATH: `${join(prefix, 'bin')}:/usr/local/bin:/usr/bin:/bin`,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    SITWELL_DB: join(dir, 'history.db'),
    LANG: 'C.UTF-8',
  };
  return e;
}

/** The local prebuild prebuild-install looks for: build/Release/better_sqlite3.node in a tarball named as its release asset. */
function localPrebuild(into: string): string {
  const require = createRequire(join(ROOT, 'package.json'));
  const sqlitePkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string };
  // Loads only if this checkout's build is for this Node's ABI (not switched to Electron's).
  require('better-sqlite3');
  const libc = process.platform === 'linux' && !(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime ? 'musl' : '';
  const name = `better-sqlite3-v${sqlitePkg.version}-node-v${process.versions.modules}-${process.platform}${libc}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(into, name), '-C', join(ROOT, 'node_modules', 'better-sqlite3'), 'build/Release/better_sqlite3.node']);
  return into;
}

function run(args: string[], opts: { cwd?: string } = {}) {
  return spawnSync(sitwell, args, { cwd: opts.cwd ?? join(dir, 'elsewhere'), env: env(), encoding: 'utf8', timeout: 60_000 });
}

function start(args: string[]): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(sitwell, args, { cwd: join(dir, 'elsewhere'), env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err };
}

async function waitFor<T>(what: string, get: () => T | null | undefined | false, ms = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(() => {
  if (!built) return;
  dir = mkdtempSync(join(tmpdir(), 'sitwell-install-'));
  prefix = join(dir, 'prefix');
  for (const d of ['prefix', 'elsewhere', 'prebuilds', 'run']) mkdirSync(join(dir, d), { recursive: true, mode: 0o700 });
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = join(dir, packed);
  const t0 = Date.now();
  const r = spawnSync(
    'npm',
    ['install', '-g', tarball, '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'warn'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_better_sqlite3_local_prebuilds: localPrebuild(join(dir, 'prebuilds')) },
      timeout: 300_000,
    },
  );
  installMs = Date.now() - t0;
  console.log(`npm install -g of the packed tarball took ${(installMs / 1000).toFixed(1)} s`);
  if (r.status !== 0) throw new Error(`npm install -g failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  sitwell = join(prefix, 'bin', 'sitwell');
}, 320_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('npm pack + npm install -g: the installed sitwell', () => {
  it('the tarball holds the built CLI and window, no sources, tests or source maps; only runtime dependencies come along', () => {
    const pkgDir = join(prefix, 'lib', 'node_modules', 'sitwell');
    const files = execFileSync('find', ['.', '-path', './node_modules', '-prune', '-o', '-type', 'f', '-print'], { cwd: pkgDir, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toContain('./bin/sitwell.mjs');
    expect(files).toContain('./dist/cli.mjs');
    expect(files).toContain('./dist/renderer/index.html');
    expect(files.filter((f) => /^\.\/(main|renderer|shared|tests|scripts|bench)\//.test(f) || f.endsWith('.map') || (f.startsWith('./dist/electron/') && f !== './dist/electron/main.cjs'))).toEqual([]);
    // npm always packs package.json's "main" (the Electron app's entry), the one Electron file that comes along.
    const installed = new Set(readdirSync(join(pkgDir, 'node_modules')));
    for (const dep of Object.keys(PKG.dependencies)) expect(installed.has(dep.split('/')[0]!), dep).toBe(true);
    for (const dev of ['electron', 'vitest', 'tsx', 'typescript', 'vite', 'electron-builder', 'eslint']) expect(installed.has(dev), dev).toBe(false);
    expect(installMs).toBeLessThan(300_000);
  });

  it('sitwell --version prints the package version', () => {
    const r = run(['--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('sitwell doctor reports on every mechanism (exit 1 here: no desktop session, so no idle-time source)', () => {
    const r = run(['doctor']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(r.stdout.includes('would use: NONE') ? 1 : 0);
    expect(r.stdout).toMatch(/^Sitwell doctor/);
    expect(r.stdout).toContain('Idle time');
  });

  it('sitwell replay FIXTURE gives the expected output', () => {
    const fixture = join(dir, 'elsewhere', 'trace.jsonl');
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'busy-and-locks.jsonl'), fixture);
    const r = run(['replay', fixture]);
    expect(r.status, r.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'busy-and-locks.expected.json'), 'utf8'));
    expect(diffReplay(JSON.parse(r.stdout), expected)).toEqual([]);
  });

  it('sitwell ui serves the window over HTTP', async () => {
    const ui = start(['ui', '--no-open']);
    const url = await waitFor('the UI line', () => /Sitwell UI: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(ui.out())?.[1], 30_000).catch((e: Error) => {
      throw new Error(`${e.message}\nstdout:\n${ui.out()}\nstderr:\n${ui.err()}`);
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Sitwell</title>');
    ui.child.kill('SIGTERM');
  }, 40_000);

  it('sitwell daemon starts tracking and stops cleanly on SIGTERM', async () => {
    const idle = join(dir, 'idle');
    writeFileSync(idle, '0');
    const d = start(['daemon', '--idle-source', `file:${idle}`]);
    await waitFor('the daemon to track', () => d.out().includes('tracking with idle source'), 30_000).catch((e: Error) => {
      throw new Error(`${e.message}\nstdout:\n${d.out()}\nstderr:\n${d.err()}`);
    });
    const exited = new Promise<number | null>((r) => d.child.once('exit', (code) => r(code)));
    d.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 40_000);
});
