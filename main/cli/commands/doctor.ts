import type { Command } from 'commander';
import { formatDoctorReport, runDoctor } from '../../platform/doctor.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('report which idle-time, screen-lock/sleep and notification mechanisms work on this machine, and why others do not')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await runDoctor(process.env);
      process.stdout.write((opts.json ? JSON.stringify(report, null, 1) : formatDoctorReport(report)) + '\n');
      // Exit 1 when the daemon could not run here, so scripts can test for it; the report says why.
      if (!report.ok) process.exitCode = 1;
    });
}
