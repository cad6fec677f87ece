import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2));
// Let long-running commands (daemon, ui) keep the process alive; they set process.exitCode themselves.
if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
