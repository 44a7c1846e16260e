import { loadConnectorDocument } from '../../core/index.js';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { usageError } from '../errors/CliError.js';
import { checkConnectorDocument, formatIssue } from '../io/loadConnectorFile.js';
import { readJsonFile } from '../io/readJsonFile.js';
import type { CommandContext } from './context.js';

export const VALIDATE_HELP = `Usage: connector-studio validate <file>

Checks a connector file (the app's format or the interchange format): the schema, references
between steps, conditions, JSONPath outputs and the limits (steps, branches, timeouts).

Prints "✓ <name> is valid (N steps)" and exits 0, or lists each problem as
"path: message (hint)" and exits 1. An unreadable file or invalid JSON exits 2.
`;

export async function validateCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { help: { type: 'boolean', short: 'h' } } as const);
  if (values.help) {
    context.terminal.out(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`validate takes exactly one connector file, got ${positionals.length}.`, 'validate');
  const file = positionals[0] as string;
  const raw = await readJsonFile(file, 'connector');
  const { connector, issues } = checkConnectorDocument(raw);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const warningLines = warnings.map((warning) => `  ! ${formatIssue(warning)}`);

  if (!connector || errors.length > 0) {
    const lines = [`✗ ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...errors.map((issue) => `  ${formatIssue(issue)}`), ...warningLines];
    context.terminal.out(`${lines.join('\n')}\n`);
    return 1;
  }
  // The same acceptance as run and test (both formats, every rule).
  loadConnectorDocument(raw);
  const steps = connector.steps.length;
  context.terminal.out(`${[`✓ ${connector.name} is valid (${steps} step${steps === 1 ? '' : 's'})`, ...warningLines].join('\n')}\n`);
  return 0;
}
