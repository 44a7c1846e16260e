import { writeFile } from 'node:fs/promises';
import { buildConnectorFromOpenApi, describeOpenApi } from '#core';
import { loadOpenApiSpec } from '../../host/openapi/loadOpenApiSpec.js';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { CliError, usageError } from '../errors/CliError.js';
import type { CommandContext } from './context.js';

export const IMPORT_HELP = `Usage: connector-studio import openapi <spec> --operation <operationId>… --out <file>

Turns operations of an OpenAPI 3.0/3.1 or Swagger 2.0 spec (JSON or YAML) into a connector:
one step per operation, chained in the order given. Path and required query/header
parameters become inputs, security schemes become auth with credential slots, response
schemas suggest outputs and documented examples become mock responses.

Without --operation, lists the spec's operations.

Options:
  --operation <id>      an operationId (or "METHOD /path" when it has none); repeat for more steps
  --out <file>          where to write the connector (e.g. pets.connector.json)
  --allow-remote-refs   fetch $refs to http(s) URLs (never done otherwise)
  -h, --help            show this help

The spec may refer to files in its own folder only. Exit 0 when written, 2 on a bad spec or usage.
`;

export async function importCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    operation: { type: 'string', multiple: true },
    out: { type: 'string' },
    'allow-remote-refs': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const);
  if (values.help) {
    context.terminal.out(IMPORT_HELP);
    return 0;
  }
  const [kind, specPath, ...extra] = positionals;
  if (kind !== 'openapi') throw usageError(kind ? `Unknown import kind "${kind}"; the importer reads "openapi".` : 'Say what to import: import openapi <spec>.', 'import');
  if (!specPath || extra.length > 0) throw usageError('import openapi takes exactly one spec file.', 'import');
  const { spec, warnings } = await loadOpenApiSpec({ kind: 'file', path: specPath }, { allowRemoteRefs: values['allow-remote-refs'] === true });
  const overview = describeOpenApi(spec);
  const operationIds = values.operation ?? [];
  if (operationIds.length === 0) {
    const lines = overview.operations.map((op) => `  ${op.id.padEnd(32)} ${op.method.padEnd(7)} ${op.path}${op.summary ? `  ${op.summary}` : ''}`);
    context.terminal.out(`${overview.title} ${overview.version} (${overview.specification}), ${overview.operations.length} operations:\n${lines.join('\n')}\n`);
    context.terminal.err('Pick operations with --operation <id> and give --out <file> to write a connector.\n');
    return 2;
  }
  if (!values.out) throw usageError('Give --out <file> for the connector.', 'import');
  const { connector, notes } = buildConnectorFromOpenApi(spec, { operationIds });
  try {
    await writeFile(values.out, `${JSON.stringify(connector, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new CliError(exists ? `${values.out} already exists; nothing was written. Choose another --out or remove it.` : `Cannot write ${values.out}: ${(error as Error).message}`);
  }
  const report = [`✓ Wrote ${values.out}: ${connector.name} (${connector.steps.length} step${connector.steps.length === 1 ? '' : 's'})`];
  for (const note of notes) report.push(`  ! ${note}`);
  if (warnings.length > 0) report.push(`  ! The spec breaks ${warnings.length} OpenAPI rule${warnings.length === 1 ? '' : 's'} (first: ${warnings[0]}); check the steps.`);
  context.terminal.out(`${report.join('\n')}\n`);
  return 0;
}
