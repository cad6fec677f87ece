import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en/app.json';
import { routinesIn, stretchesIn } from '../helpers/stretchWords.js';

// The seed article lives beside the project root (../shared/seed/), not inside the repository.
const SEED_DIR = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
const SEED_FILE = `${SEED_DIR}upper-buttocks-soreness.txt`;
const RUN = 8;
const seedMissing = !existsSync(SEED_FILE);
if (seedMissing) console.log(`catalog-copy: skipped, the seed article ${SEED_FILE} is absent`);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter((w) => w.length > 0);

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) out.add(w.slice(i, i + RUN).join(' '));
  return out;
}

/** Every piece of user-facing text in the catalog, routines and check-in, labelled by where it is. */
function appTexts(): [string, string][] {
  const texts: [string, string][] = [];
  for (const s of stretchesIn('en')) {
    texts.push([`${s.id}.name`, s.name], [`${s.id}.summary`, s.summary]);
    s.steps.forEach((step, i) => texts.push([`${s.id}.steps.${i}`, step.text]));
    s.cautions.forEach((c, i) => texts.push([`${s.id}.cautions.${i}`, c]));
    texts.push([`${s.id}.illustration`, /<title>(.*)<\/title>/.exec(s.illustration)?.[1] ?? '']);
  }
  for (const r of routinesIn('en')) texts.push([`routine ${r.id}`, `${r.name}. ${r.summary}`]);
  // The window's words, the check-in's advice among them (English catalog).
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') texts.push([path, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(en, '');
  return texts;
}

describe.skipIf(seedMissing)('app text is written in our own words', () => {
  it(`shares no run of ${RUN} consecutive words with the seed article`, () => {
    const seed = shingles(readFileSync(SEED_FILE, 'utf8'));
    expect(seed.size).toBeGreaterThan(500);
    const copied = appTexts().flatMap(([where, text]) => [...shingles(text)].filter((s) => seed.has(s)).map((s) => `${where}: "${s}"`));
    expect(copied).toEqual([]);
  });

  it('the check detects a copied sentence (self-test)', () => {
    const seed = shingles(readFileSync(SEED_FILE, 'utf8'));
    const copied = 'Gentle stretching exercises targeting the gluteal muscles and piriformis alleviate tightness.';
    expect([...shingles(copied)].some((s) => seed.has(s))).toBe(true);
  });
});
