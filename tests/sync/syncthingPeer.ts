import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A real Syncthing instance (Debian's package) that reaches nothing but loopback. Its config is
 * written whole BEFORE its first start: listening on tcp://127.0.0.1:PORT only; global and local
 * discovery, relays, NAT traversal (and with it STUN), usage and crash reporting, upgrades all off;
 * its one peer known by device id at a static loopback address; one shared folder.
 */

export interface SyncthingHome {
  home: string;
  folder: string;
  deviceId: string;
  port: number;
  guiPort: number;
  apiKey: string;
}

export interface RunningSyncthing {
  child: ChildProcess;
  out(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the OS; closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const env = (home: string): NodeJS.ProcessEnv => ({
  ...process.env,
  HOME: home,
  STNOUPGRADE: '1',
  STNORESTART: '1',
  STNODEFAULTFOLDER: '1',
  // No proxy may take Syncthing's traffic anywhere.
  all_proxy: '',
  ALL_PROXY: '',
  http_proxy: '',
  https_proxy: '',
});

/** Keys and device id (`syncthing generate` works offline), without a config yet. */
export async function prepareHome(dir: string, name: string): Promise<SyncthingHome> {
  const home = join(dir, `${name}-syncthing`);
  const folder = join(dir, `${name}-Sync`);
  mkdirSync(folder, { recursive: true });
  const out = execFileSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { env: env(home), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const id = /Device ID:\s*([A-Z0-9-]{50,})/.exec(out)?.[1] ?? execFileSync('syncthing', ['serve', `--home=${home}`, '--device-id'], { env: env(home), encoding: 'utf8' }).trim();
  return { home, folder, deviceId: id, port: await freePort(), guiPort: await freePort(), apiKey: randomBytes(16).toString('hex') };
}

/** The whole config.xml for `me`, sharing one folder with `peer`. */
export function writeLoopbackConfig(me: SyncthingHome, peer: SyncthingHome): void {
  const xml = `<configuration version="36">
    <folder id="sitwell-sync" label="Sitwell" path="${me.folder}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${me.deviceId}" introducedBy=""></device>
        <device id="${peer.deviceId}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    <device id="${me.deviceId}" name="self" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>dynamic</address>
    </device>
    <device id="${peer.deviceId}" name="peer" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:${peer.port}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${me.guiPort}</address>
        <apikey>${me.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${me.port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <announceLANAddresses>false</announceLANAddresses>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`;
  writeFileSync(join(me.home, 'config.xml'), xml);
}

export function startSyncthing(h: SyncthingHome): RunningSyncthing {
  const child = spawn('syncthing', ['serve', `--home=${h.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--gui-address=http://127.0.0.1:${h.guiPort}`], {
    env: env(h.home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    out: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Every TCP and UDP socket of these processes with its peer address (from `ss`), for the loopback-only check. */
export function socketsOf(roots: number[]): { proto: string; local: string; peer: string }[] {
  // `syncthing serve` runs the syncing process as its child (the monitor): take every descendant.
  const pids = [...roots];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...execFileSync('ps', ['-o', 'pid=', '--ppid', String(pids[i])], { encoding: 'utf8' }).split('\n').map((x) => Number(x.trim())).filter((x) => x > 0));
    } catch {
      /* no children */
    }
  }
  const out = execFileSync('ss', ['-tunapH'], { encoding: 'utf8' });
  const mine = out.split('\n').filter((l) => pids.some((p) => l.includes(`pid=${p},`)));
  return mine.map((l) => {
    const f = l.trim().split(/\s+/);
    return { proto: f[0]!, local: f[4]!, peer: f[5]! };
  });
}
