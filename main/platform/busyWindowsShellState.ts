import type { BusyReason } from '../../shared/domain.js';
import { runTool } from './runTool.js';
import type { BusyReading, BusySource } from './types.js';

/**
 * Windows: SHQueryUserNotificationState (a fullscreen app, Direct3D fullscreen, presentation mode)
 * and Focus Assist's active profile (the WNF state the Action Center itself follows), printed by one
 * PowerShell run as `quns=N` and `focus-assist=N`.
 */
const SCRIPT = `$ErrorActionPreference='Stop'
Add-Type -TypeDefinition @'
using System; using System.Runtime.InteropServices;
public static class SitwellShell {
  [DllImport("shell32.dll")] public static extern int SHQueryUserNotificationState(out int state);
  [DllImport("ntdll.dll")] public static extern int NtQueryWnfStateData(ref ulong name, IntPtr type, IntPtr scope, out uint stamp, byte[] buffer, ref uint size);
}
'@
$q=0; [void][SitwellShell]::SHQueryUserNotificationState([ref]$q)
$n=[uint64]'0x0D83063EA3BF1C75'; $s=[uint32]0; $b=New-Object byte[] 4; $z=[uint32]4
$r=[SitwellShell]::NtQueryWnfStateData([ref]$n,[IntPtr]::Zero,[IntPtr]::Zero,[ref]$s,$b,[ref]$z)
$f=if($r -eq 0 -and $z -ge 4){[BitConverter]::ToInt32($b,0)}else{-1}
"quns=$q"; "focus-assist=$f"`;

/** QUERY_USER_NOTIFICATION_STATE values. */
const QUNS: Record<number, string> = {
  1: 'a screen saver or the lock screen is up',
  2: 'a fullscreen app is running',
  3: 'a Direct3D fullscreen app is running',
  4: 'presentation mode is on',
  5: 'notifications are accepted',
  6: 'quiet time is on',
  7: 'a fullscreen Store app is running',
};
const FULLSCREEN = new Set([2, 3, 4, 7]);

export function parseShellState(stdout: string): { quns: number; focusAssist: number } {
  const quns = /^quns=(-?\d+)\s*$/m.exec(stdout)?.[1];
  const focus = /^focus-assist=(-?\d+)\s*$/m.exec(stdout)?.[1];
  if (quns === undefined || focus === undefined) throw new Error(`the shell-state script printed ${JSON.stringify(stdout.trim().slice(0, 80))}`);
  return { quns: Number(quns), focusAssist: Number(focus) };
}

export function shellStateReading(reason: 'dnd' | 'fullscreen', s: { quns: number; focusAssist: number }): BusyReading {
  if (reason === 'fullscreen') return { busy: FULLSCREEN.has(s.quns), detail: QUNS[s.quns] ?? `notification state ${s.quns}` };
  if (s.focusAssist === 1) return { busy: true, detail: 'Focus Assist is on (priority only)' };
  if (s.focusAssist === 2) return { busy: true, detail: 'Focus Assist is on (alarms only)' };
  if (s.quns === 6) return { busy: true, detail: QUNS[6]! };
  if (s.focusAssist < 0) throw new Error('Focus Assist state could not be read');
  return { busy: false, detail: 'Focus Assist is off' };
}

function create(reason: 'dnd' | 'fullscreen', name: string, env: NodeJS.ProcessEnv, timeoutMs: number): BusySource {
  return {
    name,
    reason: reason satisfies BusyReason,
    async check() {
      const out = await runTool('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', SCRIPT], { env, timeoutMs });
      return shellStateReading(reason, parseShellState(out));
    },
    close() {},
  };
}

export function createWindowsFocusAssistSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return create('dnd', 'dnd-windows-focus-assist', env, opts.timeoutMs ?? 5000);
}

export function createWindowsFullscreenSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  return create('fullscreen', 'fullscreen-windows', env, opts.timeoutMs ?? 5000);
}
