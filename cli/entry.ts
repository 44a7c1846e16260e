/**
 * The process entry: wires the real streams, environment and Ctrl-C into `main`, then sets
 * the exit code (no process.exit, so piped output is flushed first).
 */
import './jitlessZod.js';

// An async function, not top-level await: the bundle is a CommonJS script (cli/build.mjs).
async function start(): Promise<void> {
  // Loaded after the setting above: zod reads `jitless` when a schema is built, and the
  // bundle builds core's schemas when main's module is evaluated.
  const { main } = await import('./main.js');
  const { createTerminal } = await import('./io/Terminal.js');

  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    // A second Ctrl-C leaves at once.
    process.once('SIGINT', () => process.exit(130));
  });
  // `connector-studio run … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });

  const terminal = createTerminal({ stdout: process.stdout, stderr: process.stderr });
  const code = await main(process.argv.slice(2), { terminal, env: process.env, signal: controller.signal });
  process.exitCode = controller.signal.aborted && code !== 0 ? 130 : code;
}

void start();
