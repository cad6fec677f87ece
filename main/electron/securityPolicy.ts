import type { WebPreferences } from 'electron';

/**
 * The security settings every window and session gets, in one place so the security test can
 * check them and no window can be built without them. Only types come from Electron here.
 */

/** The webPreferences of every BrowserWindow Sitwell creates. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    enableWebSQL: false,
  };
}

/**
 * https addresses the app may hand to the user's browser (the evidence cited next to the
 * defaults, the project page). Matched by origin and path prefix; anything else is refused.
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'https://doi.org/',
  'https://pubmed.ncbi.nlm.nih.gov/',
  'https://www.ncbi.nlm.nih.gov/pmc/',
  'https://journals.lww.com/acsm-msse/',
];

export function isAllowedExternal(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const target = `${u.origin}${u.pathname}`;
  return allow.some((prefix) => target.startsWith(prefix));
}
