/**
 * Connect for an authorization-code block: RFC 6749 §4.1 with PKCE S256 (RFC 7636) and `state`
 * (§10.12). The client's fields resolve from credentials only; the authorization URL must be a web
 * page (https, or http on this computer), never file: or an app's scheme, because it is opened in
 * the system browser.
 */
import { ConnectorError } from '../../../errors/ConnectorError.js';
import { interpolateToString } from '../../../template/interpolate.js';
import { listReferences } from '../../../template/listReferences.js';
import type { SignInContext, SignInDefinition } from '../../signIn.js';
import { authorizationUrl, readAuthorizationResponse } from './authorizationRequest.js';
import { exchangeCode } from './tokenEndpoint.js';
import { parseTokenSet, serializeTokenSet } from './tokenSet.js';

interface ClientBlock {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
  scope?: string | undefined;
  extraParams?: ReadonlyArray<{ key: string; value: string }> | undefined;
  tokens: string;
}

const FIELD_NAMES: Record<string, string> = { authorizationUrl: 'authorization URL', tokenUrl: 'token URL', clientId: 'client id', clientSecret: 'client secret' };
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The block's client with its credential references resolved; a missing credential is named. */
export function resolveClient(auth: ClientBlock, values: Readonly<Record<string, string>>, where: string) {
  const fields = { authorizationUrl: auth.authorizationUrl, tokenUrl: auth.tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret };
  for (const [field, template] of Object.entries(fields)) {
    if (template === undefined) continue;
    for (const ref of listReferences(template)) {
      if (ref.kind === 'credential' && values[ref.name] === undefined) {
        throw new ConnectorError('MISSING_CREDENTIAL', `The ${FIELD_NAMES[field]} credential "${ref.name}" has no value.`, { hint: `Store it in ${where}, then connect again.` });
      }
      if (ref.kind !== 'credential') throw new ConnectorError('INVALID_TEMPLATE', `The ${FIELD_NAMES[field]} may only use credentials ({{credentials.name}}) for Connect.`, { hint: 'Write the URL in full, or keep the variable part in a credential.' });
    }
  }
  if (!auth.authorizationUrl || !auth.tokenUrl || !auth.clientId) {
    throw new ConnectorError('INVALID_DOCUMENT', 'Connect needs the authorization URL, the token URL and the client id.', { hint: 'Fill them in from the provider\'s OAuth documentation.' });
  }
  const scope = { inputs: {}, credentials: { ...values }, steps: {} };
  const resolve = (template: string) => interpolateToString(template, scope);
  const pageUrl = resolve(auth.authorizationUrl);
  let url: URL | undefined;
  try {
    url = new URL(pageUrl);
  } catch {
    url = undefined;
  }
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))) {
    throw new ConnectorError('INVALID_DOCUMENT', `The authorization URL "${pageUrl.slice(0, 200)}" is not an https:// address.`, { hint: 'Use the provider\'s documented authorization URL (https://…).' });
  }
  return {
    authorizationUrl: pageUrl,
    tokenUrl: resolve(auth.tokenUrl),
    clientId: resolve(auth.clientId),
    clientSecret: auth.clientSecret ? resolve(auth.clientSecret) : undefined,
    scope: auth.scope,
    extraParams: auth.extraParams,
  };
}

export function authorizationCodeSignIn<A extends ClientBlock>(connection: (auth: A) => string): SignInDefinition<A> {
  return {
    connection,
    async start(auth: A, context: SignInContext) {
      const client = resolveClient(auth, context.credentials, context.credentialsPlace);
      // RFC 7636 §4.1: 32 random bytes make a 43-character verifier.
      const verifier = context.crypto.randomBase64Url(32);
      const state = context.crypto.randomBase64Url(16);
      const codeChallenge = await context.crypto.sha256Base64Url(verifier);
      return {
        url: authorizationUrl({ authorizationUrl: client.authorizationUrl, clientId: client.clientId, redirectUri: context.redirectUri, scope: client.scope, state, codeChallenge, extraParams: client.extraParams }),
        async complete(query, signal) {
          const code = readAuthorizationResponse(query, state);
          const tokens = await exchangeCode(
            { tokenUrl: client.tokenUrl, clientId: client.clientId, clientSecret: client.clientSecret },
            { code, redirectUri: context.redirectUri, codeVerifier: verifier },
            { transport: context.transport, clock: context.clock, signal },
          );
          return serializeTokenSet(tokens);
        },
      };
    },
    describe(value) {
      const tokens = parseTokenSet(value);
      return { subject: tokens.subject ?? null, expiresAt: tokens.expiresAt ?? null, scopes: tokens.scopes, refreshable: tokens.refreshToken !== undefined };
    },
  };
}
