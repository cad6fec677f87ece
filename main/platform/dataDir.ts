import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data directory each OS expects an app like this to use. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sitwell');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sitwell');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sitwell');
}

/** `--db` wins, then SITWELL_DB, then the OS default. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return flag || env.SITWELL_DB || join(defaultDataDir(env, platform), 'sitwell.db');
}
