import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { tempDir } from '../helpers/sitwellCli.js';
import { ensureBuilt, ROOT } from './support/built.js';

const out = tempDir('sitwell-dist-');
afterAll(() => out.cleanup());

const binaryThere = electronBinary().ok;
if (binaryThere) console.log('npm run dist test skipped: the Electron binary is here, so it would run electron-builder for real');

describe('npm run dist (scripts/dist.mjs)', () => {
  it.skipIf(binaryThere)('without the Electron binary: makes the npm package and says which desktop packages it cannot make and why', () => {
    ensureBuilt({ renderer: true });
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist.mjs'), '--no-build', '--out', out.dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(readdirSync(out.dir).filter((f) => /^sitwell-.*\.tgz$/.test(f))).toHaveLength(1);
    const [made, notMade] = r.stdout.split('Not made here:');
    expect(made).toMatch(/Made:\n {2}- the npm package .*sitwell-.*\.tgz/);
    expect(notMade).toMatch(/the desktop app's AppImage and deb: the Electron binary was never downloaded.*npm start/);
    expect(notMade).toContain("the desktop app's dmg (build on macOS)");
    expect(notMade).toContain("the desktop app's NSIS installer (build on Windows)");
  }, 150_000);
});
