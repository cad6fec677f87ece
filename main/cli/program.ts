import { Command, CommanderError } from 'commander';
import { appVersion } from '../app/version.js';
import { CliError } from './errors.js';
import { preferMemoryOverSpeed } from './leanRuntime.js';

type Register = (program: Command) => void;

/**
 * Every subcommand, one file each under commands/, loaded only when it runs: `replay` should not
 * pay for SQLite, D-Bus and the web server it never touches.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  replay: async () => (await import('./commands/replay.js')).registerReplay,
  stats: async () => (await import('./commands/stats.js')).registerStats,
  export: async () => (await import('./commands/export.js')).registerExport,
  import: async () => (await import('./commands/import.js')).registerImport,
  daemon: async () => {
    preferMemoryOverSpeed();
    return (await import('./commands/daemon.js')).registerDaemon;
  },
  status: async () => (await import('./commands/status.js')).registerStatus,
  doctor: async () => (await import('./commands/doctor.js')).registerDoctor,
  ui: async () => (await import('./commands/ui.js')).registerUi,
  autostart: async () => (await import('./commands/autostart.js')).registerAutostart,
  stand: async () => (await import('./commands/standSit.js')).registerStandSit,
  sit: async () => (await import('./commands/standSit.js')).registerStandSit,
  sync: async () => (await import('./commands/sync.js')).registerSync,
};

/** The subcommand named in argv (skipping the global `--db FILE`), if any. */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('sitwell')
    .description('Sitwell: continuous-sitting monitor, break prompts, guided stretches and history')
    .version(appVersion(), '-v, --version', 'print the version')
    .option('--db <file>', 'SQLite history file (default: $SITWELL_DB or the per-user data directory)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const word = commandWord(argv);
  // Help, or an unknown word, needs every command listed; a known word needs only its own.
  const names = word && word in COMMANDS ? [word] : Object.keys(COMMANDS);
  // One module may register two words (stand and sit): each register runs once.
  for (const register of new Set(await Promise.all(names.map((n) => COMMANDS[n]!())))) register(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

/** Runs the CLI and returns the exit status instead of exiting, so tests can call it in-process too. */
export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
