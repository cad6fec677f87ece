import { chmodSync, lstatSync, mkdirSync, unlinkSync, type Stats } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { ControlAddress } from './controlPath.js';
import type { Probe } from './types.js';

/**
 * The local control channel's socket, held to one user. Node cannot read a Unix socket peer's
 * credentials, so the file system does the checking: the socket lives in a directory that only its
 * owner may enter (0700, owned by this user, not a symlink) and is itself 0600. The client checks
 * the same before it connects, so it never talks to a socket another user planted.
 */

export class ControlChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlChannelError';
  }
}

const myUid = (): number | null => (typeof process.getuid === 'function' ? process.getuid() : null);

function describeMode(st: Stats): string {
  return (st.mode & 0o777).toString(8).padStart(3, '0');
}

/** Checks (and, for the server, makes) the private directory; throws a ControlChannelError saying what is wrong. */
export function ensurePrivateDir(dir: string, opts: { create: boolean }): void {
  if (opts.create) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new ControlChannelError(`${dir} should be a directory for Sitwell's control socket, but it is not one (or is a symlink)`);
  const uid = myUid();
  if (uid !== null && st.uid !== uid) throw new ControlChannelError(`${dir} belongs to user ${st.uid}, not to you (${uid}): Sitwell will not use it for its control socket`);
  if ((st.mode & 0o077) === 0) return;
  // Ours, but open to others (made by hand, or by an older umask): close it, never talk through it open.
  if (!opts.create) throw new ControlChannelError(`${dir} is open to other users (mode ${describeMode(st)}); it must be 700`);
  chmodSync(dir, 0o700);
}

/** Removes a socket left by a tracker that died; refuses to remove anything that is not a socket. */
function removeStaleSocket(path: string): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (!st.isSocket()) throw new ControlChannelError(`${path} exists and is not a socket; Sitwell will not replace it`);
  // The caller holds the history's tracker lock, so no live tracker of this history listens here.
  unlinkSync(path);
}

/** Listens on the control address for this user only. Resolves once listening. */
export async function listenPrivate(address: ControlAddress, onConnection: (socket: Socket) => void): Promise<Server> {
  if (address.dir) {
    ensurePrivateDir(address.dir, { create: true });
    removeStaleSocket(address.path);
  }
  const server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: address.path, readableAll: false, writableAll: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The directory already keeps others out; the mode says so once more to anyone looking.
  if (address.dir) chmodSync(address.path, 0o600);
  return server;
}

export type ConnectResult = { kind: 'connected'; socket: Socket } | { kind: 'no-tracker'; why: string };

/**
 * Connects to the control address. "No tracker" (no socket, or nobody listening on it) is an answer,
 * not an error; a socket that is not this user's is an error.
 */
export async function connectPrivate(address: ControlAddress, timeoutMs: number): Promise<ConnectResult> {
  if (address.dir) {
    let st: Stats;
    try {
      ensurePrivateDir(address.dir, { create: false });
      st = lstatSync(address.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'no-tracker', why: `no control socket at ${address.path}` };
      throw e;
    }
    const uid = myUid();
    if (!st.isSocket()) throw new ControlChannelError(`${address.path} is not a socket`);
    if (uid !== null && st.uid !== uid) throw new ControlChannelError(`${address.path} belongs to user ${st.uid}, not to you (${uid})`);
  }
  return new Promise<ConnectResult>((resolve, reject) => {
    const socket = createConnection({ path: address.path });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ControlChannelError(`the tracker did not accept the connection within ${timeoutMs} ms (${address.path})`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve({ kind: 'connected', socket });
    });
    const onError = (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A socket file with nobody behind it: a tracker that was killed.
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve({ kind: 'no-tracker', why: `nothing listens on ${address.path}` });
      else reject(new ControlChannelError(`cannot reach the tracker at ${address.path}: ${e.message}`));
    };
    socket.once('error', onError);
  });
}

/** For `sitwell doctor`: where `sitwell stand` / `sit` reach the tracker, and whether one listens there now. */
export async function probeControlChannel(address: ControlAddress): Promise<Probe> {
  const name = 'control channel (sitwell stand / sit)';
  if (!address.dir) return { name, ok: true, why: `named pipe ${address.path}, for this user only` };
  try {
    const reached = await connectPrivate(address, 1000);
    if (reached.kind === 'connected') {
      reached.socket.destroy();
      return { name, ok: true, why: `a tracker listens at ${address.path}` };
    }
    return { name, ok: true, why: `no tracker running; \`sitwell daemon\` or the app would listen at ${address.path} (a 0700 directory)` };
  } catch (e) {
    return { name, ok: false, why: (e as Error).message };
  }
}
