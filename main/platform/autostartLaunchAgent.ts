import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readEntryFile, writeEntryFile, type AutostartContext, type AutostartMechanism } from './autostartPort.js';

/** macOS: a per-user LaunchAgent, loaded by launchd at every login (RunAtLoad), restarted if it crashes. */
export const LABEL = 'org.sitwell.daemon';
const path = (ctx: AutostartContext) => join(ctx.home, 'Library', 'LaunchAgents', `${LABEL}.plist`);

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const launchAgent: AutostartMechanism = {
  name: 'launch-agent',
  async probe(ctx) {
    return { name: 'launch-agent', ok: true, why: `${path(ctx)} (loaded by launchd at login)` };
  },
  entry(ctx, command) {
    const log = join(ctx.home, 'Library', 'Logs', 'Sitwell', 'daemon.log');
    const content = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
      '<plist version="1.0">',
      '<dict>',
      '  <key>Label</key>',
      `  <string>${LABEL}</string>`,
      '  <key>ProgramArguments</key>',
      '  <array>',
      ...command.map((a) => `    <string>${xml(a)}</string>`),
      '  </array>',
      '  <key>RunAtLoad</key>',
      '  <true/>',
      '  <key>KeepAlive</key>',
      '  <dict>',
      '    <key>SuccessfulExit</key>',
      '    <false/>',
      '  </dict>',
      '  <key>ProcessType</key>',
      '  <string>Interactive</string>',
      '  <key>StandardOutPath</key>',
      `  <string>${xml(log)}</string>`,
      '  <key>StandardErrorPath</key>',
      `  <string>${xml(log)}</string>`,
      '</dict>',
      '</plist>',
      '',
    ].join('\n');
    return { path: path(ctx), content };
  },
  async enable(ctx, command) {
    mkdirSync(join(ctx.home, 'Library', 'Logs', 'Sitwell'), { recursive: true });
    writeEntryFile(this.entry(ctx, command));
  },
  async disable(ctx) {
    rmSync(path(ctx), { force: true });
  },
  async current(ctx) {
    return readEntryFile(path(ctx));
  },
};
