#!/usr/bin/env node
// npm run dist: build, then make every package this machine can make, and say plainly which it cannot.
// - the npm package (sitwell-<version>.tgz: CLI, window, `sitwell daemon`): always, with `npm pack`;
// - the desktop app's packages (electron-builder.yml): only with the Electron binary present, and only
//   this platform's (a dmg needs macOS; the NSIS installer needs Windows or wine; AppImage/deb Linux).
// electron-builder is pointed at node_modules/electron/dist, so it needs no download of its own.
// Options: --no-build (dist/ is fresh), --out DIR (default release/).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronBinary, ROOT } from './electronBinary.mjs';

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = resolve(outAt >= 0 ? argv[outAt + 1] : join(ROOT, 'release'));
const say = (t) => process.stdout.write(`${t}\n`);

if (!argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
mkdirSync(out, { recursive: true });

const made = [];
const notMade = [];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pack = spawnSync(npm, ['pack', '--silent', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
if (pack.status === 0) made.push(`the npm package ${join(out, pack.stdout.trim().split('\n').pop())} (install it with \`npm install -g\`)`);
else notMade.push(`the npm package: npm pack failed (${pack.stderr.trim().split('\n').pop()})`);

const targets = { linux: 'AppImage and deb', darwin: 'dmg', win32: 'NSIS installer' };
const here = targets[process.platform];
const elsewhere = Object.entries(targets)
  .filter(([p]) => p !== process.platform)
  .map(([p, t]) => `${t} (build on ${{ linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[p]})`);
const bin = electronBinary();
if (!here) notMade.push(`desktop app packages: electron-builder has no target for ${process.platform}`);
else if (!bin.ok) {
  notMade.push(
    `the desktop app's ${here}: ${bin.why}. Run \`npm start\` once where downloads work (it fetches Electron) or \`node node_modules/electron/install.js\`, then \`npm run dist\` again`,
  );
} else {
  const eb = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', `--${{ linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform]}`,
      `-c.electronDist=${join(ROOT, 'node_modules', 'electron', 'dist')}`, `-c.directories.output=${out}`],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (eb.status === 0) made.push(`the desktop app's ${here} in ${out}`);
  else notMade.push(`the desktop app's ${here}: electron-builder failed (its messages are above)`);
}
notMade.push(...elsewhere.map((t) => `the desktop app's ${t}`));

say('');
say('Made:');
for (const m of made) say(`  - ${m}`);
say('Not made here:');
for (const m of notMade) say(`  - ${m}`);
process.exitCode = made.length ? 0 : 1;
