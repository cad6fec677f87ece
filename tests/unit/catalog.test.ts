import { describe, expect, it } from 'vitest';
import { SEED_STRETCH_IDS, STRETCHES, stretchById, svgProblems } from '../../shared/stretches/index.js';
import { CatalogSchema, StretchSchema } from '../../shared/stretches/schema.js';
import { stretchesIn } from '../helpers/stretchWords.js';

/** The catalog as the window shows it in English (the words from locales/en/stretches.json). */
const EN = stretchesIn('en');

describe('stretch catalog', () => {
  it('validates against the schema (ids, steps, holds, cautions, illustrations)', () => {
    const result = CatalogSchema.safeParse(EN);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('has at least 14 stretches with unique kebab-case ids', () => {
    expect(STRETCHES.length).toBeGreaterThanOrEqual(14);
    const ids = STRETCHES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("includes the seed article's three buttock/hip stretches", () => {
    expect(SEED_STRETCH_IDS).toEqual(['seated-piriformis', 'standing-figure-four', 'knee-to-opposite-shoulder']);
    for (const id of SEED_STRETCH_IDS) expect(stretchById(id), id).toBeDefined();
    expect(stretchById('seated-piriformis', EN)?.steps.map((s) => s.text).join(' ')).toMatch(/ankle.*knee/);
    expect(stretchById('standing-figure-four')?.position).toBe('standing');
    expect(stretchById('knee-to-opposite-shoulder', EN)?.summary).toMatch(/desk/);
  });

  it('offers both seated and standing moves, covering the sitting-sore areas', () => {
    const positions = new Set(STRETCHES.map((s) => s.position));
    expect(positions).toEqual(new Set(['seated', 'standing']));
    const areas = new Set(STRETCHES.map((s) => s.area));
    for (const a of ['hips', 'glutes', 'lower-back', 'neck', 'shoulders', 'legs']) expect(areas, a).toContain(a);
  });

  it('gives buttock and hip stretches a caution about pain spreading down the leg', () => {
    for (const id of SEED_STRETCH_IDS) {
      expect(stretchById(id, EN)?.cautions.join(' '), id).toMatch(/down (your|the) leg/);
    }
  });

  it('draws a distinct illustration for every stretch', () => {
    const arts = EN.map((s) => s.illustration);
    expect(new Set(arts).size).toBe(arts.length);
  });

  describe.each(EN.map((s) => [s.id, s.illustration] as const))('illustration %s', (_id, svg) => {
    it('is well-formed, self-contained, titled, themeable and small', () => {
      expect(svgProblems(svg)).toEqual([]);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 120 120"/);
      expect(svg).toMatch(/<title>[^<]{10,}<\/title>/);
      expect(svg).not.toMatch(/<script|href=|url\((?!#)/i);
      expect(svg).toContain('stroke="currentColor"');
      expect(new TextEncoder().encode(svg).length).toBeLessThan(2048);
    });
  });
});

describe('illustrations show the movement (issue #17)', () => {
  const art = (id: string) => stretchById(id, EN)!.illustration;
  const title = (id: string) => /<title>([^<]*)<\/title>/.exec(art(id))![1]!;
  it('the standing figure-four sits back, hips back as into a chair, with an arrow saying so', () => {
    expect(title('standing-figure-four')).toMatch(/standing knee bent and the hips sitting back as into a chair/);
    expect(art('standing-figure-four')).toMatch(/opacity="\.7"/); // the motion arrow
  });
  it('the two knee-across stretches are drawn from the front, where the crossing shows', () => {
    for (const id of ['seated-piriformis', 'knee-to-opposite-shoulder']) expect(title(id)).toMatch(/^Front view: /);
  });
  it('the wrist stretch reads at thumbnail size: a solid palm, no stroke thinner than 5 units', () => {
    expect(art('wrist-forearm-stretch')).toMatch(/<rect [^>]*fill="currentColor"/);
    const widths = [...art('wrist-forearm-stretch').matchAll(/<path [^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // The motion arrow is a hint, drawn thin on purpose; every part of the arms and hands is thick.
    expect(widths.filter((w) => w !== 2.5).every((w) => w >= 5)).toBe(true);
  });
});

describe('stretch schema refuses bad entries with a clear message', () => {
  const good = EN[0]!;
  const messages = (value: unknown): string[] => {
    const r = StretchSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a real entry', () => {
    expect(messages(good)).toEqual([]);
  });

  it('refuses a non-kebab id, one step, a zero hold and no cautions', () => {
    expect(messages({ ...good, id: 'Seated_Piriformis' })).toEqual([expect.stringContaining('kebab-case')]);
    expect(messages({ ...good, steps: [{ text: 'Sit down.' }] })).toEqual([expect.stringContaining('at least 2 steps')]);
    expect(messages({ ...good, holdSeconds: 0 })[0]).toMatch(/^holdSeconds/);
    expect(messages({ ...good, cautions: [] })).toEqual([expect.stringContaining('at least one caution')]);
    expect(messages({ ...good, summary: 'One sentence. Then another.' })).toEqual([expect.stringContaining('one sentence')]);
  });

  it('refuses unsafe or broken SVG', () => {
    const base = good.illustration;
    const withScript = base.replace('</svg>', '<script>alert(1)</script></svg>');
    expect(messages({ ...good, illustration: withScript }).join('\n')).toMatch(/<script>/);
    const withHref = base.replace('</svg>', '<image href="https://example.com/x.png"/></svg>');
    expect(svgProblems(withHref)).toContain('must not reference anything (href)');
    expect(svgProblems(base.replace(/<title>.*<\/title>/, ''))).toContain('must have a non-empty <title>');
    expect(svgProblems(base.replace('viewBox="0 0 120 120"', 'viewBox="0 0 24 24"'))).toContain(
      'root <svg> must have viewBox="0 0 120 120"',
    );
    expect(svgProblems(base.replace('</title>', ''))[0]).toMatch(/closes <svg> but <title> is open/);
    expect(svgProblems(base.replace('<path d=', '<path onload="x()" d='))).toContain('must not contain event-handler attributes');
    expect(svgProblems(base.replaceAll('currentColor', '#000'))).toContain('must draw with currentColor so it follows the theme');
    expect(svgProblems(base.replace('</svg>', `<desc>${'x'.repeat(2048)}</desc></svg>`))[0]).toMatch(/keep it under 2048/);
    expect(svgProblems(base.replace('<path d=', '<path d=x'))[0]).toMatch(/malformed tag/);
  });
});

describe('stronger cautions (issue #17)', () => {
  const cautions = (id: string) => stretchById(id, EN)!.cautions.join(' ');
  it('knee to opposite shoulder and the hip-flexor stretch: skip after a hip replacement unless cleared', () => {
    for (const id of ['knee-to-opposite-shoulder', 'standing-hip-flexor']) expect(cautions(id), id).toMatch(/hip replacement, skip this one unless your surgeon or physio cleared it/);
  });
  it('crossed-leg stretches mention knee problems; bends and twists mention pregnancy and osteoporosis', () => {
    for (const id of ['seated-piriformis', 'standing-figure-four']) expect(cautions(id), id).toMatch(/knee/);
    for (const id of ['seated-piriformis', 'seated-spinal-twist', 'hamstring-heel-on-step']) expect(cautions(id), id).toMatch(/Pregnant.*osteoporosis/);
  });
  it('seated stretches name a chair without wheels first; the hamstring stretch has a relaxed foot and a hand on support', () => {
    expect(stretchById('seated-piriformis', EN)!.cautions[0]).toMatch(/without wheels/);
    const steps = stretchById('hamstring-heel-on-step', EN)!.steps.map((s) => s.text).join(' ');
    expect(steps).toMatch(/foot relax/);
    expect(steps).toMatch(/hand on a desk or wall/);
  });
});
