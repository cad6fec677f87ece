import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { importParsed } from '../../app/historyTransfer.js';
import { ExchangeError, MAX_IMPORT_BYTES, parseExport, type ExportData } from '../../core/exportFormat.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { StoreError, type ImportCounts } from '../../store/index.js';
import { CliError } from '../errors.js';
import { openStoreForCli } from '../openStore.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const counts = (c: ImportCounts): string =>
  `${plural(c.bouts, 'bout')}, ${plural(c.prompts, 'prompt')}, ${plural(c.stretches, 'stretch session')}, ${plural(c.checkIns, 'check-in')}, ${plural(c.standing, 'standing period')}`;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('add the records of a `sitwell export --format json` file that are not in the history yet (checked whole first; nothing is written if any part is wrong)')
    .argument('<file>', 'the export file')
    .action((file: string, _opts: unknown, cmd: Command) => {
      let text: string;
      try {
        if (statSync(file).size > MAX_IMPORT_BYTES) throw new CliError(`${file}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; not a Sitwell export`);
        text = readFileSync(file, 'utf8');
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      let data: ExportData;
      try {
        data = parseExport(text); // the whole file is checked before the database is even opened
      } catch (e) {
        if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}; nothing was imported`);
        throw e;
      }
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const store = openStoreForCli(dbPath)!;
      try {
        const r = importParsed(store, data);
        const lines = [`imported ${file} into ${dbPath}`, `  added: ${counts(r.added)}`, `  already present, skipped: ${counts(r.skipped)}`];
        lines.push(r.settingsApplied ? '  settings: taken from the file' : '  settings: kept (this history has its own)');
        process.stdout.write(lines.join('\n') + '\n');
      } catch (e) {
        if (e instanceof StoreError && e.code === 'invalid') {
          throw new CliError(`${file}: ${e.message}; nothing was imported`);
        }
        throw e;
      } finally {
        store.close();
      }
    });
}
