import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary.mjs';
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

describe('npm start where Electron cannot run', () => {
  it('says what is missing in one paragraph, then serves Sitwell in the browser and prints the URL', async () => {
    home = mkdtempSync(join(tmpdir(), 'sitwell-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, SITWELL_DB: join(home, 'history.db'), XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    // Where the binary is installed, point Electron at an empty directory so the same path is taken.
    if (electronBinary().ok) env.ELECTRON_OVERRIDE_DIST_PATH = join(home, 'no-electron-here');
    else delete env.ELECTRON_OVERRIDE_DIST_PATH;

    // --no-build: `npm test` built dist/ already, and rebuilding it here would race other test files reading it.
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 60 s.\nstdout:\n${out}\nstderr:\n${err}`)), 60_000);
      const check = () => {
        const m = /Sitwell UI: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child!.stdout!.on('data', check);
      child!.once('exit', (code) => reject(new Error(`start.mjs exited (${code}) before printing a URL.\nstdout:\n${out}\nstderr:\n${err}`)));
    });

    const paragraphs = out.split(/\n\s*\n/).filter((p) => p.includes('desktop app could not start'));
    expect(paragraphs).toHaveLength(1);
    const paragraph = paragraphs[0]!.trim();
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toMatch(/^Sitwell's desktop app could not start: the Electron binary/);
    expect(paragraph).toContain('node node_modules/electron/install.js');
    expect(paragraph).toContain('web browser');
    expect(out.indexOf(paragraph)).toBeLessThan(out.indexOf('Sitwell UI: '));

    // The printed address really serves the Sitwell window.
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Sitwell</title>');
  }, 90_000);
});
