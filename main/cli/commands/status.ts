import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { formatMinutes } from '../../../shared/durationText.js';
import { heldPromptText } from '../../../shared/busy.js';
import { notifyTranslator } from '../../../shared/i18n/notifyCatalog.js';
import { readStatus, type StatusReport } from '../../app/status.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { userZone } from '../../platform/zone.js';
import { openStoreForCli } from '../openStore.js';

/** The report as `sitwell status` prints it without --json. */
export function statusText(r: StatusReport, zone: string, now: number): string {
  const time = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  const lines: string[] = [];
  if (!r.tracking) lines.push('Tracking: no (start `sitwell daemon` or the Sitwell app)');
  else lines.push(`Tracking: yes (${r.tracker?.owner} pid ${r.tracker?.pid}${r.tracker?.idleSource ? `, idle source ${r.tracker.idleSource}` : ''})`);
  lines.push(r.bout ? `Current bout: ${formatMinutes(r.bout.minutes)} of sitting, since ${time(r.bout.start)}` : 'Current bout: none (away or not tracking)');
  lines.push(`Today (${r.today.date}): ${formatMinutes(r.today.sittingMinutes)} of sitting in ${r.today.bouts} bout${r.today.bouts === 1 ? '' : 's'}`);
  if (r.pausedUntil) lines.push(`Paused until ${r.pausedUntil >= Number.MAX_SAFE_INTEGER ? 'resumed' : time(r.pausedUntil)}`);
  // The CLI speaks English (README); the words are the tray's, from its catalog.
  if (r.held) lines.push(`${heldPromptText(notifyTranslator('en'), r.held.reasons)} (since ${time(r.held.at)})`);
  else if (r.next) lines.push(`Next prompt: ${r.next.kind} at ${time(r.next.at)} (in ${formatMinutes(Math.max(0, (r.next.at - now) / 60_000))})`);
  else if (r.tracking) lines.push('Next prompt: none until you sit down again');
  return lines.join('\n');
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('print the current bout, today\'s sitting and when the next prompt is due')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const store = openStoreForCli(dbPath, { readonly: true, allowMissing: true });
      try {
        const zone = userZone(store?.getSettings() ?? { timeZone: null });
        const now = Date.now();
        const report: StatusReport = store
          ? readStatus(store, dbPath, zone, now)
          : { tracking: false, tracker: null, bout: null, today: { date: DateTime.fromMillis(now, { zone }).toISODate()!, sittingMinutes: 0, bouts: 0 }, next: null, pausedUntil: null, held: null };
        process.stdout.write((opts.json ? JSON.stringify(report, null, 1) : statusText(report, zone, now)) + '\n');
      } finally {
        store?.close();
      }
    });
}
