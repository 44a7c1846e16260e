/** An authorization-code block's client with its credential references resolved (the vault's values, or the CLI's). */
import { ConnectorError, interpolateToString, listReferences, type Auth } from '#core';
import type { ResolvedAuthorizationCodeClient } from './authorizationCodeFlow.js';

type AuthorizationCodeBlock = Pick<Extract<Auth, { type: 'oauth2_authorization_code' }>, 'authorizationUrl' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'scope' | 'extraParams'>;

/** The block's templates with the vault's values; a missing credential is named. */
export function resolveClient(auth: AuthorizationCodeBlock, values: Readonly<Record<string, string>>, where = 'the Credentials panel'): ResolvedAuthorizationCodeClient {
  const fields = { authorizationUrl: auth.authorizationUrl, tokenUrl: auth.tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret };
  for (const [field, template] of Object.entries(fields)) {
    if (template === undefined) continue;
    for (const ref of listReferences(template)) {
      if (ref.kind === 'credential' && values[ref.name] === undefined) {
        throw new ConnectorError('MISSING_CREDENTIAL', `The ${field === 'clientId' ? 'client id' : field === 'clientSecret' ? 'client secret' : field} credential "${ref.name}" has no value.`, { hint: `Store it in ${where}, then connect again.` });
      }
      if (ref.kind !== 'credential') throw new ConnectorError('INVALID_TEMPLATE', `The ${field} may only use credentials ({{credentials.name}}) for Connect.`, { hint: 'Write the URL in full, or keep the variable part in a credential.' });
    }
  }
  if (!auth.authorizationUrl || !auth.tokenUrl || !auth.clientId) {
    throw new ConnectorError('INVALID_DOCUMENT', 'Connect needs the authorization URL, the token URL and the client id.', { hint: 'Fill them in from the provider\'s OAuth documentation.' });
  }
  const scope = { inputs: {}, credentials: { ...values }, steps: {} };
  const resolve = (template: string) => interpolateToString(template, scope);
  const authorizationUrl = resolve(auth.authorizationUrl);
  // The URL is opened in the system browser: only a web page (https, or http on this computer), never file: or an app's scheme.
  let url: URL | undefined;
  try {
    url = new URL(authorizationUrl);
  } catch {
    url = undefined;
  }
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)))) {
    throw new ConnectorError('INVALID_DOCUMENT', `The authorization URL "${authorizationUrl.slice(0, 200)}" is not an https:// address.`, { hint: 'Use the provider\'s documented authorization URL (https://…).' });
  }
  return {
    authorizationUrl,
    tokenUrl: resolve(auth.tokenUrl),
    clientId: resolve(auth.clientId),
    clientSecret: auth.clientSecret ? resolve(auth.clientSecret) : undefined,
    scope: auth.scope,
    extraParams: auth.extraParams,
  };
}
