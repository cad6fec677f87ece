#!/usr/bin/env node
// Fails the build when a catalog drifts from English: every language has every key of every
// namespace and no others, the same {{placeholders}}, and exactly the plural forms its language has
// (Intl.PluralRules(lng).resolvedOptions().pluralCategories, CLDR). Also checks the pseudo-locale
// is current. A language may lack a namespace only while scripts/i18n-pending.json lists it there
// (a translation under way). Run by `npm run -s check`. Usage: node scripts/check-i18n.mjs [locales-dir]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? fileURLToPath(new URL('../shared/i18n/locales/', import.meta.url));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const problems = [];
const PENDING = JSON.parse(readFileSync(new URL('./i18n-pending.json', import.meta.url), 'utf8'));
const pending = (ns, lng) => (PENDING[ns] ?? []).includes(lng);

function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') flatten(v, key, out);
    else problems.push(`${key}: a value must be a string or an object`);
  }
  return out;
}
const placeholders = (s) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).filter((n) => n !== 'count').sort().join(',');

/** Plural groups: base key → set of suffixes present. */
function groups(keys) {
  const g = new Map();
  for (const k of keys) {
    const m = PLURAL_SUFFIX.exec(k);
    const base = m ? k.slice(0, -m[0].length) : k;
    if (!g.has(base)) g.set(base, new Set());
    if (m) g.get(base).add(m[1]);
  }
  return g;
}

const load = (lng, ns) => flatten(JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8')));
const namespaces = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const languages = readdirSync(dir).filter((l) => l !== 'en' && l !== 'en-XA');

for (const ns of namespaces) {
  const en = load('en', ns);
  const enGroups = groups(en.keys());
  for (const lng of languages) {
    const file = join(dir, lng, `${ns}.json`);
    if (!existsSync(file)) {
      if (!pending(ns, lng)) problems.push(`${lng}/${ns}.json is missing`);
      continue;
    }
    if (pending(ns, lng)) problems.push(`${lng}/${ns}.json exists: take ${lng} off "${ns}" in scripts/i18n-pending.json`);
    let cat;
    try { cat = load(lng, ns); } catch (e) { problems.push(`${lng}/${ns}.json: ${e.message}`); continue; }
    const categories = new Set(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
    const have = groups(cat.keys());
    for (const [base, enForms] of enGroups) {
      const forms = have.get(base);
      if (!forms) { problems.push(`${lng}/${ns}: missing key "${base}"`); continue; }
      if (enForms.size === 0) {
        if (forms.size) problems.push(`${lng}/${ns}: "${base}" is not a plural in English`);
        continue;
      }
      for (const c of categories) if (!forms.has(c)) problems.push(`${lng}/${ns}: "${base}" lacks the plural form _${c} that ${lng} needs`);
      for (const f of forms) if (!categories.has(f)) problems.push(`${lng}/${ns}: "${base}_${f}" is not a plural form of ${lng} (it has ${[...categories].join(', ')})`);
    }
    for (const base of have.keys()) if (!enGroups.has(base)) problems.push(`${lng}/${ns}: extra key "${base}" (not in English)`);
    // Placeholders: each form carries the same names as English's "other" form ({{count}} may be spelled out, as in "one minute").
    for (const [key, value] of cat) {
      const m = PLURAL_SUFFIX.exec(key);
      const base = m ? key.slice(0, -m[0].length) : key;
      const enValue = en.get(m ? `${base}_other` : key);
      if (enValue !== undefined && placeholders(value) !== placeholders(enValue))
        problems.push(`${lng}/${ns}: "${key}" has placeholders {${placeholders(value)}}, English has {${placeholders(enValue)}}`);
    }
  }
  // The pseudo-locale is generated: it must have exactly English's keys.
  const xa = existsSync(join(dir, 'en-XA', `${ns}.json`)) ? load('en-XA', ns) : new Map();
  if ([...en.keys()].join() !== [...xa.keys()].join()) problems.push(`en-XA/${ns}.json is stale: run node scripts/i18n-pseudo.mjs`);
}

if (problems.length) {
  process.stderr.write(`check-i18n: ${problems.length} problem(s) in shared/i18n/locales:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
