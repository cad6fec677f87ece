import { runTool } from './runTool.js';
import type { IdleSource } from './types.js';

/**
 * Parses `ioreg -c IOHIDSystem` output: `"HIDIdleTime" = <nanoseconds>`. Some Macs list more than one
 * IOHIDSystem entry; the smallest value is the most recent input. Untested on a real Mac.
 */
export function parseIoregHidIdleMs(stdout: string): number {
  const values = [...stdout.matchAll(/"HIDIdleTime"\s*=\s*(\d+)/g)].map((m) => BigInt(m[1]!));
  if (values.length === 0) throw new Error('ioreg output has no "HIDIdleTime" = <number> line');
  const smallest = values.reduce((a, b) => (b < a ? b : a));
  return Number(smallest / 1_000_000n);
}

/** macOS idle time from the IOHIDSystem registry entry (no extra permissions needed). Untested on a real Mac. */
export function createMacIoregIdleSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number; command?: string } = {}): IdleSource {
  const command = opts.command ?? '/usr/sbin/ioreg';
  return {
    name: 'macos-ioreg',
    async idleMs() {
      const out = await runTool(command, ['-c', 'IOHIDSystem', '-d', '4'], { env, timeoutMs: opts.timeoutMs ?? 5000 });
      return parseIoregHidIdleMs(out);
    },
  };
}
