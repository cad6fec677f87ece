import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { reasonFrom } from '../../scripts/electronDownload.mjs';
import { ensureBuilt, ROOT } from './support/built.js';
import { stopChild } from '../helpers/desktop.js';

let child: ChildProcess | null = null;
let home: string | null = null;

afterEach(async () => {
  // SIGTERM (start.mjs passes it on to the fallback it started), SIGKILL after 5 s.
  if (child) await stopChild(child, 5000);
  child = null;
  if (home) rmSync(home, { recursive: true, force: true });
  home = null;
});

beforeAll(() => ensureBuilt({ renderer: true }));

/** A loopback port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("npm start downloads Electron with Electron's installer", () => {
  it('names the first line of the installer error, not a stack frame', () => {
    expect(reasonFrom('RequestError: connect ECONNREFUSED 127.0.0.1:9\n    at foo (x.js:1:1)\n')).toBe('RequestError: connect ECONNREFUSED 127.0.0.1:9');
    expect(reasonFrom('')).toBeNull();
  });

  const binaryThere = electronBinary().ok;
  if (binaryThere) console.log('skipping the blocked-download test: the Electron binary is installed here, so npm start downloads nothing');
  it.skipIf(binaryThere)('a blocked download (ELECTRON_MIRROR on a closed loopback port) falls back to the web mode within 30 s, saying why', async () => {
    home = mkdtempSync(join(tmpdir(), 'sitwell-start-dl-'));
    const port = await closedPort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SITWELL_DB: join(home, 'history.db'),
      XDG_DATA_HOME: home,
      XDG_CONFIG_HOME: home,
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: join(home, 'electron-cache'), // no cached zip can stand in for the download
      DISPLAY: ':4711', // a display is what makes npm start try the download; Electron never gets to use it
    };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete env.WAYLAND_DISPLAY;

    const t0 = Date.now();
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const fellBackAfter = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no fallback within 60 s.\nstdout:\n${out}\nstderr:\n${err}`)), 60_000);
      child!.stdout!.on('data', () => {
        if (out.includes('desktop app could not start')) {
          clearTimeout(timer);
          resolve(Date.now() - t0);
        }
      });
      child!.once('exit', (code) => reject(new Error(`start.mjs exited (${code}).\nstdout:\n${out}\nstderr:\n${err}`)));
    });
    console.log(`blocked download: fell back after ${fellBackAfter} ms`);
    expect(fellBackAfter).toBeLessThan(30_000);
    expect(out).toContain("downloading it now with Electron's installer");
    const paragraph = out.split(/\n\s*\n/).find((p) => p.includes('desktop app could not start'))!.trim();
    expect(paragraph).toMatch(/^Sitwell's desktop app could not start: downloading Electron failed \(.*ECONNREFUSED/);
    expect(paragraph).toContain('ELECTRON_MIRROR');
    expect(paragraph).toContain('web browser');
    // the installer's own error reached the terminal too
    expect(err).toContain('ECONNREFUSED');
    // and the web mode runs
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL.\nstdout:\n${out}\nstderr:\n${err}`)), 60_000);
      const check = () => {
        if (/Sitwell UI: http:\/\/127\.0\.0\.1:\d+/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      check();
      child!.stdout!.on('data', check);
    });
    expect(electronBinary().ok).toBe(false);
  }, 120_000);
});
