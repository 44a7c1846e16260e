import { authorizationCode, systemClock, type Auth } from '#core';
import { createNodeTransport } from '../../host/http/createNodeTransport.js';
import { startAuthorizationCodeFlow } from '../../host/oauth/authorizationCodeFlow.js';
import { resolveClient } from '../../host/oauth/resolveClient.js';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { usageError } from '../errors/CliError.js';
import { collectCredentials } from '../io/credentials.js';
import { openCredentialStore } from '../io/credentialStore.js';
import { loadConnectorFile } from '../io/loadConnectorFile.js';
import type { CommandContext } from './context.js';

export const AUTH_HELP = `Usage: connector-studio auth login <file> --credential <name>

Connects an OAuth 2.0 authorization-code auth (with PKCE) of the connector: prints the provider's
sign-in URL, waits for the browser to come back on http://127.0.0.1:<random port>/callback, checks
it, exchanges the code and keeps the tokens in the CLI's credential store under <name> (the
credential the auth's "tokens" field names). Live runs then use that connection and refresh it.

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
  const blocks = [connector.auth, ...connector.steps.flatMap((step) => (step.auth ? [step.auth] : []))]
    .filter((auth): auth is Extract<Auth, { type: 'oauth2_authorization_code' }> => auth.type === 'oauth2_authorization_code');
  const names = [...new Set(blocks.map((auth) => authorizationCode.connectionName(auth)))];
  if (names.length === 0) throw usageError(`"${connector.name}" has no OAuth 2.0 authorization-code auth to sign in for.`, 'auth');
  const credential = values.credential ?? (names.length === 1 ? names[0] : undefined);
  const auth = blocks.find((block) => authorizationCode.connectionName(block) === credential);
  if (!credential || !auth) throw usageError(`Pick the connection with --credential: ${names.join(', ')}.`, 'auth');

  const store = openCredentialStore(context.env);
  const available = { ...(await store.values()), ...Object.fromEntries(collectCredentials({}, context.env)) };
  const flow = await startAuthorizationCodeFlow(resolveClient(auth, available, 'the environment (CONNECTOR_STUDIO_CREDENTIAL_<NAME>)'), { transport: createNodeTransport() });
  const cancel = () => flow.cancel();
  context.signal.addEventListener('abort', cancel, { once: true });
  context.terminal.out(`Open this URL in your browser to connect "${credential}":\n\n  ${flow.authorizationUrl}\n\nWaiting for the sign-in to come back to ${flow.redirectUri} (Ctrl-C to cancel)…\n`);
  try {
    const tokens = await flow.tokens;
    await store.set(credential, authorizationCode.serializeTokenSet(tokens));
    const expires = tokens.expiresAt ? `; the access token expires ${new Date(tokens.expiresAt).toISOString()} (${Math.round((tokens.expiresAt - systemClock.now()) / 60_000)} min)` : '';
    const scopes = tokens.scopes.length > 0 ? `; scopes: ${tokens.scopes.join(' ')}` : '';
    context.terminal.out(`✓ Connected "${credential}"${tokens.subject ? ` as ${tokens.subject}` : ''}${expires}${scopes}.\n  Stored in ${store.dir}; live runs use it and refresh it${tokens.refreshToken ? '' : ' (no refresh token was issued: log in again when it expires)'}.\n`);
    return 0;
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}
