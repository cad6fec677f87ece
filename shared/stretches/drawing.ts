/**
 * Tiny helpers for the hand-drawn stick figures. Each returns an SVG fragment string; `svg()` wraps a drawing
 * into the catalog's standard document (120×120, currentColor strokes); its <title>, the words a screen reader says,
 * comes from the `stretches` catalog in the reader's language (words.ts, withTitle).
 */

type Pt = readonly [number, number];

/** The figure: thick round strokes in the text colour. */
export function svg(...parts: string[]): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" fill="none" stroke="currentColor" ' +
    `stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${parts.join('')}</svg>`
  );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The drawing with its <title> (escaped: it is inlined as markup) as the first child of <svg>. */
export const withTitle = (drawing: string, title: string): string =>
  drawing.replace(/^(<svg[^>]*>)/, `$1<title>${title.replace(/[&<>]/g, (c) => ESCAPES[c]!)}</title>`);

export const head = ([x, y]: Pt): string => `<circle cx="${x}" cy="${y}" r="7.5" fill="currentColor" stroke="none"/>`;

/** A limb or torso through the given joints. */
export const limb = (...pts: Pt[]): string => `<path d="M${pts.map(([x, y]) => `${x} ${y}`).join('L')}"/>`;

/** Furniture, floor and walls: thin and faded so the body stands out. */
export const prop = (d: string): string => `<path d="${d}" stroke-width="2.5" opacity=".45"/>`;

/** A motion hint: a thin line with an arrowhead drawn as part of the same path. */
export const hint = (d: string): string => `<path d="${d}" stroke-width="2.5" opacity=".7"/>`;

export const floor = prop('M6 113H114');

/** Side view of a chair facing right; seat top at y=74 between x=28 and x=58. */
export const chairRight = prop('M28 40V113M28 74H58M56 74V113');

/** Edge of a desk at the right, for a hand to rest on. */
export const deskRight = prop('M84 62H116M90 62V113');

const r1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * A motion arrow: `d` is the shaft (any path data) ending at `tip`; `deg` is the direction the shaft travels
 * at the tip (0 = right, 90 = down), so the head points the way the body should move.
 */
export function arrow(d: string, tip: Pt, deg: number): string {
  const a = (deg * Math.PI) / 180;
  const [x, y] = tip;
  const back = (spread: number): string => {
    const b = a + Math.PI + spread;
    return `${r1(x + 6 * Math.cos(b))} ${r1(y + 6 * Math.sin(b))}`;
  };
  return hint(`${d}M${back(-0.55)}L${x} ${y}L${back(0.55)}`);
}
