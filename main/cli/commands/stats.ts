import type { Command } from 'commander';
import { getStats } from '../../app/statsForDates.js';
import { deviceRows, deviceStats, findDevice, personStats } from '../../app/sync/deviceStats.js';
import { CliError } from '../errors.js';
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
    .option('--device <id|name>', 'only this device’s records (with a sync folder; default: all your devices, overlapping bouts counted once)')
    .action((opts: { from?: string; to?: string; json?: boolean; device?: string }, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      // A history that does not exist yet is an empty one; a read command does not create it.
      const store = openStoreForCli(dbPath, { allowMissing: true });
      try {
        const zone = userZone(store?.getSettings() ?? { timeZone: null });
        const range = { ...resolveRange(opts, zone, Date.now()), zone };
        if (opts.device !== undefined && !store) throw new CliError(`--device: no history yet, so no device "${opts.device}"`);
        const device = store && opts.device !== undefined ? findDeviceOrFail(store, opts.device) : null;
        // All devices: the person's report, with the per-device breakdown once the history has another device's records (issue 15).
        const report = store ? (device ? deviceStats(store, device.deviceId, range) : personStats(store, range)) : buildReport(NO_ROWS, range);
        // With one device chosen, the breakdown is still against the person's total, as in the window.
        const breakdown = device && store ? deviceRows(store, range, getStats(store, range)) : (report.devices ?? null);
        const scope = device ? { device: { id: device.deviceId, name: device.name } } : breakdown ? { device: 'all' } : {};
        if (opts.json) process.stdout.write(JSON.stringify({ ...report, ...scope, ...(breakdown ? { devices: breakdown } : {}) }, null, 1) + '\n');
        else {
          process.stdout.write(renderStats(report));
          if (device) process.stdout.write(`\nDevice: ${device.name || device.deviceId} only.\n`);
          else if (breakdown) {
            process.stdout.write('\nBy device (each alone; the figures above count an overlap once):\n');
            for (const d of breakdown) process.stdout.write(`  ${(d.name || d.id.slice(0, 8)).padEnd(24)} ${String(d.bouts).padStart(5)} bouts ${String(d.sittingMinutes).padStart(8)} min${d.thisDevice ? '  (this one)' : ''}\n`);
          }
        }
      } finally {
        store?.close();
      }
    });
}

function findDeviceOrFail(store: Parameters<typeof findDevice>[0], which: string) {
  try {
    return findDevice(store, which);
  } catch (e) {
    throw new CliError(`--device: ${(e as Error).message}`);
  }
}
