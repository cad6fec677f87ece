import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.js';
import { DIST, ensureBuilt, MAIN_BUNDLE, PRELOAD_BUNDLE, ROOT } from './support/built.js';

/**
 * A scan of the Electron shell's source and of the built output (dist/), so a later change
 * cannot quietly weaken a window, a page or a bundle.
 */

function files(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p, exts);
    return exts.some((e) => name.endsWith(e)) ? [p] : [];
  });
}

/** The text between the parenthesis that opens at `open` and its match. */
function callArgs(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced parentheses');
}

function browserWindowCalls(text: string): string[] {
  return [...text.matchAll(/new\s+[\w$.]*\bBrowserWindow\s*\(/g)].map((m) => callArgs(text, m.index + m[0].length - 1));
}

const rel = (p: string) => relative(ROOT, p);
const SHELL_SOURCES = files(join(ROOT, 'main'), ['.ts']);

beforeAll(() => ensureBuilt({ renderer: true }));

describe('every BrowserWindow gets secureWebPreferences()', () => {
  it('in the source: one place builds windows, and it uses secureWebPreferences', () => {
    const found = SHELL_SOURCES.flatMap((f) => browserWindowCalls(readFileSync(f, 'utf8')).map((args) => ({ f: rel(f), args })));
    expect(found.map((x) => x.f)).toEqual(['main/electron/electronShell.ts']);
    for (const { args } of found) expect(args).toMatch(/webPreferences:\s*secureWebPreferences\(/);
  });

  it('in the built main bundle', () => {
    const calls = browserWindowCalls(readFileSync(MAIN_BUNDLE, 'utf8'));
    expect(calls.length).toBeGreaterThan(0);
    for (const args of calls) expect(args).toMatch(/webPreferences:\s*secureWebPreferences\(/);
  });

  it('no other way to make a web page: no BrowserView, WebContentsView or webview', () => {
    for (const f of [...SHELL_SOURCES, MAIN_BUNDLE]) {
      const t = readFileSync(f, 'utf8');
      expect(t, rel(f)).not.toMatch(/\b(BrowserView|WebContentsView)\b|webviewTag:\s*(true|!0)/);
    }
  });
});

describe('no Node in pages, nothing weakened', () => {
  const targets = () => [...SHELL_SOURCES, ...files(join(ROOT, 'renderer'), ['.ts', '.tsx', '.html']), ...files(DIST, ['.cjs', '.js', '.mjs', '.html'])];

  it('nodeIntegration is never turned on, isolation/sandbox/webSecurity never turned off', () => {
    const bad = /\b(nodeIntegration\w*)\s*:\s*(true|!0)\b|\b(contextIsolation|sandbox|webSecurity)\s*:\s*(false|!1)\b|allowRunningInsecureContent\s*:\s*(true|!0)/;
    const hits = targets().filter((f) => bad.test(readFileSync(f, 'utf8')));
    expect(hits.map(rel)).toEqual([]);
  });

  it('no page is loaded from an http(s) address', () => {
    for (const f of [...SHELL_SOURCES, MAIN_BUNDLE]) {
      const t = readFileSync(f, 'utf8');
      for (const m of t.matchAll(/\.loadURL\s*\(/g)) {
        const args = callArgs(t, m.index + m[0].length - 1);
        expect(args, `${rel(f)}: loadURL(${args})`).not.toMatch(/^\s*['"`]\s*(https?:|\/\/)/);
        // The one loadURL is the development server, whose address is checked to be loopback.
        expect(args, rel(f)).toMatch(/devServerUrl/);
      }
    }
  });

  it('shell.openExternal is only reached through the allow-list', () => {
    for (const f of SHELL_SOURCES) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (/shell\.openExternal\(/.test(line)) expect(line, rel(f)).toMatch(/isAllowedExternal\(/);
      }
    }
  });
});

describe('Content-Security-Policy in every page', () => {
  const pages = () => [...files(join(ROOT, 'renderer'), ['.html']), ...files(join(DIST, 'renderer'), ['.html'])];

  it('finds the pages (source and built)', () => {
    const p = pages().map(rel);
    expect(p).toContain('renderer/index.html');
    expect(p).toContain('dist/renderer/index.html');
  });

  it('each has a strict CSP meta: self only, no inline or eval, no plugins', () => {
    for (const page of pages()) {
      const html = readFileSync(page, 'utf8');
      const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1/is.exec(html);
      expect(meta, `${rel(page)} has no CSP meta`).not.toBeNull();
      const csp = meta![2]!;
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
      expect(directives.get('default-src'), rel(page)).toEqual(["'self'"]);
      expect(directives.get('script-src'), rel(page)).toEqual(["'self'"]);
      expect(directives.get('object-src'), rel(page)).toEqual(["'none'"]);
      expect(csp, rel(page)).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
      // the meta is the shared policy (less what a meta cannot carry), so page, Electron and web mode agree
      expect(csp.replace(/\s+/g, ' ').trim(), rel(page)).toBe(META_CONTENT_SECURITY_POLICY);
      for (const [name] of directives) expect(CONTENT_SECURITY_POLICY).toContain(name);
    }
  });

  it('built pages carry no inline script and load nothing remote', () => {
    for (const page of files(join(DIST, 'renderer'), ['.html'])) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1], `${rel(page)}: inline script`).toMatch(/\bsrc=/);
        expect(m[2]!.trim()).toBe('');
        // A CSP meta governs only what follows it.
        expect(m.index, `${rel(page)}: script before the CSP meta`).toBeGreaterThan(html.search(/<meta\s+http-equiv=["']Content-Security-Policy/i));
      }
      expect(html, rel(page)).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    }
    for (const css of files(join(DIST, 'renderer'), ['.css'])) {
      expect(readFileSync(css, 'utf8'), rel(css)).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import\s+["']?https?:/i);
    }
  });
});

describe('preload', () => {
  it('exposes the bridge through contextBridge and never hands ipcRenderer to the page', () => {
    const src = readFileSync(join(ROOT, 'main', 'electron', 'preload.ts'), 'utf8');
    expect(src).toMatch(/contextBridge\.exposeInMainWorld\('sitwell', createBridge\(transport\)\)/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b(?!\.)/);
    expect(readFileSync(PRELOAD_BUNDLE, 'utf8')).not.toMatch(/require\(["'](?!electron["'])/);
  });
});
