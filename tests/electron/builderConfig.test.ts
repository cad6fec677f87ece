import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './support/built.js';

const require = createRequire(import.meta.url);
// Both come with electron-builder (app-builder-lib); the schema is electron-builder's own.
const Ajv = require('ajv') as typeof import('ajv').default;
const yaml = require('js-yaml') as { load(text: string): unknown };
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');
const hook = require('../../scripts/fuses.cjs') as ((ctx: unknown) => Promise<void>) & {
  fuseConfig(platform: string, arch: number): Record<string, unknown>;
  electronExecutable(ctx: unknown): string;
};

const CONFIG = join(ROOT, 'electron-builder.yml');
interface BuilderConfig {
  [key: string]: unknown;
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  afterPack: string;
  publish: null;
  linux: { target: string[]; category: string; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}
const config = () => yaml.load(readFileSync(CONFIG, 'utf8')) as BuilderConfig;

function validator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema (app-builder-lib/scheme.json)", () => {
    const validate = validator();
    const ok = validate(config());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('stays valid with the overrides npm run dist passes (electronDist, directories.output)', () => {
    const validate = validator();
    const c = config();
    expect(validate({ ...c, electronDist: '/x/node_modules/electron/dist', directories: { ...(c.directories as object), output: '/tmp/out' } }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema check does catch mistakes', () => {
    const validate = validator();
    expect(validate({ ...config(), asarUnpak: ['x'] })).toBe(false);
    expect(validate({ ...config(), linux: { target: 42 } })).toBe(false);
  });

  it('packs Sitwell for Linux (AppImage, deb), macOS (dmg) and Windows (nsis), publishing nothing', () => {
    const c = config();
    expect(c.appId).toBe('org.sitwell.app');
    expect(c.productName).toBe('Sitwell');
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.linux.category).toBe('Utility');
    expect(c.mac.target).toEqual(['dmg']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.publish).toBeNull();
    for (const icon of [c.linux.icon, c.mac.icon, c.win.icon]) expect(existsSync(join(ROOT, icon)), icon).toBe(true);
  });

  it('ships only the built app in an asar, with the native module unpacked and fuses flipped', () => {
    const c = config();
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(c.files).toContain('dist/**/*');
    expect(c.files).toContain('package.json');
    expect(c.files.filter((f) => !f.startsWith('!') && !f.startsWith('dist/') && f !== 'package.json')).toEqual([]);
    expect(c.afterPack).toBe('scripts/fuses.cjs');
    expect(existsSync(join(ROOT, c.afterPack))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('has the tray icons for every state, colour and macOS template, 1x and 2x', () => {
    for (const state of ['ok', 'rising', 'due', 'paused']) {
      for (const name of [`tray-${state}`, `tray-${state}Template`]) {
        for (const [suffix, px] of [['', 16], ['@2x', 32]] as const) {
          const png = readFileSync(join(ROOT, 'build', 'tray', `${name}${suffix}.png`));
          expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
          expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([px, px]);
        }
      }
    }
    const icon = readFileSync(join(ROOT, 'build', 'icon.png'));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('fuses afterPack hook', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off, asar integrity and only-load-from-asar on', () => {
    const c = hook.fuseConfig('linux', 1);
    const { FuseV1Options: F } = fuses;
    expect(c[F.RunAsNode]).toBe(false);
    expect(c[F.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(c[F.EnableNodeCliInspectArguments]).toBe(false);
    expect(c[F.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(c[F.OnlyLoadAppFromAsar]).toBe(true);
    expect(c.resetAdHocDarwinSignature).toBe(false);
    expect(hook.fuseConfig('darwin', 3).resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the packed executable on each platform', () => {
    const packager = { appInfo: { productFilename: 'Sitwell' }, executableName: 'sitwell' };
    expect(hook.electronExecutable({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe(join('/o', 'sitwell'));
    expect(hook.electronExecutable({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe(join('/o', 'Sitwell.exe'));
    expect(hook.electronExecutable({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe(join('/o', 'Sitwell.app', 'Contents', 'MacOS', 'Sitwell'));
  });

  it('flips the fuse wire in a packed binary (stand-in Electron binary carrying a real fuse wire)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitwell-fuses-'));
    // Electron's layout: sentinel, wire version 1, wire length, then one byte per fuse ('1' on, '0' off).
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const wire = Buffer.from([1, 8, ...'11110101'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    writeFileSync(join(dir, 'sitwell'), Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL, 'latin1'), wire, Buffer.alloc(512, 0x90)]));
    await hook({ electronPlatformName: 'linux', appOutDir: dir, arch: 1, packager: { appInfo: { productFilename: 'Sitwell' }, executableName: 'sitwell' } });
    const now = (await fuses.getCurrentFuseWire(join(dir, 'sitwell'))) as unknown as Record<number, number>;
    const F = fuses.FuseV1Options;
    const [on, off] = [0x31, 0x30]; // the wire's ASCII '1' and '0'
    expect(now[F.RunAsNode]).toBe(off);
    expect(now[F.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(now[F.EnableNodeCliInspectArguments]).toBe(off);
    expect(now[F.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(now[F.OnlyLoadAppFromAsar]).toBe(on);
    // fuses the hook leaves alone keep their value
    expect(now[F.LoadBrowserProcessSpecificV8Snapshot]).toBe(off);
    expect(now[F.GrantFileProtocolExtraPrivileges]).toBe(on);
  });
});
