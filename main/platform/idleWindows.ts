import { runTool } from './runTool.js';
import type { IdleSource } from './types.js';

/**
 * GetLastInputInfo through PowerShell's Add-Type. The subtraction is done in C# as uint so it stays right
 * when the 32-bit tick count wraps after 49.7 days of uptime.
 */
export const WINDOWS_IDLE_SCRIPT = [
  'Add-Type -TypeDefinition \'using System; using System.Runtime.InteropServices;',
  'public static class SitwellIdle {',
  '[StructLayout(LayoutKind.Sequential)] struct LASTINPUTINFO { public uint cbSize; public uint dwTime; }',
  '[DllImport("user32.dll", SetLastError = true)] static extern bool GetLastInputInfo(ref LASTINPUTINFO info);',
  'public static uint Ms() { var info = new LASTINPUTINFO(); info.cbSize = (uint)Marshal.SizeOf(info);',
  'if (!GetLastInputInfo(ref info)) throw new System.ComponentModel.Win32Exception();',
  'return unchecked((uint)Environment.TickCount - info.dwTime); } }\';',
  '[SitwellIdle]::Ms()',
].join(' ');

/** -EncodedCommand sidesteps Windows command-line quoting of the C# source (UTF-16LE, base64). */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** Parses the script's output: the last line that is a number (PowerShell may print warnings first). */
export function parseWindowsIdleOutput(stdout: string): number {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const last = lines.at(-1);
  if (last === undefined || !/^\d+$/.test(last)) {
    throw new Error(`PowerShell GetLastInputInfo printed ${JSON.stringify(stdout.trim().slice(0, 120))}, not milliseconds`);
  }
  return Number(last);
}

/**
 * Windows idle time. One short-lived PowerShell per reading (about 0.3–1 s of CPU each, fine with adaptive
 * polling). Untested on a real Windows machine.
 */
export function createWindowsIdleSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number; command?: string } = {}): IdleSource {
  const command = opts.command ?? 'powershell.exe';
  const args = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(WINDOWS_IDLE_SCRIPT)];
  return {
    name: 'windows-getlastinputinfo',
    async idleMs() {
      const out = await runTool(command, args, { env, timeoutMs: opts.timeoutMs ?? 10_000 });
      return parseWindowsIdleOutput(out);
    },
  };
}
