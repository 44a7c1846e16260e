import { isConnectorError, loadConnectorDocument, validateConnector, type Connector } from '../../core/index.js';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { usageError } from '../errors/CliError.js';
import { describeInvalidDocument, formatIssue, issuesOf } from '../io/loadConnectorFile.js';
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

  let connector: Connector;
  try {
    connector = loadConnectorDocument(raw);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    const issues = issuesOf(error);
    context.terminal.out(issues.length > 0 ? formatInvalid(file, issues) : `✗ ${describeInvalidDocument(file, error)}\n`);
    return 1;
  }

  const warnings = validateConnector(connector).issues.filter((issue) => issue.severity === 'warning');
  const steps = connector.steps.length;
  const lines = [`✓ ${connector.name} is valid (${steps} step${steps === 1 ? '' : 's'})`];
  for (const warning of warnings) lines.push(`  ! ${formatIssue(warning)}`);
  context.terminal.out(`${lines.join('\n')}\n`);
  return 0;
}

function formatInvalid(file: string, issues: ReturnType<typeof issuesOf>): string {
  const errors = issues.filter((issue) => issue.severity !== 'warning');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const lines = [`✗ ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}:`];
  for (const issue of errors) lines.push(`  ${formatIssue(issue)}`);
  for (const issue of warnings) lines.push(`  ! ${formatIssue(issue)}`);
  return `${lines.join('\n')}\n`;
}
