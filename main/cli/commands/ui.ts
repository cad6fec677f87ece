import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { openInBrowser } from '../../app/web/openBrowser.js';
import { startUi } from '../../app/web/startUi.js';
import { resolveDbPath } from '../../platform/dataDir.js';
import { CliError } from '../errors.js';
import { openStoreForCli } from '../openStore.js';

interface UiOptions {
  port?: string;
  open: boolean;
  staticDir?: string;
}

export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('show your history, stretches and settings in the browser (serves the Sitwell window on 127.0.0.1; does not track)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--no-open', 'print the address but do not open a browser')
    // For packaging and tests: serve a renderer build from elsewhere (never built automatically).
    .addOption(new Option('--static-dir <dir>', 'serve this renderer build instead of dist/renderer').hideHelp())
    .action(async (opts: UiOptions, cmd: Command) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!/^\d+$/.test(opts.port ?? '0') || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliError(`--port must be a port number from 0 to 65535, got "${opts.port}"`);
      }
      const dbPath = resolveDbPath(cmd.optsWithGlobals().db as string | undefined);
      const store = openStoreForCli(dbPath)!;
      const log = (line: string) => process.stderr.write(`sitwell: ${line}\n`);
      let ui: Awaited<ReturnType<typeof startUi>>;
      try {
        ui = await startUi({
          store,
          monitor: null,
          dataPath: dbPath,
          port,
          staticDir: opts.staticDir === undefined ? undefined : resolve(opts.staticDir),
          build: opts.staticDir === undefined,
          log,
        });
      } catch (e) {
        store.close();
        throw new CliError((e as Error).message, 1);
      }
      if (opts.open) openInBrowser(ui.url, log);

      await new Promise<void>((done) => {
        let stopping = false;
        const stop = () => {
          if (stopping) return;
          stopping = true;
          void ui.close().finally(() => {
            store.close();
            done();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.exitCode = 0;
    });
}
