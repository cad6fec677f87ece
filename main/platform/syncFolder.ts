import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import type { FolderProblem } from '../../shared/sync.js';
import { writePrivateFile } from './privateFile.js';

/**
 * The sync folder on disk (issue 15): `<folder>/sitwell/<device-id>/<yyyy-mm>.ndjson`. Paths here
 * are relative to `<folder>/sitwell`, `/`-separated. This device writes only its own directory,
 * each file whole through a temporary file and a rename, so a sync engine never sees half a write.
 * Changes are noticed by the OS's file watcher (inotify, FSEvents, ReadDirectoryChangesW), never
 * by polling.
 */

export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface SyncFolder {
  /** The user's folder (the journals are under its `sitwell/`). */
  readonly root: string;
  /** Names of the entries directly under `sitwell/` that are directories. */
  devices(): string[];
  /** Names of the files in a device's directory. */
  files(device: string): string[];
  stat(rel: string): FileStat | null;
  read(rel: string): string;
  /** Replaces the file whole (creating its directory). */
  write(rel: string, text: string): void;
  /** Calls `onChange` with the changed path (null: unknown) for every change under `sitwell/`; returns the unsubscribe. */
  watch(onChange: (rel: string | null) => void, onError: (e: Error) => void): () => void;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** What keeps `path` from being the sync folder, or null: absolute, an existing directory, writable by this user. */
export function folderProblem(path: string): FolderProblem | null {
  if (!isAbsolute(path)) return 'not-absolute';
  let st;
  try {
    st = statSync(path);
  } catch {
    return 'missing';
  }
  if (!st.isDirectory()) return 'not-directory';
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'not-writable';
  }
  return null;
}

export function openSyncFolder(root: string): SyncFolder {
  const base = join(root, 'sitwell');
  const abs = (rel: string) => join(base, ...rel.split('/'));
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  return {
    root,
    devices: () => list(base).filter((e) => e.isDirectory()).map((e) => e.name),
    files: (device) => list(join(base, device)).filter((e) => e.isFile()).map((e) => e.name),
    stat(rel) {
      try {
        const s = statSync(abs(rel));
        return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
      } catch {
        return null;
      }
    },
    read: (rel) => readFileSync(abs(rel), 'utf8'),
    write(rel, text) {
      const file = abs(rel);
      mkdirSync(join(file, '..'), { recursive: true });
      writePrivateFile(file, text, { replace: true });
    },
    watch(onChange, onError) {
      mkdirSync(base, { recursive: true });
      let w: FSWatcher | null = null;
      try {
        // Recursive: device directories that appear later are watched too (Node ≥ 20 on Linux).
        w = watch(base, { recursive: true, persistent: false }, (_event, name) => onChange(name ? String(name).split(sep).join('/') : null));
        w.on('error', (e) => onError(e));
      } catch (e) {
        onError(e as Error);
      }
      return () => w?.close();
    },
  };
}

/** Whether the folder exists and is a directory (for `sitwell sync --folder` and doctor). */
export const folderExists = (dir: string): boolean => isDir(dir);
