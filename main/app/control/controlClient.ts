import type { CallResult, Method } from '../../../shared/bridge.js';
import type { ControlAddress } from '../../platform/controlPath.js';
import { ControlChannelError, connectPrivate } from '../../platform/controlSocket.js';
import { encodeLine, lineReader } from './protocol.js';

export type TrackerAnswer = { kind: 'no-tracker'; why: string } | { kind: 'answered'; result: CallResult };

/** How long a call may take end to end; the tracker answers in milliseconds. */
const CALL_TIMEOUT_MS = 5000;

/**
 * One bridge call to the tracker running on this history, over its control channel. No tracker is
 * an answer (`no-tracker`); a tracker that does not answer in time, or answers garbage, is an error.
 */
export async function callTracker(address: ControlAddress, method: Method, input: Record<string, unknown> = {}, timeoutMs = CALL_TIMEOUT_MS): Promise<TrackerAnswer> {
  const started = Date.now();
  const connected = await connectPrivate(address, timeoutMs);
  if (connected.kind === 'no-tracker') return connected;
  const { socket } = connected;
  return new Promise<TrackerAnswer>((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new ControlChannelError(message));
    };
    const timer = setTimeout(() => fail(`the tracker did not answer within ${timeoutMs} ms`), Math.max(0, timeoutMs - (Date.now() - started)));
    socket.on(
      'data',
      lineReader(
        (line) => {
          let result: CallResult;
          try {
            result = JSON.parse(line) as CallResult;
          } catch {
            return fail('the tracker answered something that is not JSON');
          }
          if (typeof result?.ok !== 'boolean') return fail('the tracker answered something that is not a call result');
          clearTimeout(timer);
          socket.end();
          resolve({ kind: 'answered', result });
        },
        () => fail('the tracker answered with an overlong line'),
      ),
    );
    socket.on('error', (e) => fail(`the connection to the tracker failed: ${e.message}`));
    socket.on('close', () => fail('the tracker closed the connection without answering'));
    socket.write(encodeLine({ method, input }));
  });
}
