/**
 * Checks that an illustration is safe and self-contained to inline in the renderer (strict CSP, no remote content).
 * A deliberately small XML-ish reader: enough to prove tags balance and attributes are quoted, without a DOM.
 */

export const SVG_MAX_BYTES = 2048;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
const ATTR = /([\w:-]+)="([^"]*)"/g;

/** Every problem found, in words; empty when the SVG is fine. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const bytes = new TextEncoder().encode(svg).length;
  if (bytes >= SVG_MAX_BYTES) problems.push(`is ${bytes} bytes; keep it under ${SVG_MAX_BYTES}`);
  if (!svg.startsWith('<svg')) problems.push('must start with <svg');
  if (!svg.endsWith('</svg>')) problems.push('must end with </svg>');
  if (/<script/i.test(svg)) problems.push('must not contain <script>');
  if (/\son\w+\s*=/i.test(svg)) problems.push('must not contain event-handler attributes');
  if (/href\s*=/i.test(svg)) problems.push('must not reference anything (href)');
  if (/url\(\s*(?!#)/i.test(svg)) problems.push('must not use url() other than url(#id)');
  if (/<!(?:DOCTYPE|ENTITY)|<\?/i.test(svg)) problems.push('must not contain DOCTYPE, entities or processing instructions');
  if (!svg.includes('currentColor')) problems.push('must draw with currentColor so it follows the theme');

  const stack: string[] = [];
  let rootAttrs = '';
  let title = '';
  let pos = 0;
  while (pos < svg.length) {
    const lt = svg.indexOf('<', pos);
    const text = svg.slice(pos, lt === -1 ? svg.length : lt);
    if (/[<>]/.test(text) || /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(text)) {
      problems.push(`has stray markup in text near offset ${pos}`);
      break;
    }
    if (stack[stack.length - 1] === 'title') title += text;
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(svg);
    if (!m) {
      problems.push(`has a malformed tag at offset ${lt}`);
      break;
    }
    const [whole, closing, name = '', attrs = '', selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) {
        problems.push(`closes <${name}> but <${open ?? 'nothing'}> is open`);
        break;
      }
    } else {
      if (stack.length === 0 && lt !== 0) problems.push('has more than one root element');
      if (lt === 0) rootAttrs = attrs;
      const seen = new Set<string>();
      for (const a of attrs.matchAll(ATTR)) {
        if (seen.has(a[1] ?? '')) problems.push(`repeats attribute ${a[1]} on <${name}>`);
        seen.add(a[1] ?? '');
      }
      if (!selfClosing) stack.push(name);
    }
    pos = lt + whole.length;
  }
  if (stack.length > 0 && problems.length === 0) problems.push(`leaves <${stack.join('>, <')}> unclosed`);
  if (!/\sviewBox="0 0 120 120"/.test(rootAttrs)) problems.push('root <svg> must have viewBox="0 0 120 120"');
  if (!/\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(rootAttrs)) problems.push('root <svg> must declare the SVG namespace');
  if (title.trim() === '') problems.push('must have a non-empty <title>');
  return problems;
}
