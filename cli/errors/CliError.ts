/**
 * An error the CLI reports as one plain paragraph and an exit code, never a stack trace.
 * `exitCode` 2 means the command could not start (bad usage, unreadable or invalid file).
 */
export class CliError extends Error {
  override name = 'CliError' as const;
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof CliError;
}

/** Thrown for a wrong command line; the message ends with where to find help. */
export function usageError(message: string, command?: string): CliError {
  const help = command ? `connector-studio ${command} --help` : 'connector-studio --help';
  return new CliError(`${message}\nRun \`${help}\` for usage.`, 2);
}
