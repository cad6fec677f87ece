import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Probe } from './types.js';

/**
 * The port for starting the headless tracker (`sitwell daemon`) at login: one mechanism per file
 * (autostartSystemd, autostartXdg, autostartLaunchAgent, autostartWindowsRun); autostart.ts picks one.
 */
export interface AutostartContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Runs a helper (systemctl, reg) and resolves with its stdout; rejects with a message a user can act on. */
  run(file: string, args: string[]): Promise<string>;
}

/** What enable writes: a file, or (Windows) a registry value shown as its key path and data. */
export interface AutostartEntry {
  path: string;
  content: string;
}

export interface AutostartMechanism {
  name: string;
  /** Whether it can start the tracker at login here, and why (not). */
  probe(ctx: AutostartContext): Promise<Probe>;
  entry(ctx: AutostartContext, command: readonly string[]): AutostartEntry;
  enable(ctx: AutostartContext, command: readonly string[]): Promise<void>;
  disable(ctx: AutostartContext): Promise<void>;
  /** The entry as it is now, or null when there is none. */
  current(ctx: AutostartContext): Promise<string | null>;
}

export const configHome = (ctx: AutostartContext): string => ctx.env.XDG_CONFIG_HOME || join(ctx.home || homedir(), '.config');

/** Writes a file entry (a unit, a .desktop file, a plist) where its mechanism reads it; readable by the system, as each expects. */
export function writeEntryFile(e: AutostartEntry): void {
  mkdirSync(dirname(e.path), { recursive: true });
  writeFileSync(e.path, e.content, { mode: 0o644 });
}

/** A file entry as it is now, or null when there is none. */
export const readEntryFile = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);
