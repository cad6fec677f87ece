import type { CallResult, EventName } from '../../../shared/bridge.js';
export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * The bridge's handlers behind one transport-free door: the Electron shell wraps it in ipcMain,
 * the local web server in HTTP. `call` never throws and never rejects; every failure is a typed
 * error body. `subscribe` returns its unsubscribe.
 */
export interface BridgeDispatcher {
  call(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: EventListener): () => void;
}
