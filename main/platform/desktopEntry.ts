/** The desktop app's XDG autostart file (written by main/electron/loginItem.ts; `sitwell autostart` checks for it). */
export const APP_AUTOSTART_FILE = 'org.sitwell.app.desktop';

/** Quotes one Exec argument per the Desktop Entry spec (reserved characters force quoting; \ " ` $ are escaped). */
export function desktopExecArg(arg: string): string {
  if (!/[\s"'\\><~|&;$*?#()`]/.test(arg) && arg !== '') return arg.replace(/%/g, '%%');
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`;
}
