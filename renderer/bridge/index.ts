import { createBridge, type BridgeTransport, type SitwellBridge } from '../../shared/bridge.js';
import { webTransport } from './webTransport.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser (local web mode). */
    sitwell?: SitwellBridge;
    /** The preload's raw transport: results cross contextBridge as plain data, so typed errors survive. */
    sitwellIpc?: BridgeTransport;
  }
}

let bridge: SitwellBridge | null = null;

/**
 * The renderer's only door to the rest of the app. Under Electron the bridge is built here over the
 * preload's transport (contextBridge would strip a thrown BridgeError down to its message); in the
 * browser the same contract runs over HTTP.
 */
export function getBridge(): SitwellBridge {
  bridge ??= window.sitwellIpc ? createBridge(window.sitwellIpc) : (window.sitwell ?? createBridge(webTransport()));
  return bridge;
}
