#!/usr/bin/env node
// Writes the pseudo-locale shared/i18n/locales/en-XA/ from English: every letter accented and each
// string about 40% longer, {{placeholders}} kept. Layout tests select it to find text that overflows,
// is cut off or was never extracted (it stays plain ASCII). Usage: node scripts/i18n-pseudo.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../shared/i18n/locales/', import.meta.url));
const ACCENTS = { a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ', n: 'ñ', o: 'ö', p: 'þ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', w: 'ŵ', y: 'ý', z: 'ž',
  A: 'Å', C: 'Ç', D: 'Ð', E: 'É', I: 'Î', N: 'Ñ', O: 'Ö', S: 'Š', U: 'Ü', Y: 'Ý', Z: 'Ž' };

export function pseudo(text) {
  const parts = text.split(/(\{\{[^}]+\}\}|\$t\([^)]*\))/);
  const body = parts.map((p, i) => (i % 2 ? p : [...p].map((c) => ACCENTS[c] ?? c).join(''))).join('');
  const letters = parts.filter((_, i) => i % 2 === 0).join('').length;
  const pad = '·'.repeat(Math.ceil(letters * 0.4));
  return `[${body}${pad ? ' ' + pad : ''}]`;
}

const walk = (v) =>
  typeof v === 'string' ? pseudo(v) : Array.isArray(v) ? v.map(walk) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

mkdirSync(join(dir, 'en-XA'), { recursive: true });
for (const file of readdirSync(join(dir, 'en'))) {
  const en = JSON.parse(readFileSync(join(dir, 'en', file), 'utf8'));
  const text = JSON.stringify(walk(en), null, 2) + '\n';
  // Only a changed file is written: a rewrite with the same words still looked like a source change to the e2e
  // suites' renderer build, which then rebuilt dist/renderer under the pages other suites were serving.
  if (read(join(dir, 'en-XA', file)) !== text) writeFileSync(join(dir, 'en-XA', file), text);
}
