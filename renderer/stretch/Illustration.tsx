import type { Stretch } from '../../shared/stretches/index.js';

/**
 * The catalog's SVG, inlined so it draws in the text colour of either theme. Safe: every
 * illustration is checked by svgProblems (no scripts, handlers, references or styles) in tests.
 */
export function Illustration({ stretch, large = false }: { stretch: Stretch; large?: boolean }) {
  return <div className={large ? 'illustration large' : 'illustration'} dangerouslySetInnerHTML={{ __html: stretch.illustration }} />;
}
