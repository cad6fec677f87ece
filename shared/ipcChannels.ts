/**
 * The Electron IPC channel names, written once: the preload and the main process both derive
 * their channels from here, so a rename cannot leave one side listening on the old name.
 */
export const IPC_PREFIX = 'sitwell';

export const IPC_CHANNELS = {
  /** renderer → main, ipcRenderer.invoke(channel, method, input) → { ok, value } | { ok: false, error } */
  call: `${IPC_PREFIX}:call`,
  /** main → renderer, webContents.send(channel, eventName, payload) */
  event: `${IPC_PREFIX}:event`,
} as const;
