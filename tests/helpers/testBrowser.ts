import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tiny "browser" that the real xdg-open starts as the html handler (a .desktop entry and mimeapps.list in
 * the test's own XDG_CONFIG_HOME / XDG_DATA_HOME): it notes what it was given (Sitwell passes a private
 * hand-off file, never the tokened address) and the address that file leads to. Run the program under
 * test with `env(base)`.
 */
export interface TestBrowser {
  /** `base` with the private XDG dirs, and without BROWSER and XDG_CURRENT_DESKTOP (so xdg-open asks mimeapps.list). */
  env(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** What the opener was given on its command line, in order. */
  args(): string[];
  /** Each hand-off file's mode (e.g. '600'), as the browser saw it. */
  modes(): string[];
  /** The address each hand-off file leads to. */
  urls(): string[];
}

export function registerTestBrowser(dir: string): TestBrowser {
  const opened = join(dir, 'opened');
  const handoffs = join(dir, 'handoffs');
  const config = join(dir, 'browser-config');
  const data = join(dir, 'browser-data');
  const script = join(dir, 'browser.sh');
  writeFileSync(script, `#!/bin/sh\necho "$1" >> '${opened}'\necho "$(stat -c %a "$1") $(grep -o 'url=[^"]*' "$1" | head -n 1 | cut -c5-)" >> '${handoffs}'\n`);
  chmodSync(script, 0o755);
  mkdirSync(config, { recursive: true });
  mkdirSync(join(data, 'applications'), { recursive: true });
  writeFileSync(join(config, 'mimeapps.list'), '[Default Applications]\nx-scheme-handler/http=sitwell-test-browser.desktop\ntext/html=sitwell-test-browser.desktop\n');
  writeFileSync(
    join(data, 'applications', 'sitwell-test-browser.desktop'),
    `[Desktop Entry]\nType=Application\nName=Test browser\nExec=${script} %u\nMimeType=x-scheme-handler/http;text/html;\n`,
  );
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  return {
    env(base) {
      const env: NodeJS.ProcessEnv = { ...base, XDG_CONFIG_HOME: config, XDG_DATA_HOME: data };
      delete env.XDG_CURRENT_DESKTOP;
      delete env.BROWSER;
      return env;
    },
    args: () => lines(opened),
    modes: () => lines(handoffs).map((l) => l.split(' ')[0]!),
    urls: () => lines(handoffs).map((l) => l.split(' ')[1]!.replace(/&amp;/g, '&')),
  };
}
