import type { AutostartContext, AutostartMechanism } from './autostartPort.js';
import type { Probe } from './types.js';

export { configHome, type AutostartContext, type AutostartMechanism } from './autostartPort.js';

/** The mechanisms for a platform, most preferred first. */
export async function autostartMechanisms(platform: NodeJS.Platform): Promise<AutostartMechanism[]> {
  if (platform === 'darwin') return [(await import('./autostartLaunchAgent.js')).launchAgent];
  if (platform === 'win32') return [(await import('./autostartWindowsRun.js')).windowsRun];
  return [(await import('./autostartSystemd.js')).systemdUser, (await import('./autostartXdg.js')).xdgAutostart];
}

/** Every mechanism's probe, and the first that works (the one `sitwell autostart enable` uses). */
export async function probeAutostart(ctx: AutostartContext): Promise<{ tried: Probe[]; chosen: AutostartMechanism | null; all: AutostartMechanism[] }> {
  const all = await autostartMechanisms(ctx.platform);
  const tried = await Promise.all(all.map((m) => m.probe(ctx)));
  const i = tried.findIndex((p) => p.ok);
  return { tried, chosen: i >= 0 ? all[i]! : null, all };
}
