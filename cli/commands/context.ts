import type { Terminal } from '../io/Terminal.js';

/** What a command gets from the process: its output, environment and a cancellation signal (Ctrl-C). */
export interface CommandContext {
  terminal: Terminal;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}
