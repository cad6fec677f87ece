import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { autostartMechanisms, configHome, probeAutostart, type AutostartContext } from '../../platform/autostart.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { APP_AUTOSTART_FILE } from '../../platform/desktopEntry.js';
import { runTool } from '../../platform/runTool.js';
import { CliError } from '../errors.js';
import { openStoreForCli } from '../openStore.js';

/** bin/sitwell.mjs of this installation (from source it runs the sources through tsx, installed the bundle). */
const SITWELL_BIN = fileURLToPath(new URL('../../../bin/sitwell.mjs', import.meta.url));

function context(): AutostartContext {
  return { platform: process.platform, env: process.env, home: homedir(), run: (file, args) => runTool(file, args, { env: process.env, timeoutMs: 15_000 }) };
}

/** What starts the tracker at login: this Node, this sitwell, this history (named, since SITWELL_DB is not set at login). */
export function daemonCommand(dbPath: string): string[] {
  return [process.execPath, SITWELL_BIN, '--db', dbPath, 'daemon'];
}

/** Why the desktop app's start at login is on, or null: its setting in this history, or its XDG autostart file. */
function appStartsAtLogin(ctx: AutostartContext, dbPath: string): string | null {
  const store = openStoreForCli(dbPath, { readonly: true, allowMissing: true });
  if (store) {
    try {
      if (store.getSettings().startAtLogin) return 'its setting "Start Sitwell when I log in" is on';
    } finally {
      store.close();
    }
  }
  const file = join(configHome(ctx), 'autostart', APP_AUTOSTART_FILE);
  if (ctx.platform === 'linux' && existsSync(file)) return `its autostart file ${file} exists`;
  return null;
}

export function registerAutostart(program: Command): void {
  const autostart = program
    .command('autostart')
    .description('start the background tracker (sitwell daemon) at login: enable, disable or status');

  autostart
    .command('enable')
    .description('start `sitwell daemon` at every login (systemd user unit or XDG autostart on Linux, LaunchAgent on macOS, Run entry on Windows)')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = context();
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const app = appStartsAtLogin(ctx, dbPath);
      if (app) {
        throw new CliError(
          `the desktop app already starts at login (${app}), and one history has one tracker. ` +
            'To switch to the background tracker: open the app, turn off Settings → "Start Sitwell when I log in", quit the app, then run `sitwell autostart enable` again. ' +
            'To keep the app instead, nothing needs doing.',
          1,
        );
      }
      const { chosen, tried } = await probeAutostart(ctx);
      if (!chosen) throw new CliError(`no way to start at login here: ${tried.map((p) => `${p.name}: ${p.why}`).join('; ')}`, 1);
      const command = daemonCommand(dbPath);
      await chosen.enable(ctx, command);
      const where = chosen.entry(ctx, command).path;
      process.stdout.write(
        `Sitwell's background tracker now starts at login (${chosen.name}: ${where}), keeping ${dbPath}.\n` +
          `It starts at your next login; to start it now, run \`sitwell daemon\`${chosen.name === 'systemd-user' ? ' or `systemctl --user start sitwell`' : ''}.\n`,
      );
    });

  autostart
    .command('disable')
    .description('stop starting the background tracker at login (a running tracker keeps running)')
    .action(async () => {
      const ctx = context();
      const removed: string[] = [];
      for (const m of await autostartMechanisms(ctx.platform)) {
        if ((await m.current(ctx)) === null) continue;
        await m.disable(ctx);
        removed.push(`${m.name}: ${m.entry(ctx, []).path}`);
      }
      process.stdout.write(removed.length ? `Removed: ${removed.join('; ')}. The tracker no longer starts at login.\n` : 'Nothing to remove: the tracker was not set to start at login.\n');
    });

  autostart
    .command('status')
    .description('say whether and how the background tracker starts at login')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = context();
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const lines: string[] = [];
      let on = false;
      for (const m of await autostartMechanisms(ctx.platform)) {
        const entry = await m.current(ctx);
        if (entry !== null) on = true;
        lines.push(`  ${m.name}: ${entry !== null ? `on (${m.entry(ctx, []).path})` : 'off'}`);
      }
      const app = appStartsAtLogin(ctx, dbPath);
      process.stdout.write(
        `Background tracker at login: ${on ? 'on' : 'off'}\n${lines.join('\n')}\n` + `Desktop app at login: ${app ? `on (${app})` : 'off'}\n`,
      );
    });
}
