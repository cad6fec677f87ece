import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { replayOutput } from '../../core/replay.js';
import { parseTrace, TraceError } from '../../core/trace.js';
import { CliError } from '../errors.js';

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('replay an activity trace (JSON lines) through the engine and print the result as JSON')
    .addHelpText('after', '\nThe trace format (every line type) and the output are described in docs/trace-format.md of Sitwell.')
    .argument('<trace.jsonl>', 'the trace file')
    .action((file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read trace ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      try {
        process.stdout.write(JSON.stringify(replayOutput(parseTrace(text)), null, 1) + '\n');
      } catch (e) {
        if (e instanceof TraceError) throw new CliError(`${file}:${e.line}: ${e.problem}`);
        throw e;
      }
    });
}
