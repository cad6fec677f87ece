import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** The built renderer's files, and nothing outside them. */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export type StaticResult =
  | { kind: 'file'; body: Buffer; type: string; immutable: boolean }
  | { kind: 'refused'; why: string }
  | { kind: 'not-found' }
  | { kind: 'not-built' };

/**
 * Maps a URL path to a file under `root`. Refuses, rather than normalises, anything that tries
 * to leave it: "..", encoded slashes or backslashes, NUL, dot-files, and symlinks pointing out.
 * A path without an extension is a view of the single-page app and gets index.html.
 */
export async function readStatic(root: string, rawPath: string): Promise<StaticResult> {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', why: 'malformed path' };
  }
  if (!path.startsWith('/') || /[\\\0]/.test(path) || /%2f|%5c/i.test(rawPath)) return { kind: 'refused', why: 'malformed path' };
  const segments = path.split('/').slice(1);
  // "..", ".", dot-files, and empty segments ("//etc") that would make the path absolute.
  if (segments.some((s, i) => s.startsWith('.') || (s === '' && i < segments.length - 1))) return { kind: 'refused', why: 'path outside the app' };

  const base = resolve(root);
  let rel = segments.join('/');
  if (rel === '' || rel.endsWith('/') || extname(rel) === '') rel = 'index.html';
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep)) return { kind: 'refused', why: 'path outside the app' };

  let real: string;
  let realBase: string;
  try {
    realBase = realpathSync(base);
    real = realpathSync(file);
    if (!statSync(real).isFile()) return { kind: 'not-found' };
  } catch {
    return rel === 'index.html' ? { kind: 'not-built' } : { kind: 'not-found' };
  }
  if (!real.startsWith(realBase + sep)) return { kind: 'refused', why: 'path outside the app' };

  const type = TYPES[extname(real).toLowerCase()];
  if (!type) return { kind: 'not-found' };
  return { kind: 'file', body: await readFile(real), type, immutable: rel.startsWith('assets/') };
}

export function indexExists(root: string): boolean {
  try {
    return statSync(join(root, 'index.html')).isFile();
  } catch {
    return false;
  }
}
