import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The page's hash, re-rendering on every change. Apart from route.ts, which the React-free early entry loads. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
