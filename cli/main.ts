import { toConnectorError } from '../core/index.js';
import type { CommandContext } from './commands/context.js';
import { authCommand, AUTH_HELP } from './commands/authLogin.js';
import { convertCommand, CONVERT_HELP } from './commands/convert.js';
import { importCommand, IMPORT_HELP } from './commands/importOpenApi.js';
import { enqueueCommand, ENQUEUE_HELP } from './commands/enqueue.js';
import { runCommand, RUN_HELP } from './commands/run.js';
import { testCommand, TEST_HELP } from './commands/test.js';
import { validateCommand, VALIDATE_HELP } from './commands/validate.js';
import { isCliError, usageError } from './errors/CliError.js';
import { CLI_VERSION } from './version.js';

export const MAIN_HELP = `Usage: connector-studio <command> [options]

Commands:
  validate <file>        check a connector file and list what to fix
  run <file> [options]   run a connector (live, mock or replay); --data for one run per row
  test <file|dir>        run the test cases stored with connectors
  convert <file> --to app|interchange [--out F]
                         convert between the app's format and the interchange format
  import openapi <spec>  make a connector from operations of an OpenAPI/Swagger spec
  enqueue <connector-id> queue server runs of a synced connector (one, or one per contact)
  auth login <file> --credential <name>
                         sign in for an OAuth 2.0 authorization-code auth; keeps the tokens
                         in the CLI's credential store for live runs

Options:
  -h, --help             show help (also: connector-studio <command> --help)
  -v, --version          show the version

Connector files may be in the app's format or the interchange format.
Credentials: --credential name=value or CONNECTOR_STUDIO_CREDENTIAL_<NAME>.
`;

const COMMANDS: Record<string, { run: (args: string[], context: CommandContext) => Promise<number>; help: string }> = {
  validate: { run: validateCommand, help: VALIDATE_HELP },
  run: { run: runCommand, help: RUN_HELP },
  test: { run: testCommand, help: TEST_HELP },
  convert: { run: convertCommand, help: CONVERT_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  enqueue: { run: enqueueCommand, help: ENQUEUE_HELP },
  auth: { run: authCommand, help: AUTH_HELP },
};

/**
 * The CLI as a function: returns the exit code. Every error ends here and becomes one
 * readable paragraph on stderr (exit 2 for usage and file problems), never a stack trace.
 */
export async function main(argv: string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const topic = first === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
      context.terminal.out(topic?.help ?? MAIN_HELP);
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version' || first === 'version') {
      context.terminal.out(`${CLI_VERSION}\n`);
      return 0;
    }
    const command = COMMANDS[first];
    if (!command) throw usageError(`Unknown command "${first}". The commands are: ${Object.keys(COMMANDS).join(', ')}.`);
    return await command.run(rest, context);
  } catch (error) {
    if (isCliError(error)) {
      context.terminal.err(`${error.message}\n`);
      return error.exitCode;
    }
    const connectorError = toConnectorError(error);
    const hint = connectorError.hint ? ` ${connectorError.hint}` : '';
    context.terminal.err(`Error (${connectorError.code}): ${connectorError.message}.${hint}\n`.replace(/\.\./g, '.'));
    return connectorError.code === 'INTERNAL' ? 70 : 2;
  }
}
