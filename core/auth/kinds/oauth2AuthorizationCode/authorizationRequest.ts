/**
 * The front-channel half of the authorization-code flow (RFC 6749 §4.1.1–4.1.2, RFC 7636 §4.3):
 * the URL the browser opens, and reading the redirect it comes back with. The host makes the PKCE
 * verifier and `state` (random bytes) and listens on the loopback redirect (RFC 8252 §7.3).
 */
import { ConnectorError } from '../../../errors/ConnectorError.js';

export interface AuthorizationRequest {
  authorizationUrl: string;
  clientId: string;
  redirectUri: string;
  scope?: string | undefined;
  state: string;
  codeChallenge: string;
  extraParams?: ReadonlyArray<{ key: string; value: string }> | undefined;
}

/** Parameters the flow itself sets; extra parameters cannot override them. */
const RESERVED = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method']);

export function authorizationUrl(request: AuthorizationRequest): string {
  const url = new URL(request.authorizationUrl);
  for (const { key, value } of request.extraParams ?? []) if (!RESERVED.has(key)) url.searchParams.set(key, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  if (request.scope) url.searchParams.set('scope', request.scope);
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** The code from the redirect's query, after checking `state` (RFC 6749 §10.12: a forged redirect is refused). */
export function readAuthorizationResponse(query: URLSearchParams, expectedState: string): string {
  if (query.get('state') !== expectedState) {
    throw new ConnectorError('HTTP_ERROR', 'The sign-in answer did not come from the sign-in this app started (its state does not match), so it was ignored.', { hint: 'Press Connect again and finish the sign-in in the browser tab it opens.' });
  }
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    const plain = error === 'access_denied' ? 'access was declined' : `the provider answered ${error}`;
    throw new ConnectorError('HTTP_ERROR', `Connecting failed: ${plain}${description ? ` (${description})` : ''}.`, { hint: 'Press Connect again and allow access, or check the scopes and the app registered with the provider.' });
  }
  const code = query.get('code');
  if (!code) throw new ConnectorError('HTTP_ERROR', 'The sign-in answer carried no authorization code.', { hint: 'Press Connect again.' });
  return code;
}
