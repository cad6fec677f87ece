import { readdir, readFile, readlink } from 'node:fs/promises';
import type { BusySource } from './types.js';

const VIDEO = /^\/dev\/video\d+$/;

/**
 * A camera in use on Linux: some process holds `/dev/video*` open. Scans /proc/PID/fd of the processes
 * this user may look into (a camera app of another user is not this user's call anyway).
 */
export function createCameraCallSource(opts: { proc?: string } = {}): BusySource {
  const proc = opts.proc ?? '/proc';
  return {
    name: 'call-camera-linux',
    reason: 'call',
    async check() {
      let pids: string[];
      try {
        pids = (await readdir(proc)).filter((p) => /^\d+$/.test(p));
      } catch (e) {
        throw new Error(`cannot list ${proc}: ${(e as Error).message}`, { cause: e });
      }
      for (const pid of pids) {
        let fds: string[];
        try {
          fds = await readdir(`${proc}/${pid}/fd`);
        } catch {
          continue; // another user's process, or gone
        }
        for (const fd of fds) {
          const target = await readlink(`${proc}/${pid}/fd/${fd}`).catch(() => '');
          if (VIDEO.test(target)) {
            const comm = (await readFile(`${proc}/${pid}/comm`, 'utf8').catch(() => `process ${pid}`)).trim();
            return { busy: true, detail: `${comm} has ${target} open` };
          }
        }
      }
      return { busy: false, detail: 'no camera is open' };
    },
    close() {},
  };
}
