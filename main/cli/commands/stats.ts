import type { Command } from 'commander';
import { getStats } from '../../app/statsForDates.js';
import { buildReport } from '../../core/report.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { userZone } from '../../platform/zone.js';
import { resolveRange } from '../dateRange.js';
import { openStoreForCli } from '../openStore.js';
import { renderStats } from '../statsTable.js';

const NO_ROWS = { days: [], hours: [], boutDurationsMs: [], promptOutcomes: [], checkIns: [] };

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('print sitting statistics per day and week, prompt outcomes and the research measures (alpha, W50, Gini)')
    .option('--from <date>', 'first local date, YYYY-MM-DD (default: six days before --to)')
    .option('--to <date>', 'last local date, YYYY-MM-DD (default: today)')
    .option('--json', 'print the full report as JSON')
    .action((opts: { from?: string; to?: string; json?: boolean }, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      // A history that does not exist yet is an empty one; a read command does not create it.
      const store = openStoreForCli(dbPath, { allowMissing: true });
      try {
        const zone = userZone(store?.getSettings() ?? { timeZone: null });
        const range = { ...resolveRange(opts, zone, Date.now()), zone };
        const report = store ? getStats(store, range) : buildReport(NO_ROWS, range);
        process.stdout.write(opts.json ? JSON.stringify(report, null, 1) + '\n' : renderStats(report));
      } finally {
        store?.close();
      }
    });
}
