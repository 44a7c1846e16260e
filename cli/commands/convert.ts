import { writeFile } from 'node:fs/promises';
import { DOCUMENT_FORMATS, isConnectorError, serializeConnector, type DocumentFormat } from '#core';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { CliError, usageError } from '../errors/CliError.js';
import { loadConnectorFile } from '../io/loadConnectorFile.js';
import { exportEnvironment } from '../io/loadEnvironment.js';
import type { CommandContext } from './context.js';

export const CONVERT_HELP = `Usage: connector-studio convert <file> --to app|interchange [--env <name>] [--out <file>]

Converts a connector file between the app's format and the interchange format the SaaS stores
(import and export on the command line, the same as the app's Import and Export).

  --to app           the app's format (stable key order, as the app saves it)
  --to interchange   the interchange format ({{credentials.x}} written {{workspace.x}})
  -e, --env <name>   the environment (environments.json next to the file) whose values the
                     interchange export uses: each {{env.x}} becomes an input with that value
                     as its default, a secret one the workspace credential {{workspace.x}}
                     (secret values are never read or written)
  -o, --out <file>   write there instead of to stdout

The input may be in either format and must be a valid connector. Exits 0 when written, 1 when
the connector cannot be written in the interchange format (the message says what to change, as
in the app; {{env.x}} without --env is one such case), 2 when the file is missing, not JSON, not
a valid connector, or --env names no environment of environments.json.
`;

export async function convertCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('convert', args, {
    help: { type: 'boolean', short: 'h' },
    to: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    env: { type: 'string', short: 'e' },
  } as const);
  if (values.help) {
    context.terminal.out(CONVERT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`convert takes exactly one connector file, got ${positionals.length}.`, 'convert');
  if (!values.to) throw usageError('Say which format to write: --to app or --to interchange.', 'convert');
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(values.to)) throw usageError(`--to must be app or interchange, not "${values.to}".`, 'convert');
  const file = positionals[0] as string;
  const connector = await loadConnectorFile(file);
  if (values.env && values.to !== 'interchange') throw usageError('--env is for --to interchange (the app format keeps {{env.x}} as it is).', 'convert');
  const environment = values.env ? await exportEnvironment(file, values.env) : undefined;

  let content: string;
  try {
    // What the app's Export writes: the same text and, for a graph the interchange cannot
    // express, the same message (core's UNSUPPORTED_EXPORT error).
    content = serializeConnector(connector, values.to as DocumentFormat, { environment });
  } catch (error) {
    if (!isConnectorError(error) || error.code !== 'UNSUPPORTED_EXPORT') throw error;
    throw new CliError(`${file} cannot be written in the interchange format: ${error.message}${error.hint ? ` ${error.hint}` : ''}`, 1);
  }
  if (values.out) {
    try {
      await writeFile(values.out, content);
    } catch (error) {
      throw new CliError(`Cannot write ${values.out}: ${(error as Error).message}.`);
    }
    context.terminal.out(`Wrote ${connector.name} to ${values.out} (${values.to} format).\n`);
  } else context.terminal.out(content);
  return 0;
}
