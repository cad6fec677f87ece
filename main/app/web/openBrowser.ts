import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long the hand-off file waits for the browser to read it before it is deleted. */
const HANDOFF_LIFETIME_MS = 120_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A page that sends the browser on to `url`, in a file only this user can read. The opener gets the
 * file's path, never the tokened address: a command line is visible to every local user in `ps`
 * (notebook servers hand off the same way).
 */
export function writeHandoffPage(url: string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitwell-open-')); // 0700
  const path = join(dir, 'open-sitwell.html');
  const href = escapeHtml(url);
  writeFileSync(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0;url=${href}"><title>Opening Sitwell…</title></head>` +
      `<body><p><a href="${href}">Open Sitwell</a></p></body></html>`,
    { mode: 0o600, flag: 'wx' },
  );
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens `url` in the user's browser; a desktop without an opener is not an error (the URL is printed anyway). */
export function openInBrowser(url: string, log: (line: string) => void): void {
  let handoff: ReturnType<typeof writeHandoffPage>;
  try {
    handoff = writeHandoffPage(url);
  } catch (e) {
    log(`could not open a browser (${(e as Error).message}); open the address above yourself`);
    return;
  }
  const target = handoff.path;
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', target]] : ['xdg-open', [target]];
  // Removed after its lifetime or at exit, whichever comes first; the exit listener goes with it, so a
  // long-running tracker that opens the window many times does not pile listeners up.
  const remove = () => {
    process.off('exit', remove);
    handoff.remove();
  };
  setTimeout(remove, HANDOFF_LIFETIME_MS).unref();
  process.once('exit', remove);
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => log(`could not open a browser (${cmd} is missing); open the address above yourself`));
    child.unref();
  } catch {
    log('could not open a browser; open the address above yourself');
  }
}
