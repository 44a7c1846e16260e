import { validateDocument } from '#core';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { usageError } from '../errors/CliError.js';
import { readJsonFile } from '../io/readJsonFile.js';
import { countProblems, formatProblems, toJsonProblem } from '../output/formatProblems.js';
import type { CommandContext } from './context.js';

export const VALIDATE_HELP = `Usage: connector-studio validate <file> [--json]

Checks a connector file (the app's format or the interchange format) and lists every problem in
one pass: the shape of each field, step ids, references between steps, conditions, JSONPath
outputs, field mappings and the limits (steps, branches, timeouts).

Prints "✓ <name> is valid (N steps)" and exits 0, or lists each problem (what is wrong, naming
the step, what to do, and where it is in the file) and exits 1. An unreadable file or invalid JSON
exits 2.

  --json   one JSON object on stdout: { "file", "valid", "name"?, "steps"?,
           "problems": [{ "path", "message", "hint"?, "severity", "stepId"?, "edgeId"? }] }
`;

export async function validateCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } } as const);
  if (values.help) {
    context.terminal.out(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`validate takes exactly one connector file, got ${positionals.length}.`, 'validate');
  const file = positionals[0] as string;
  const { ok, connector, issues } = validateDocument(await readJsonFile(file, 'connector'));
  const valid = ok && connector !== undefined;

  if (values.json) {
    const summary = valid ? { name: connector.name, steps: connector.steps.length } : {};
    context.terminal.out(`${JSON.stringify({ file, valid, ...summary, problems: issues.map(toJsonProblem) })}\n`);
    return valid ? 0 : 1;
  }
  if (!valid) {
    context.terminal.out(`${[`✗ ${file} has ${countProblems(issues)}:`, ...formatProblems(issues)].join('\n')}\n`);
    return 1;
  }
  const steps = connector.steps.length;
  context.terminal.out(`${[`✓ ${connector.name} is valid (${steps} step${steps === 1 ? '' : 's'})`, ...formatProblems(issues)].join('\n')}\n`);
  return 0;
}
