/**
 * Whether the desktop app turns "Start Sitwell when I log in" on by itself (issue #17: on by default
 * where the app installs itself). Only on the first run of an installed (packaged) app: a run from
 * source is a developer's, and a later run keeps what the user chose. Never when `sitwell autostart`
 * already starts the background tracker at login: two trackers on one history is what the one-tracker
 * rule forbids (the app would only meet the daemon's lock at every login).
 */
export interface FirstRunLoginFacts {
  /** No history existed when the app started. */
  firstRun: boolean;
  /** An installed app (Electron's app.isPackaged), not a run from source. */
  packaged: boolean;
  /** `sitwell autostart enable` wrote an entry (systemd unit, XDG entry, LaunchAgent, Run value). */
  daemonStartsAtLogin: boolean;
}

export const startAtLoginOnFirstRun = (f: FirstRunLoginFacts): boolean => f.firstRun && f.packaged && !f.daemonStartsAtLogin;
