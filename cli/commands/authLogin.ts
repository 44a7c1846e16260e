import { authKindOf, systemClock } from '#core';
import { signInOf, startSignIn } from '../../host/connections/signInFlow.js';
import { createNodeTransport } from '../../host/http/createNodeTransport.js';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { usageError } from '../errors/CliError.js';
import { collectCredentials } from '../io/credentials.js';
import { openCredentialStore } from '../io/credentialStore.js';
import { loadConnectorFile } from '../io/loadConnectorFile.js';
import type { CommandContext } from './context.js';

export const AUTH_HELP = `Usage: connector-studio auth login <file> --credential <name>

Connects an auth of the connector that signs in (OAuth 2.0 authorization code with PKCE): prints
the provider's sign-in URL, waits for the browser to come back on http://127.0.0.1:<random
port>/callback, checks it, exchanges the code and keeps the tokens in the CLI's credential store
under <name> (the credential the auth's "tokens" field names). Live runs then use that connection
and refresh it.

The client id and secret credentials come from CONNECTOR_STUDIO_CREDENTIAL_<NAME> environment
variables or the store. The store is $CONNECTOR_STUDIO_HOME, else the user config folder's
"Connector Studio/cli" (encrypted; its key file is readable only by you).

  --credential <name>   the connection credential to sign in for
`;

export async function authCommand(args: string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    context.terminal.out(AUTH_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'login') throw usageError(`Unknown auth command "${sub}". The auth commands are: login.`, 'auth');
  const { values, positionals } = parseCommandArgs('auth', rest, { credential: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } as const);
  if (values.help) {
    context.terminal.out(AUTH_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`auth login takes exactly one connector file, got ${positionals.length}.`, 'auth');
  const connector = await loadConnectorFile(positionals[0] as string);
  const blocks = [connector.auth, ...connector.steps.flatMap((step) => (step.auth ? [step.auth] : []))].filter((auth) => authKindOf(auth).signIn !== null);
  const names = [...new Set(blocks.map((auth) => signInOf(auth).connection(auth)))];
  if (names.length === 0) throw usageError(`"${connector.name}" has no auth to sign in for (such as OAuth 2.0 authorization code).`, 'auth');
  const credential = values.credential ?? (names.length === 1 ? names[0] : undefined);
  const auth = blocks.find((block) => signInOf(block).connection(block) === credential);
  if (!credential || !auth) throw usageError(`Pick the connection with --credential: ${names.join(', ')}.`, 'auth');

  const store = openCredentialStore(context.env);
  const available = { ...(await store.values()), ...Object.fromEntries(collectCredentials({}, context.env)) };
  const flow = await startSignIn(auth, { credentials: available, credentialsPlace: 'the environment (CONNECTOR_STUDIO_CREDENTIAL_<NAME>)', transport: createNodeTransport() });
  const cancel = () => flow.cancel();
  context.signal.addEventListener('abort', cancel, { once: true });
  context.terminal.out(`Open this URL in your browser to connect "${credential}":\n\n  ${flow.url}\n\nWaiting for the sign-in to come back to ${flow.redirectUri} (Ctrl-C to cancel)…\n`);
  try {
    const value = await flow.value;
    await store.set(credential, value);
    const details = signInOf(auth).describe(value);
    const expires = details.expiresAt ? `; the access token expires ${new Date(details.expiresAt).toISOString()} (${Math.round((details.expiresAt - systemClock.now()) / 60_000)} min)` : '';
    const scopes = details.scopes.length > 0 ? `; scopes: ${details.scopes.join(' ')}` : '';
    context.terminal.out(`✓ Connected "${credential}"${details.subject ? ` as ${details.subject}` : ''}${expires}${scopes}.\n  Stored in ${store.dir}; live runs use it and refresh it${details.refreshable ? '' : ' (no refresh token was issued: log in again when it expires)'}.\n`);
    return 0;
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}
