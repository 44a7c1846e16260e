import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../errors/CliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs (strict: unknown flags are errors) with its TypeErrors turned into
 * usage errors that point at the command's help. Text after `=` is masked in the message,
 * because a mistyped `--credentail=name=secret` would otherwise be echoed back.
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/=[^'"\s]*/g, '=…').split('. ')[0] ?? 'Invalid arguments';
    throw usageError(`${message.replace(/\.$/, '')}.`, command);
  }
}
