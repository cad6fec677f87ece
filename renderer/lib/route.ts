/**
 * Hash routes, so one window (the Electron pop-up, a browser tab) switches views without a reload
 * and the loopback server's token in the query string stays put.
 */
export const VIEWS = ['now', 'prompt', 'stretch', 'stats', 'settings', 'checkin'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** Path segments after the view: `#/stretch/play/quick-2` → ['play', 'quick-2']. */
  rest: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', q = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const first = parts[0] as View | undefined;
  const view = first && (VIEWS as readonly string[]).includes(first) ? first : 'now';
  return { view, rest: first === view ? parts.slice(1) : [], query: new URLSearchParams(q) };
}

export function href(view: View, ...rest: string[]): string {
  return `#/${[view, ...rest].map(encodeURIComponent).join('/')}`;
}

export function navigate(view: View, ...rest: string[]): void {
  window.location.hash = href(view, ...rest);
}

/**
 * A query parameter from the page URL or the hash (`?speed=20#/stretch` or `#/stretch?speed=20`).
 * `speed` is a documented testing hook: the stretch player's clock runs N times faster.
 */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name) ?? parseHash(window.location.hash).query.get(name);
}
