// electron-builder afterPack hook (electron-builder.yml: afterPack: scripts/fuses.cjs).
// Flips Electron's fuses in the packed binary, before signing, so a shipped Sitwell cannot be
// turned into a general-purpose Node runtime or be debugged/patched from outside:
//   RunAsNode off                       ELECTRON_RUN_AS_NODE=1 no longer makes it a `node`
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS (--require evil.js) is ignored
//   EnableNodeCliInspectArguments off   --inspect / --inspect-brk are ignored
//   EnableEmbeddedAsarIntegrityValidation on   app.asar is checked against its hash (macOS, Windows)
//   OnlyLoadAppFromAsar on              no loose app/ folder next to app.asar is loaded instead
'use strict';
const path = require('node:path');

/** electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

function fuseConfig(platform, arch) {
  const { FuseV1Options, FuseVersion } = require('@electron/fuses');
  return {
    version: FuseVersion.V1,
    // Flipping bytes breaks the ad-hoc signature an arm64 macOS binary needs to launch at all.
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === ARCH_ARM64 || arch === ARCH_UNIVERSAL),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  };
}

/** The packed Electron executable for one platform's output directory. */
function electronExecutable(context) {
  const platform = context.electronPlatformName;
  const { productFilename } = context.packager.appInfo;
  if (platform === 'darwin' || platform === 'mas') {
    return path.join(context.appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename);
  }
  if (platform === 'win32') return path.join(context.appOutDir, `${productFilename}.exe`);
  return path.join(context.appOutDir, context.packager.executableName || productFilename);
}

async function afterPack(context) {
  const { flipFuses } = require('@electron/fuses');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const exe = electronExecutable(context);
  await flipFuses(exe, fuseConfig(platform, context.arch));
  process.stdout.write(`  • fuses flipped in ${exe}: RunAsNode, NODE_OPTIONS, --inspect off; asar integrity and only-load-from-asar on\n`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronExecutable = electronExecutable;
