import { createHash } from 'node:crypto';
import { userInfo, tmpdir } from 'node:os';
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';
import { defaultDataDir } from './dataDir.js';

/**
 * Where the running tracker listens for `sitwell stand`, `sitwell sit` and the like: a Unix socket
 * in a directory only this user can enter, or a named pipe on Windows. One address per history
 * (the database path is hashed into the name), so two trackers of two histories never clash.
 */

export interface ControlAddress {
  /** The socket file, or the pipe name on Windows (`\\.\pipe\…`). */
  path: string;
  /** The 0700 directory holding the socket; null for a named pipe (it has no directory). */
  dir: string | null;
}

export interface ControlPathEnv {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The user the address belongs to: part of the fallback directory and of the pipe name. */
  user?: { uid: number; name: string };
  tmp?: string;
}

/** sockaddr_un holds 108 bytes on Linux and 104 on macOS, NUL included; stay below both. */
export const MAX_SOCKET_PATH_BYTES = 100;

/** Hash of the resolved database path: the same file always gives the same name, two files never one. */
export function historyKey(dbPath: string, platform: NodeJS.Platform = process.platform): string {
  const full = platform === 'win32' ? win32.resolve(dbPath).toLowerCase() : resolve(dbPath);
  return createHash('sha256').update(full).digest('hex').slice(0, 16);
}

function currentUser(): { uid: number; name: string } {
  const info = userInfo();
  return { uid: info.uid, name: info.username };
}

/** The control channel's address for the history at `dbPath`. */
export function controlAddress(dbPath: string, opts: ControlPathEnv = {}): ControlAddress {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const user = opts.user ?? currentUser();
  const key = historyKey(dbPath, platform);
  if (platform === 'win32') {
    // A pipe name is global to the machine: the user's name keeps two users' pipes apart, and the
    // server creates it for the current user only (node's default security descriptor).
    const who = createHash('sha256').update(user.name.toLowerCase()).digest('hex').slice(0, 8);
    return { path: `\\\\.\\pipe\\sitwell-${who}-${key}`, dir: null };
  }
  const file = `control-${key}.sock`;
  const runtime = env.XDG_RUNTIME_DIR;
  // $XDG_RUNTIME_DIR is this user's, 0700 and emptied at logout: the place for a socket. Without it,
  // a private directory beside the history's default location.
  const dir = runtime && isAbsolute(runtime) ? posix.join(runtime, 'sitwell') : join(defaultDataDir(env, platform), 'run');
  if (Buffer.byteLength(join(dir, file)) <= MAX_SOCKET_PATH_BYTES) return { path: join(dir, file), dir };
  // A long home directory: a short private directory in the system's temp directory instead.
  const short = join(opts.tmp ?? tmpdir(), `sitwell-${user.uid}`);
  return { path: join(short, file), dir: short };
}
