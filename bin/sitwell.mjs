#!/usr/bin/env node
// The installed `sitwell` command: the bundled CLI when built (npm run build), else the sources through tsx.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/cli.mjs', import.meta.url);
if (existsSync(bundled)) {
  await import(bundled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../main/cli/main.ts', import.meta.url).href);
}
