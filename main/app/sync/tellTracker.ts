import type { Method } from '../../../shared/bridge.js';
import { controlAddress } from '../../platform/controlPath.js';
import { callTracker } from '../control/controlClient.js';

/**
 * Hands a sync change (the folder, the device's name) to the tracker running on this history in
 * another process, over its control channel, so it follows at once. False when none runs: the
 * caller writes the history itself and the next tracker reads it at start. Throws when the tracker
 * cannot be reached or refuses, saying why.
 */
export async function tellTracker(dbPath: string, method: Extract<Method, 'setSyncFolder' | 'setDeviceName'>, input: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const answer = await callTracker(controlAddress(dbPath, { env }), method, input).catch((e: unknown) => {
    throw new Error(`could not reach the running Sitwell tracker: ${(e as Error).message}`);
  });
  if (answer.kind === 'no-tracker') return false;
  if (!answer.result.ok) throw new Error(`the tracker refused: ${answer.result.error.message}`);
  return true;
}
