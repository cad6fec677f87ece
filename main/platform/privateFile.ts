import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to `file` readable by its owner only (0600), via a temporary file beside it so
 * a crash never leaves half a file. The temporary file has an unguessable name and is created
 * exclusively (O_EXCL): a symlink or file planted where it would go is never followed or reused.
 * Without `replace`, an existing `file` is never overwritten (EEXIST).
 */
export function writePrivateFile(file: string, content: string, opts: { replace: boolean }): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.replace) renameSync(tmp, file);
    else linkSync(tmp, file); // fails if the file exists, atomically
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* renamed away */
    }
  }
}
