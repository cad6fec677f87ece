import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BusyReading, BusySource } from './types.js';

/**
 * macOS Focus (Do Not Disturb and the other Focus modes) turned on by the user: a record in
 * ~/Library/DoNotDisturb/DB/Assertions.json. Reading it needs Full Disk Access for the app on
 * recent macOS; without it the read fails and says so.
 */
export function parseFocusAssertions(text: string): BusyReading {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('Assertions.json is not JSON');
  }
  const data = (doc as { data?: unknown }).data;
  if (!Array.isArray(data)) throw new Error('Assertions.json has no "data" list');
  const records = data.flatMap((d) => ((d as { storeAssertionRecords?: unknown }).storeAssertionRecords as unknown[] | undefined) ?? []);
  if (records.length === 0) return { busy: false, detail: 'no Focus is on' };
  const mode = (records[0] as { assertionDetails?: { assertionDetailsModeIdentifier?: string } }).assertionDetails?.assertionDetailsModeIdentifier;
  return { busy: true, detail: `Focus is on${mode ? ` (${mode})` : ''}` };
}

export function createMacFocusSource(env: NodeJS.ProcessEnv): BusySource {
  const file = join(env.HOME ?? '', 'Library', 'DoNotDisturb', 'DB', 'Assertions.json');
  return {
    name: 'dnd-macos-focus',
    reason: 'dnd',
    async check() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { busy: false, detail: 'Focus was never used' };
        throw new Error(`cannot read ${file}${code === 'EPERM' || code === 'EACCES' ? ' (give Sitwell Full Disk Access in System Settings › Privacy & Security)' : `: ${(e as Error).message}`}`, { cause: e });
      }
      return parseFocusAssertions(text);
    },
    close() {},
  };
}
