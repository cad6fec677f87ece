import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The page's hash, re-rendering on every change. Not in route.ts: the early entry loads that file and must stay free of React. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
