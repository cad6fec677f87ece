import { setFlagsFromString } from 'node:v8';

/**
 * The daemon runs a few milliseconds of JavaScript a minute, so V8's optimizing compilers buy it
 * nothing but their code and their working memory: about 4 MB of its resident size (see
 * `npm run bench`). Turned off before the daemon's modules load. These flags are read each time
 * V8 decides whether to tier up a function, so changing them at run time is safe; checked on
 * Node 20, 22 and 24.
 */
export function preferMemoryOverSpeed(): void {
  for (const flag of ['--no-opt', '--no-maglev', '--no-sparkplug', '--optimize-for-size']) setFlagsFromString(flag);
}
