import { createBridge, type SitwellBridge } from '../../shared/bridge.js';
import { webTransport } from './webTransport.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser (local web mode). */
    sitwell?: SitwellBridge;
  }
}

let bridge: SitwellBridge | null = null;

/** The renderer's only door to the rest of the app: the preload's object, or the same contract over HTTP. */
export function getBridge(): SitwellBridge {
  bridge ??= window.sitwell ?? createBridge(webTransport());
  return bridge;
}
