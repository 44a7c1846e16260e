import { toConnectorError } from '#core';
import type { CommandContext } from './commands/context.js';
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

interface Command {
  run: (args: string[], context: CommandContext) => Promise<number>;
  help: string;
}

/**
 * Each command is loaded when it is used: the bundle splits them into chunks (cli/build.mjs),
 * so `run` never parses the OpenAPI parser's ~450 KB and `--version` parses almost nothing.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => { const m = await import('./commands/validate.js'); return { run: m.validateCommand, help: m.VALIDATE_HELP }; },
  run: async () => { const m = await import('./commands/run.js'); return { run: m.runCommand, help: m.RUN_HELP }; },
  test: async () => { const m = await import('./commands/test.js'); return { run: m.testCommand, help: m.TEST_HELP }; },
  convert: async () => { const m = await import('./commands/convert.js'); return { run: m.convertCommand, help: m.CONVERT_HELP }; },
  import: async () => { const m = await import('./commands/importOpenApi.js'); return { run: m.importCommand, help: m.IMPORT_HELP }; },
  enqueue: async () => { const m = await import('./commands/enqueue.js'); return { run: m.enqueueCommand, help: m.ENQUEUE_HELP }; },
  auth: async () => { const m = await import('./commands/authLogin.js'); return { run: m.authCommand, help: m.AUTH_HELP }; },
};

/**
 * The CLI as a function: returns the exit code. Every error ends here and becomes one
 * readable paragraph on stderr (exit 2 for usage and file problems), never a stack trace.
 */
export async function main(argv: string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const load = first === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
      context.terminal.out(load ? (await load()).help : MAIN_HELP);
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version' || first === 'version') {
      context.terminal.out(`${CLI_VERSION}\n`);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!load) throw usageError(`Unknown command "${first}". The commands are: ${Object.keys(COMMANDS).join(', ')}.`);
    return await (await load()).run(rest, context);
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
