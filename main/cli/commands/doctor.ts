import type { Command } from 'commander';
import { controlAddress } from '../../platform/controlPath.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { formatDoctorReport, runDoctor, type DoctorOptions } from '../../platform/doctor.js';
import { userZone } from '../../platform/zone.js';
import { openStoreForCli } from '../openStore.js';

/**
 * The busy list and calendar file from the history, so doctor reads them as the tracker would, and
 * the sync folder with what was skipped in it; none when there is no history yet.
 */
function fromHistory(dbPath: string): Pick<DoctorOptions, 'busy' | 'sync'> {
  try {
    const store = openStoreForCli(dbPath, { readonly: true, allowMissing: true });
    if (!store) return {};
    try {
      const s = store.getSettings();
      const me = store.sync.identity();
      return {
        busy: { apps: s.busyApps, calendarFile: s.busyCalendarFile, zone: () => userZone(s) },
        ...(me.folder ? { sync: { folder: me.folder, device: me.deviceId, skipped: store.sync.problems() } } : {}),
      };
    } finally {
      store.close();
    }
  } catch {
    return {}; // doctor reports on the machine; a history it cannot read is `sitwell status`'s to explain
  }
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('report which idle-time, screen-lock/sleep, notification and busy (do not disturb) mechanisms work on this machine, and why others do not')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const report = await runDoctor(process.env, { ...fromHistory(dbPath), control: controlAddress(dbPath) });
      process.stdout.write((opts.json ? JSON.stringify(report, null, 1) : formatDoctorReport(report)) + '\n');
      // Exit 1 when the daemon could not run here, so scripts can test for it; the report says why.
      if (!report.ok) process.exitCode = 1;
    });
}
