import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { FolderProblem } from '../../../shared/sync.js';
import { tellTracker } from '../../app/sync/tellTracker.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { folderProblem } from '../../platform/syncFolder.js';
import type { Store } from '../../store/index.js';
import { CliError } from '../errors.js';
import { openStoreForCli } from '../openStore.js';

interface SyncOptions {
  folder?: string;
  off?: boolean;
  name?: string;
  status?: boolean;
  json?: boolean;
}

const FOLDER_PROBLEM_TEXT: Record<FolderProblem, string> = {
  'not-absolute': 'is not a full path',
  missing: 'does not exist (create it, or pick the folder your sync app keeps in step)',
  'not-directory': 'is a file, not a folder',
  'not-writable': 'cannot be written by you (Sitwell writes this computer’s journal there)',
};

/** The running tracker follows the change at once (app/sync/tellTracker.ts); false when none runs. */
const tell = (dbPath: string, method: 'setSyncFolder' | 'setDeviceName', input: Record<string, unknown>): Promise<boolean> =>
  tellTracker(dbPath, method, input).catch((e: unknown) => {
    throw new CliError((e as Error).message, 1);
  });

function statusOf(store: Store) {
  const me = store.sync.identity();
  const devices = store.sync.devices(0, Number.MAX_SAFE_INTEGER);
  return {
    folder: me.folder,
    device: { id: me.deviceId, name: me.name },
    devices: devices.map((d) => ({ id: d.deviceId, name: d.name, thisDevice: d.local, bouts: d.bouts, sittingMinutes: Math.round(d.sittingMs / 6_000) / 10 })),
    waitingForJournal: store.sync.pending(1_000_000).records.length,
    problems: store.sync.problems(),
  };
}

function statusText(s: ReturnType<typeof statusOf>): string {
  const lines = [
    s.folder ? `Sync folder: ${s.folder}` : 'Sync: off (set a folder with `sitwell sync --folder DIR`)',
    `This device: ${s.device.id}${s.device.name ? ` ("${s.device.name}")` : ''}`,
  ];
  if (s.devices.length > 1) {
    lines.push('Devices in this history:');
    for (const d of s.devices) lines.push(`  ${d.id.slice(0, 8)}  ${(d.name || '(no name)').padEnd(20)} ${String(d.bouts).padStart(6)} bouts ${String(d.sittingMinutes).padStart(9)} min${d.thisDevice ? '  (this one)' : ''}`);
  }
  if (s.folder && s.waitingForJournal) lines.push(`Waiting to be written to the journal: ${s.waitingForJournal} records (the tracker writes them when it runs)`);
  if (s.problems.length) {
    lines.push(`Skipped in the folder (${s.problems.length}):`);
    for (const p of s.problems) lines.push(`  ${p.path}${p.line > 0 && p.line < Number.MAX_SAFE_INTEGER ? ` line ${p.line}` : ''}: ${p.message}`);
  }
  return lines.join('\n') + '\n';
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('one history across your computers through a folder that Syncthing, Nextcloud, Dropbox or a network share keeps in step')
    .option('--folder <dir>', 'use this folder (an existing directory) for sync; each device writes only its own files under DIR/sitwell/')
    .option('--off', 'stop syncing (records already imported stay in the history)')
    .option('--name <name>', 'what this device is called in the per-device statistics (default: the host name)')
    .option('--status', 'print the folder, the devices and anything skipped (the default)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: SyncOptions, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      if (opts.folder !== undefined && opts.off) throw new CliError('--folder and --off contradict each other: give one');
      if (opts.name !== undefined && (opts.name.trim() === '' || opts.name.length > 100)) throw new CliError('--name must be 1 to 100 characters');
      let folder: string | undefined;
      if (opts.folder !== undefined) {
        folder = resolve(opts.folder);
        const problem = folderProblem(folder);
        if (problem) throw new CliError(`--folder: ${folder} ${FOLDER_PROBLEM_TEXT[problem]}`);
      }
      const changing = folder !== undefined || opts.off || opts.name !== undefined;
      // A running tracker makes the change itself and follows it at once; with none, it is written here.
      let told = false;
      if (changing) {
        const answers: boolean[] = [];
        if (opts.name !== undefined) answers.push(await tell(dbPath, 'setDeviceName', { name: opts.name.trim() }));
        if (folder !== undefined || opts.off) answers.push(await tell(dbPath, 'setSyncFolder', { folder: opts.off ? null : folder }));
        told = answers.every(Boolean);
      }
      const store = openStoreForCli(dbPath, { allowMissing: !changing });
      if (!store) {
        process.stdout.write(opts.json ? JSON.stringify({ folder: null, device: null, devices: [], waitingForJournal: 0, problems: [] }, null, 1) + '\n' : 'Sync: off (no history yet)\n');
        return;
      }
      try {
        if (!told) {
          if (opts.name !== undefined) store.sync.setName(opts.name.trim());
          if (folder !== undefined) store.sync.setFolder(folder);
          if (opts.off) store.sync.setFolder(null);
        }
        if (changing && !opts.json) {
          if (folder !== undefined) process.stdout.write(`Sync folder set: ${folder}. ${told ? 'The running tracker syncs there now.' : 'Sitwell syncs there from its next start.'}\n`);
          if (opts.off) process.stdout.write(`Sync turned off.${told ? ' The running tracker stopped syncing.' : ''}\n`);
        }
        const s = statusOf(store);
        process.stdout.write(opts.json ? JSON.stringify(s, null, 1) + '\n' : statusText(s));
      } finally {
        store.close();
      }
    });
}
