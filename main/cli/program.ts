import { Command, CommanderError } from 'commander';
import { registerDaemon } from './commands/daemon.js';
import { registerDoctor } from './commands/doctor.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerReplay } from './commands/replay.js';
import { registerStats } from './commands/stats.js';
import { registerStatus } from './commands/status.js';
import { registerUi } from './commands/ui.js';
import { CliError } from './errors.js';

/** Every subcommand registers itself here; one file per subcommand under commands/. */
const REGISTER: ((program: Command) => void)[] = [registerReplay, registerDaemon, registerDoctor, registerStatus, registerUi, registerStats, registerExport, registerImport];

export function buildProgram(): Command {
  const program = new Command('sitwell')
    .description('Sitwell: continuous-sitting monitor, break prompts, guided stretches and history')
    .option('--db <file>', 'SQLite history file (default: $SITWELL_DB or the per-user data directory)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of REGISTER) register(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

/** Runs the CLI and returns the exit status instead of exiting, so tests can call it in-process too. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are not errors; usage mistakes are bad input (2).
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`sitwell: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`sitwell: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
