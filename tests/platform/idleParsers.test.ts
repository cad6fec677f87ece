import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIoregHidIdleMs } from '../../main/platform/idleMacIoreg.js';
import { createFileIdleSource, createScriptedIdleSource } from '../../main/platform/idleScripted.js';
import { encodePowerShell, parseWindowsIdleOutput, WINDOWS_IDLE_SCRIPT } from '../../main/platform/idleWindows.js';
import { parseXprintidle } from '../../main/platform/idleX11.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/platform/${name}`, import.meta.url), 'utf8');

describe('xprintidle output', () => {
  it('reads milliseconds and rejects anything else with the text it got', () => {
    expect(parseXprintidle('1483\n')).toBe(1483);
    expect(() => parseXprintidle("Couldn't open display\n")).toThrow(/not a number of milliseconds/);
    expect(() => parseXprintidle('')).toThrow(/""/);
  });
});

describe('macOS ioreg HIDIdleTime (stand-in for macOS ioreg output, untested on a real Mac)', () => {
  // The fixture is written in ioreg's documented layout, not captured on a Mac.
  it('converts nanoseconds to milliseconds', () => {
    expect(parseIoregHidIdleMs(fixture('ioreg-IOHIDSystem.txt'))).toBe(73412);
  });
  it('takes the smallest value when several IOHIDSystem entries are listed', () => {
    expect(parseIoregHidIdleMs('"HIDIdleTime" = 9000000000\n"HIDIdleTime" = 2500000000\n')).toBe(2500);
  });
  it('says what is missing when there is no HIDIdleTime', () => {
    expect(() => parseIoregHidIdleMs('+-o IOHIDSystem\n')).toThrow(/no "HIDIdleTime"/);
  });
});

describe('Windows GetLastInputInfo through PowerShell (stand-in for Windows PowerShell output, untested on real Windows)', () => {
  it('reads the last number and ignores warnings before it', () => {
    expect(parseWindowsIdleOutput(fixture('windows-getlastinputinfo.txt'))).toBe(4213);
    expect(parseWindowsIdleOutput(fixture('windows-getlastinputinfo-noisy.txt'))).toBe(81234);
    expect(() => parseWindowsIdleOutput('Add-Type : Cannot add type.\r\n')).toThrow(/not milliseconds/);
  });
  it('encodes the script as UTF-16LE base64 for -EncodedCommand', () => {
    const encoded = encodePowerShell(WINDOWS_IDLE_SCRIPT);
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe(WINDOWS_IDLE_SCRIPT);
    expect(WINDOWS_IDLE_SCRIPT).toContain('GetLastInputInfo');
    expect(WINDOWS_IDLE_SCRIPT).toContain('unchecked((uint)Environment.TickCount - info.dwTime)');
  });
});

describe('testing idle sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-idlefile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file source grows the written idle time with the file age', async () => {
    const path = join(dir, 'idle');
    writeFileSync(path, '1500\n');
    const written = Date.now() - 10_000;
    utimesSync(path, written / 1000, written / 1000);
    const source = createFileIdleSource(path, () => written + 4000);
    expect(await source.idleMs()).toBe(5500);
  });

  it('a file source measures the idle time when it looks, not when its answer is taken (a starved process adds no absence)', async () => {
    const path = join(dir, 'idle-late');
    writeFileSync(path, '0');
    const written = Date.now() - 10_000;
    utimesSync(path, written / 1000, written / 1000);
    let clock = written + 1000;
    const looking = createFileIdleSource(path, () => clock).idleMs();
    clock += 5000; // the daemon waited 5 s for a CPU before it took the answer
    expect(await looking).toBe(1000);
  });

  it('a file source names the file and the problem', async () => {
    await expect(createFileIdleSource(join(dir, 'missing')).idleMs()).rejects.toThrow(/cannot read idle file .*missing: ENOENT/);
    writeFileSync(join(dir, 'bad'), 'soon');
    await expect(createFileIdleSource(join(dir, 'bad')).idleMs()).rejects.toThrow(/whole number of milliseconds, found "soon"/);
  });

  it('a scripted source passes values through and refuses non-numbers', async () => {
    const values = [5, 10];
    const s = createScriptedIdleSource(() => values.shift() ?? NaN);
    expect(await s.idleMs()).toBe(5);
    expect(await s.idleMs()).toBe(10);
    await expect(s.idleMs()).rejects.toThrow(/NaN, not milliseconds/);
  });
});
