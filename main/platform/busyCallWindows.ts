import { runTool } from './runTool.js';
import type { BusyReading, BusySource } from './types.js';

const STORE = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore';

/**
 * `reg query …\\ConsentStore\\<capability> /s /v LastUsedTimeStop`: Windows records when each app last
 * stopped using the microphone or camera; 0 means it has not stopped yet, i.e. uses it now.
 */
export function appsInUse(stdout: string): string[] {
  const out: string[] = [];
  let key = '';
  for (const line of stdout.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) key = line.trim();
    const m = /^\s+LastUsedTimeStop\s+REG_QWORD\s+(0x[0-9a-f]+)\s*$/i.exec(line);
    if (m && BigInt(m[1]!) === 0n && key) out.push(key.split('\\').pop()!.replaceAll('#', '\\'));
  }
  return out;
}

export function callFromConsentStore(microphone: string, webcam: string): BusyReading {
  const mic = appsInUse(microphone);
  const cam = appsInUse(webcam);
  if (mic.length) return { busy: true, detail: `${mic.join(', ')} ${mic.length === 1 ? 'uses' : 'use'} the microphone` };
  if (cam.length) return { busy: true, detail: `${cam.join(', ')} ${cam.length === 1 ? 'uses' : 'use'} the camera` };
  return { busy: false, detail: 'no app uses the microphone or camera' };
}

/** Windows 10/11: the microphone or camera in use, from the capability-access registry. */
export function createWindowsCallSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  const query = (capability: string) =>
    runTool('reg', ['query', `${STORE}\\${capability}`, '/s', '/v', 'LastUsedTimeStop'], { env, timeoutMs: opts.timeoutMs ?? 3000 }).catch((e: Error) => {
      // reg exits 1 when nothing matched (no app ever asked for the capability).
      if (/exit 1/.test(e.message)) return '';
      throw e;
    });
  return {
    name: 'call-windows-capability-access',
    reason: 'call',
    async check() {
      const [mic, cam] = await Promise.all([query('microphone'), query('webcam')]);
      return callFromConsentStore(mic, cam);
    },
    close() {},
  };
}
