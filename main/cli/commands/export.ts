import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { exportCsv, exportJson } from '../../app/historyTransfer.js';
import { boutsCsv, buildExport } from '../../core/exportFormat.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { writePrivateFile } from '../../platform/privateFile.js';
import { userZone } from '../../platform/zone.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings.js';
import { CliError } from '../errors.js';
import { openStoreForCli } from '../openStore.js';

/** The export is health data: written 0600 through an exclusive temporary file; without `force` an existing file is never replaced. */
function writeOut(file: string, content: string, force: boolean): void {
  try {
    writePrivateFile(file, content, { replace: force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${file} already exists; pass --force to overwrite it`);
    if (code === 'ENOENT') throw new CliError(`cannot write ${file}: the folder ${dirname(file)} does not exist`);
    if (code === 'ENOTDIR') throw new CliError(`cannot write ${file}: ${dirname(file)} is not a folder`);
    if (code === 'EISDIR') throw new CliError(`cannot write ${file}: it is a folder; name a file`);
    throw new CliError(`cannot write ${file}: ${code ?? (e as Error).message}`);
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the whole history as JSON (for backup and `sitwell import`) or the bouts as CSV')
    .addOption(new Option('--format <format>', 'json (everything, re-importable) or csv (bouts)').choices(['json', 'csv']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--force', 'overwrite --out if it exists')
    .action((opts: { format: 'json' | 'csv'; out?: string; force?: boolean }, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const store = openStoreForCli(dbPath, { allowMissing: true });
      let content: string;
      try {
        const zone = userZone(store?.getSettings() ?? DEFAULT_SETTINGS);
        if (store) content = opts.format === 'json' ? exportJson(store, Date.now(), zone) : exportCsv(store);
        else {
          const empty = { settings: DEFAULT_SETTINGS, bouts: [], prompts: [], stretches: [], checkIns: [], standing: [] };
          content = opts.format === 'json' ? JSON.stringify(buildExport(empty, Date.now(), zone), null, 1) + '\n' : boutsCsv([]);
        }
      } finally {
        store?.close();
      }
      if (opts.out) writeOut(opts.out, content, opts.force ?? false);
      else process.stdout.write(content);
    });
}
