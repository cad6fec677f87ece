import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge, isEventName, type BridgeTransport } from '../../shared/bridge.js';
import { IPC_CHANNELS } from '../../shared/ipcChannels.js';

/**
 * Runs sandboxed, before the page, in an isolated world. The page gets exactly two objects and
 * never ipcRenderer itself: `window.sitwell` (the contract, built by createBridge from the same
 * method table as every handler) and `window.sitwellIpc`, the raw transport under it.
 *
 * Why both: contextBridge copies a thrown Error with its message only, so a BridgeError from
 * `window.sitwell` reaches the page without its class and `body` (code, field). A page that wants
 * them builds its own bridge: `createBridge(window.sitwellIpc)` — results cross as plain data.
 */
const transport: BridgeTransport = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.call, method, input),
  subscribe(listener) {
    // The IPC event object (which carries the sender) never reaches the page.
    const handler = (_e: IpcRendererEvent, event: unknown, payload: unknown) => {
      if (isEventName(event)) listener(event, payload);
    };
    ipcRenderer.on(IPC_CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('sitwell', createBridge(transport));
contextBridge.exposeInMainWorld('sitwellIpc', { call: transport.call, subscribe: transport.subscribe });
