#!/usr/bin/env node
// better-sqlite3 is a native module: one build serves either Node (tests, the CLI) or Electron
// (the app), never both. This switches the build in node_modules between them:
//   node scripts/electron-native.mjs electron   build for Electron's ABI, only if the Electron binary is present
//   node scripts/electron-native.mjs node       build for this Node (npm rebuild better-sqlite3)
//   node scripts/electron-native.mjs status
// Each finished build is kept in node_modules/.cache/sitwell-native/<target>-<abi>/, so switching
// back and forth later is a file copy, not a compile. Never run it as an unguarded postinstall.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronAbi, electronBinary, ROOT } from './electronBinary.mjs';

const release = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release');
const binary = join(release, 'better_sqlite3.node');
const marker = join(release, '.sitwell-abi');
const cacheDir = (tag) => join(ROOT, 'node_modules', '.cache', 'sitwell-native', tag);
const say = (line) => process.stdout.write(`electron-native: ${line}\n`);

const readMarker = () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null);
const writeMarker = (tag) => writeFileSync(marker, `${tag}\n`);

/** Loads the module in a fresh Node and opens an in-memory database: the only reliable ABI check. */
function loadsInNode() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0;
}

function run(cmd, args) {
  say(`running ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

function saveToCache(tag) {
  if (!existsSync(binary)) return;
  mkdirSync(cacheDir(tag), { recursive: true });
  copyFileSync(binary, join(cacheDir(tag), 'better_sqlite3.node'));
}

function restoreFromCache(tag) {
  const cached = join(cacheDir(tag), 'better_sqlite3.node');
  if (!existsSync(cached)) return false;
  mkdirSync(release, { recursive: true });
  copyFileSync(cached, binary);
  writeMarker(tag);
  say(`restored the ${tag} build from the cache`);
  return true;
}

function forNode() {
  const tag = `node-${process.versions.modules}`;
  if (loadsInNode()) {
    if (readMarker() !== tag) writeMarker(tag);
    saveToCache(tag);
    say(`better-sqlite3 is built for Node (ABI ${process.versions.modules})`);
    return 0;
  }
  if (restoreFromCache(tag) && loadsInNode()) return 0;
  if (!run('npm', ['rebuild', 'better-sqlite3']) || !loadsInNode()) {
    say('could not build better-sqlite3 for Node; run `npm rebuild better-sqlite3` and read its output');
    return 1;
  }
  writeMarker(tag);
  saveToCache(tag);
  say(`better-sqlite3 rebuilt for Node (ABI ${process.versions.modules})`);
  return 0;
}

function forElectron() {
  const bin = electronBinary();
  if (!bin.ok) {
    say(`skipped: ${bin.why}. better-sqlite3 stays built for Node.`);
    return 0;
  }
  const abi = electronAbi();
  const tag = `electron-${abi}`;
  if (readMarker() === tag && existsSync(binary)) {
    say(`better-sqlite3 is built for Electron (ABI ${abi})`);
    return 0;
  }
  if (loadsInNode()) saveToCache(`node-${process.versions.modules}`); // so `node` mode can switch back without compiling
  if (restoreFromCache(tag)) return 0;
  // electron-builder rebuilds every native dependency of the app against Electron's headers.
  if (!run('npx', ['--no-install', 'electron-builder', 'install-app-deps'])) {
    say('electron-builder install-app-deps failed (it needs Electron headers: internet access or a local headers cache)');
    return 1;
  }
  writeMarker(tag);
  saveToCache(tag);
  say(`better-sqlite3 rebuilt for Electron (ABI ${abi})`);
  return 0;
}

function status() {
  say(`marker: ${readMarker() ?? 'none'}; loads in this Node (ABI ${process.versions.modules}): ${loadsInNode() ? 'yes' : 'no'}`);
  const bin = electronBinary();
  say(bin.ok ? `Electron binary: ${bin.path} (ABI ${electronAbi()})` : `Electron binary: none (${bin.why})`);
  return 0;
}

const mode = process.argv[2];
const modes = { electron: forElectron, node: forNode, status };
if (!mode || !Object.hasOwn(modes, mode)) {
  process.stderr.write('usage: node scripts/electron-native.mjs <electron|node|status>\n');
  process.exit(2);
}
process.exit(modes[mode]());
