import { spawn } from 'node:child_process';

/** Opens `url` in the user's browser; a desktop without an opener is not an error (the URL is printed anyway). */
export function openInBrowser(url: string, log: (line: string) => void): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => log(`could not open a browser (${cmd} is missing); open the address above yourself`));
    child.unref();
  } catch {
    log('could not open a browser; open the address above yourself');
  }
}
