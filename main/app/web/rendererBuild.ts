import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexExists } from './staticFiles.js';

/** The project root, from this file's place in it (main/app/web/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build` (Vite, root renderer/) puts the renderer. */
export const DEFAULT_STATIC_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

let building: Promise<boolean> | null = null;

/**
 * Builds the renderer with Vite when its output is missing, once per process. Vite is a
 * development dependency, so an installed Sitwell without it just reports false and the
 * server explains how to build. Vite's own output goes to stderr only (stdout carries the URL).
 */
export function ensureRendererBuilt(staticDir: string, log: (line: string) => void): Promise<boolean> {
  if (indexExists(staticDir)) return Promise.resolve(true);
  const configFile = join(PROJECT_ROOT, 'renderer', 'vite.config.ts');
  if (staticDir !== DEFAULT_STATIC_DIR || !existsSync(configFile)) return Promise.resolve(false);
  building ??= (async () => {
    // A recently touched output folder without its index.html is most likely a build in progress
    // (Vite empties the folder first, writes index.html last): wait for it rather than race it.
    if (existsSync(staticDir) && statSync(staticDir).mtimeMs > Date.now() - 120_000) {
      for (let waited = 0; waited < 60_000 && !indexExists(staticDir); waited += 250) await new Promise((r) => setTimeout(r, 250));
      if (indexExists(staticDir)) return true;
    }
    log('the Sitwell window is not built yet (no dist/renderer/index.html); building it now with Vite…');
    const started = Date.now();
    try {
      const vite = await import('vite');
      await vite.build({ configFile, logLevel: 'error', clearScreen: false });
    } catch (e) {
      log(`building the window failed: ${(e as Error).message.split('\n')[0]}. Run \`npm run build\` to see why.`);
      return false;
    }
    const ok = indexExists(staticDir);
    log(ok ? `built the window in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'the build finished but dist/renderer/index.html is still missing; run `npm run build`');
    return ok;
  })();
  return building;
}
