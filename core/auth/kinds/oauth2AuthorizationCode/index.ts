/**
 * OAuth 2.0 authorization code with PKCE (RFC 6749 §4.1, RFC 7636 S256, RFC 8252 loopback redirect).
 * The user connects once (the app's Connect, or `connector-studio auth login`); the tokens live in the
 * credential `tokens` names — the vault, never the connector — and runs refresh them.
 */
import { z } from 'zod';
import { defineAuthKind, type AuthContext } from '../authKind.js';
import { authorizationCodeSignIn } from './signIn.js';
import { tokenSession } from './tokenSession.js';
import type { TokenClient } from './tokenEndpoint.js';

const REF = /^\{\{\s*credentials\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

const schema = z.object({
  type: z.literal('oauth2_authorization_code'),
  authorizationUrl: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  /** Absent for public clients (desktop apps registered without a secret). */
  clientSecret: z.string().optional(),
  /** Space-separated, as the provider documents them. */
  scope: z.string().optional(),
  /** Further authorization-request parameters (`access_type=offline`, `prompt=consent`). */
  extraParams: z.array(z.object({ key: z.string().min(1, 'a parameter needs a name'), value: z.string() })).optional(),
  /** `{{credentials.name}}`: the credential holding this connection's tokens (written by Connect). */
  tokens: z.string().regex(REF, 'name the credential that keeps the connection, as {{credentials.name}}'),
});
export type AuthorizationCodeAuth = z.output<typeof schema>;

/** The credential a block keeps its tokens in. */
export function connectionName(auth: Pick<AuthorizationCodeAuth, 'tokens'>): string {
  return REF.exec(auth.tokens)?.[1] ?? '';
}

function client(auth: AuthorizationCodeAuth, context: AuthContext): TokenClient {
  const clientSecret = auth.clientSecret ? context.resolve(auth.clientSecret) : undefined;
  if (clientSecret) context.onSecret('oauth_client_secret', clientSecret);
  return { tokenUrl: context.resolve(auth.tokenUrl), clientId: context.resolve(auth.clientId), clientSecret };
}

export const oauth2AuthorizationCode = defineAuthKind({
  type: 'oauth2_authorization_code',
  label: 'OAuth 2.0 authorization code (PKCE)',
  shortLabel: 'OAuth 2.0',
  schema,
  empty: () => ({ type: 'oauth2_authorization_code' as const, authorizationUrl: '', tokenUrl: '', clientId: '', tokens: '{{credentials.oauth_connection}}' }),
  secretFields: ['tokens', 'clientSecret'],
  templateFields: ['authorizationUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scope', 'tokens'],
  async apply(auth, request, context) {
    const accessToken = await tokenSession(connectionName(auth), context).accessToken(context.resolve(auth.tokens), () => client(auth, context), context);
    context.onSecret('oauth_access_token', accessToken);
    return { url: request.url, headers: { ...request.headers, authorization: `Bearer ${accessToken}` }, credentialHeaders: ['authorization'], accessToken };
  },
  refreshOnUnauthorized: (auth, rejected, context) => tokenSession(connectionName(auth), context).rejected(rejected.accessToken),
  carriers: () => [
    { fields: ['clientId', 'clientSecret', 'tokens'], carrier: 'OAuth token request', urlField: 'tokenUrl' },
    { fields: ['tokens'], carrier: 'header Authorization', urlField: null },
  ],
  signIn: authorizationCodeSignIn(connectionName),
  interchange: {
    export: 'unsupported',
    reason: 'The interchange format has no OAuth 2.0 authorization-code auth',
    hint: 'Keep the connector in the app format, or export it with bearer auth and give the SaaS an access token.',
  },
});

export { authorizationUrl, readAuthorizationResponse } from './authorizationRequest.js';
export { exchangeCode, type TokenClient } from './tokenEndpoint.js';
export { parseTokenSet, serializeTokenSet, type TokenSet } from './tokenSet.js';
