import { readFile } from 'node:fs/promises';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { parseKeyValues } from '../args/parseKeyValues.js';
import { CliError, usageError } from '../errors/CliError.js';
import type { CommandContext } from './context.js';

export const ENQUEUE_HELP = `Usage: connector-studio enqueue <connector-id> --workspace <id> [options]

Queues server runs of a synced connector (Supabase's enqueue_connector_runs): one run, or one
per contact. Workers (npm run worker) pick them up. Prints one run id per line.

Options:
  -w, --workspace <id>         the workspace the connector belongs to (required)
  -i, --input key=value        an input value for every run (repeatable)
      --contact <id>           a contact to run for (repeatable): one run each
      --contacts <file>        contact ids, one per line (up to 1000 per call)
      --json                   print {"runIds": [...]} instead
  -h, --help                   show this help

Connection (the same project the app signs in to):
  SUPABASE_URL, SUPABASE_ANON_KEY  the project's URL and anon key
  SUPABASE_ACCESS_TOKEN            a signed-in member's access token; you can only enqueue
                                   your own workspace's enabled connectors

Exit codes: 0 queued, 1 refused by the server (the reason is printed), 2 bad usage.
`;

const ENQUEUE_OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  input: { type: 'string', multiple: true, short: 'i' },
  contact: { type: 'string', multiple: true },
  contacts: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw usageError(`${name} is not set: enqueue needs SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_ACCESS_TOKEN.`, 'enqueue');
  return value;
}

export async function enqueueCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('enqueue', args, ENQUEUE_OPTIONS);
  if (values.help) {
    context.terminal.out(ENQUEUE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`enqueue takes exactly one connector id, got ${positionals.length}.`, 'enqueue');
  if (!values.workspace) throw usageError('--workspace is required (the id of the connector\'s workspace).', 'enqueue');
  const url = required(context.env, 'SUPABASE_URL').replace(/\/+$/, '');
  const anonKey = required(context.env, 'SUPABASE_ANON_KEY');
  const token = required(context.env, 'SUPABASE_ACCESS_TOKEN');

  const contacts = [...(values.contact ?? [])];
  if (values.contacts) {
    const text = await readFile(values.contacts, 'utf8').catch(() => {
      throw usageError(`Cannot read the contacts file ${values.contacts}.`, 'enqueue');
    });
    contacts.push(...text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean));
  }

  const response = await fetch(`${url}/rest/v1/rpc/enqueue_connector_runs`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      p_workspace_id: values.workspace,
      p_connector_id: positionals[0],
      p_inputs: parseKeyValues(values.input ?? [], 'input', 'enqueue'),
      p_contact_ids: contacts.length > 0 ? contacts : null,
    }),
    signal: context.signal,
  }).catch((error: unknown) => {
    throw new CliError(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}. Check SUPABASE_URL and your network.`, 1);
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const problem = (body ?? {}) as { message?: string; hint?: string };
    const hint = problem.hint ? ` ${problem.hint[0]!.toUpperCase()}${problem.hint.slice(1)}.` : '';
    throw new CliError(`The server refused the runs: ${problem.message ?? `HTTP ${response.status}`}.${hint}`, 1);
  }
  const runIds = body as string[];
  context.terminal.out(values.json ? `${JSON.stringify({ runIds })}\n` : `${runIds.join('\n')}\n`);
  return 0;
}
