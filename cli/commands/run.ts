import {
  offlineEnvironment,
  createRateLimiterRegistry,
  createRedactor,
  systemClock,
  type Connector,
} from '#core';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { parseKeyValues } from '../args/parseKeyValues.js';
import { usageError } from '../errors/CliError.js';
import { collectCredentials, createCredentialResolver } from '../io/credentials.js';
import { createTransport, RUN_MODES, type RunMode } from '../io/createTransport.js';
import { lazyCredentialStore } from '../io/lazyCredentialStore.js';
import { loadConnectorFile } from '../io/loadConnectorFile.js';
import { withScrubber } from '../io/Terminal.js';
import { formatRunReport } from '../output/formatRunReport.js';
import { toJsonResult } from '../output/toJsonResult.js';
import type { CommandContext } from './context.js';
import { runOnce, type RunSetup } from './runOnce.js';
import { runRows } from './runRows.js';

export const RUN_HELP = `Usage: connector-studio run <file> [options]

Runs a connector once (or once per row with --data) and reports each step.

Options:
  -i, --input key=value        an input value (repeatable); typed as the input declares
  -c, --credential key=value   a credential for {{credentials.key}} / {{workspace.key}} (repeatable;
                               live runs also read the store "auth login" writes to);
                               also read from CONNECTOR_STUDIO_CREDENTIAL_<KEY> environment variables
  -e, --env <name>             the environment for {{env.x}} (environments.json next to the file;
                               secret variables from CONNECTOR_STUDIO_ENV_<NAME>)
  -m, --mode live|mock|replay  live HTTP (default), each step's mock response, or a cassette
      --cassette <path>        the cassette to replay (implies --mode replay)
      --record <path>          record the live run into a redacted cassette file
  -d, --data <rows.csv|json>   one run per row: CSV header / JSON keys are input names
      --concurrency <n>        rows run at the same time with --data (default 1, max 64)
      --json                   machine-readable output on stdout (one JSON object per run,
                               plus a last {"summary": …} line with --data)
  -h, --help                   show this help

Exit codes: 0 success, 1 a run failed, 2 bad usage or an unreadable/invalid file.
`;

const RUN_OPTIONS = {
  input: { type: 'string', multiple: true, short: 'i' },
  credential: { type: 'string', multiple: true, short: 'c' },
  env: { type: 'string', short: 'e' },
  mode: { type: 'string', short: 'm' },
  cassette: { type: 'string' },
  record: { type: 'string' },
  data: { type: 'string', short: 'd' },
  concurrency: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', args, RUN_OPTIONS);
  if (values.help) {
    context.terminal.out(RUN_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`run takes exactly one connector file, got ${positionals.length}.`, 'run');
  const file = positionals[0] as string;

  // Mask credential values in everything written from here on, whatever produced the text.
  const credentials = collectCredentials(parseKeyValues(values.credential ?? [], 'credential', 'run'), context.env);
  const redactor = createRedactor(Object.fromEntries(credentials));
  const terminal = withScrubber(context.terminal, (text) => redactor.redactText(text));
  const runContext: CommandContext = { ...context, terminal };

  const mode = parseMode(values.mode, values.cassette);
  if (mode === 'replay' && !values.cassette) throw usageError('--mode replay needs --cassette <path>.', 'run');
  if (values.record && mode !== 'live') throw usageError('--record records a live run; drop --mode or use --mode live.', 'run');
  if (values.record && values.data) throw usageError('--record records a single run; it cannot be combined with --data.', 'run');
  const concurrency = parseConcurrency(values.concurrency, values.data !== undefined);

  const connector = await loadConnectorFile(file);
  // Loaded only with --env: the environments module brings the file writer and the host contract.
  const chosen = values.env ? await (await import('../io/loadEnvironment.js')).loadEnvironment(file, values.env, context.env) : undefined;
  // Offline, a variable the environment lacks (or every one, without --env) stands for itself, as credentials do.
  const environment = mode === 'live' ? chosen : offlineEnvironment(connector, chosen);
  for (const [name, value] of Object.entries(environment?.secrets ?? {})) redactor.addSecret(`env.${name}`, value);
  const inputs = parseKeyValues(values.input ?? [], 'input', 'run');
  checkInputNames(connector, Object.keys(inputs));

  const prepared = await createTransport(connector, { mode, cassettePath: values.cassette, recordPath: values.record, environment: environment?.name }, redactor);
  const setup: RunSetup = {
    connector,
    secrets: createCredentialResolver(credentials, mode === 'live' ? { store: lazyCredentialStore(context.env) } : { offline: true }),
    rateLimiter: createRateLimiterRegistry(systemClock),
    redactor,
    context: runContext,
    // Reports print status, attempts, timings, outputs and errors only; --record writes its
    // cassette from the transport, but keeps full records so nothing it might read is missing.
    recordDetail: values.record ? 'full' : 'summary',
    ...(environment ? { environment } : {}),
  };

  if (values.data !== undefined) {
    return runRows(setup, prepared.transport, { dataPath: values.data, baseInputs: inputs, concurrency, json: values.json === true });
  }

  const record = await runOnce(setup, prepared.transport, inputs);
  await prepared.save(record.inputs);
  terminal.out(values.json ? `${JSON.stringify(toJsonResult(record))}\n` : formatRunReport(record));
  return record.status === 'success' ? 0 : 1;
}

function parseMode(mode: string | undefined, cassette: string | undefined): RunMode {
  if (mode === undefined) return cassette ? 'replay' : 'live';
  if (!(RUN_MODES as readonly string[]).includes(mode)) throw usageError(`--mode must be live, mock or replay, got "${mode}".`, 'run');
  return mode as RunMode;
}

function parseConcurrency(text: string | undefined, hasData: boolean): number {
  if (text === undefined) return 1;
  if (!hasData) throw usageError('--concurrency only applies with --data.', 'run');
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw usageError(`--concurrency must be a whole number from 1 to 64, got "${text}".`, 'run');
  return value;
}

/** A misspelt --input would otherwise be silently ignored and the run would fail later, less clearly. */
function checkInputNames(connector: Connector, names: string[]): void {
  const known = new Set(connector.inputs.map((input) => input.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  const list = connector.inputs.length > 0 ? connector.inputs.map((input) => input.name).join(', ') : 'none';
  throw usageError(`${connector.name} has no input named ${unknown.map((name) => `"${name}"`).join(', ')} (its inputs: ${list}).`, 'run');
}
