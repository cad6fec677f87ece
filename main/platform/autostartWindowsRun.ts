import type { AutostartMechanism } from './autostartPort.js';

/** Windows: a value under the per-user Run key, which Explorer starts at every login. Written with `reg`. */
export const RUN_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
export const VALUE = 'SitwellTracker';

/** One command line for the Run value: every word double-quoted (Windows' argv rules; our paths hold no quotes). */
export const windowsCommandLine = (command: readonly string[]): string => command.map((a) => `"${a.replace(/"/g, '\\"')}"`).join(' ');

export const windowsRun: AutostartMechanism = {
  name: 'windows-run',
  async probe() {
    return { name: 'windows-run', ok: true, why: `${RUN_KEY}\\${VALUE} (started by Windows at login)` };
  },
  entry(_ctx, command) {
    return { path: `${RUN_KEY}\\${VALUE}`, content: windowsCommandLine(command) };
  },
  async enable(ctx, command) {
    await ctx.run('reg', ['add', RUN_KEY, '/v', VALUE, '/t', 'REG_SZ', '/d', windowsCommandLine(command), '/f']);
  },
  async disable(ctx) {
    await ctx.run('reg', ['delete', RUN_KEY, '/v', VALUE, '/f']).catch(() => undefined); // no such value: nothing to do
  },
  async current(ctx) {
    try {
      const out = await ctx.run('reg', ['query', RUN_KEY, '/v', VALUE]);
      const m = new RegExp(`${VALUE}\\s+REG_SZ\\s+(.*)`).exec(out);
      return m ? m[1]!.trim() : null;
    } catch {
      return null;
    }
  },
};
