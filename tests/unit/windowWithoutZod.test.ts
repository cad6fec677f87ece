import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The window and the preload never load zod: building its schemas took ~30 ms of the window's
 * start-up, and only main validates bridge calls. The schemas live in files of their own
 * (shared/bridgeSchemas.ts, settings.ts, checkinSchema.ts, stretches/schema.ts); this follows every
 * import the bundler follows, so a new path to one of them fails here, not in a benchmark later.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function bundledInputs(entry: string, platform: 'browser' | 'node'): Promise<string[]> {
  const r = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    external: ['electron'],
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs);
}

const SCHEMA_FILES = /(^|\/)node_modules\/zod\/|^shared\/(bridgeSchemas|settings|checkinSchema|stretches\/schema)\.ts$/;

describe('the window loads no zod', () => {
  it.each([
    ['renderer/main.tsx', 'browser'],
    ['renderer/early.ts', 'browser'],
    ['main/electron/preload.ts', 'browser'],
  ] as const)('%s', async (entry, platform) => {
    const inputs = await bundledInputs(entry, platform);
    expect(inputs).toContain('shared/bridge.ts');
    expect(inputs.filter((f) => SCHEMA_FILES.test(f))).toEqual([]);
  });

  it('the early entry, loaded ahead of the main bundle to start the view\'s calls, stays free of React and the charts', async () => {
    const inputs = await bundledInputs('renderer/early.ts', 'browser');
    expect(inputs).toContain('renderer/prefetchRoute.ts');
    expect(inputs.filter((f) => /node_modules\//.test(f))).toEqual([]);
  });

  it('the check does see zod where it is loaded (main side of the bridge)', async () => {
    const inputs = await bundledInputs('main/app/bridge/handlers.ts', 'node');
    expect(inputs.some((f) => SCHEMA_FILES.test(f))).toBe(true);
  });
});
