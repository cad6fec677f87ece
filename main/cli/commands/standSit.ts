import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { formatMs } from '../../../shared/durationText.js';
import { callTracker } from '../../app/control/controlClient.js';
import { controlAddress } from '../../platform/controlPath.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { CliError } from '../errors.js';

/**
 * `sitwell stand` / `sitwell sit`: tells the running tracker (the daemon or the app) over its
 * private control channel, so a desk controller's script or a keyboard shortcut can say it.
 * With no tracker running nothing is written: exit 1 with what to do.
 */
async function tell(method: 'stand' | 'sit', dbPath: string): Promise<void> {
  const address = controlAddress(dbPath);
  const answer = await callTracker(address, method).catch((e: unknown) => {
    throw new CliError(`could not reach the Sitwell tracker: ${(e as Error).message}`, 1);
  });
  if (answer.kind === 'no-tracker') {
    throw new CliError(`no Sitwell tracker is running for ${dbPath} (${answer.why}); start \`sitwell daemon\` or the Sitwell app first. Nothing was recorded.`, 1);
  }
  if (!answer.result.ok) throw new CliError(`the tracker refused: ${answer.result.error.message}`, 1);
  const now = await callTracker(address, 'getNow');
  const state = now.kind === 'answered' && now.result.ok ? (now.result.value as { standing: { start: number; standingMs: number } | null }) : null;
  const standing = state?.standing ?? null;
  if (method === 'stand') {
    const since = standing ? ` since ${DateTime.fromMillis(standing.start).toFormat('HH:mm')} (${formatMs(standing.standingMs)})` : '';
    process.stdout.write(`Standing${since}. Sitwell will not count this as sitting; \`sitwell sit\` when you sit down again.\n`);
  } else {
    process.stdout.write('Sitting. Your next input starts counting as sitting.\n');
  }
}

export function registerStandSit(program: Command): void {
  for (const method of ['stand', 'sit'] as const) {
    program
      .command(method)
      .description(
        method === 'stand'
          ? 'tell the running tracker you stand at a sit-stand desk: standing is not counted as sitting'
          : 'tell the running tracker you sit again (after `sitwell stand`)',
      )
      .action(async (_opts: unknown, cmd: Command) => {
        await tell(method, resolveDbPath(cmd.optsWithGlobals().db as string | undefined));
      });
  }
}
