import { existsSync } from 'node:fs';
import { openStore, StoreError, type Store } from '../store/index.js';
import { CliError } from './errors.js';

/**
 * Opens the history for a command. A file that is not Sitwell's, or is from a newer version,
 * becomes a one-line error (exit 2) and the file is left as it was.
 */
export function openStoreForCli(path: string, opts: { readonly?: boolean; allowMissing?: boolean } = {}): Store | null {
  if (opts.allowMissing && !existsSync(path)) return null;
  try {
    return openStore(path, { readonly: opts.readonly });
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(`${path}: ${e.message}`, 2);
    throw e;
  }
}
