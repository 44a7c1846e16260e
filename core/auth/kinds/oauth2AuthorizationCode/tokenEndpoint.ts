/**
 * The token endpoint (RFC 6749 §4.1.3 code exchange with the PKCE verifier of RFC 7636 §4.5, §6
 * refresh), through the run's own transport so mock, replay and recording work as for any request.
 * Errors in the §5.2 form (`{"error":"invalid_grant","error_description":…}`) become messages in
 * user terms that say what to do next.
 */
import { ConnectorError } from '../../../errors/ConnectorError.js';
import type { Clock, HttpTransport } from '../../../ports/index.js';
import { OAUTH_TOKEN_STEP_ID } from '../../oauthTokenCache.js';
import { tokenSetFromResponse, type TokenSet } from './tokenSet.js';

export interface TokenClient {
  tokenUrl: string;
  clientId: string;
  /** Absent for a public client (PKCE alone proves it is the same client). */
  clientSecret?: string | undefined;
}

export interface TokenCallContext {
  transport: HttpTransport;
  clock: Clock;
  signal: AbortSignal;
  maxResponseBytes?: number | undefined;
}

const PLAIN: Record<string, string> = {
  invalid_request: 'the request was incomplete or malformed',
  invalid_client: 'the client id or client secret was refused',
  unauthorized_client: 'this client is not allowed to use this grant',
  unsupported_grant_type: 'the provider does not support this grant',
  invalid_scope: 'a requested scope is unknown or not allowed',
};

async function post(client: TokenClient, fields: Record<string, string>, context: TokenCallContext): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams({ ...fields, client_id: client.clientId });
  if (client.clientSecret) form.set('client_secret', client.clientSecret);
  const response = await context.transport.send({
    stepId: OAUTH_TOKEN_STEP_ID,
    method: 'POST',
    url: client.tokenUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    signal: context.signal,
    maxResponseBytes: context.maxResponseBytes ?? 1024 * 1024,
    maxRedirects: 0,
  });
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(response.bodyText);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: reported below with the status
  }
  return { status: response.status, body };
}

function ok(status: number, body: Record<string, unknown>): boolean {
  return status >= 200 && status < 300 && typeof body.access_token === 'string' && body.access_token !== '';
}

function reason(status: number, body: Record<string, unknown>): string {
  if (typeof body.error !== 'string') return status >= 300 ? `status ${status}` : 'no access_token in the answer';
  return `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`;
}

/** RFC 6749 §4.1.3 + RFC 7636 §4.5. */
export async function exchangeCode(client: TokenClient, grant: { code: string; redirectUri: string; codeVerifier: string }, context: TokenCallContext): Promise<TokenSet> {
  const { status, body } = await post(client, { grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirectUri, code_verifier: grant.codeVerifier }, context);
  if (ok(status, body)) return tokenSetFromResponse(body, context.clock.now());
  const plain = body.error === 'invalid_grant'
    ? 'the authorization code was refused (it expired, was already used, or the PKCE code verifier does not match)'
    : PLAIN[String(body.error)] ?? 'it did not issue tokens';
  throw new ConnectorError('HTTP_ERROR', `Connecting failed: ${plain} (${reason(status, body)}).`, {
    hint: body.error === 'invalid_client' ? 'Check the client id and client secret credentials against the app registered with the provider.' : 'Try Connect again; if it keeps failing, check the token URL and the app registered with the provider.',
  });
}

/** RFC 6749 §6. `connection` names the credential in messages ("reconnect hubspot_oauth"). */
export async function refreshTokens(client: TokenClient, tokens: TokenSet, connection: string, context: TokenCallContext): Promise<TokenSet> {
  const reconnect = `Reconnect it: in the app, open the connector's Auth settings and press Reconnect; on the command line, run connector-studio auth login <connector file> --credential ${connection}.`;
  if (!tokens.refreshToken) {
    throw new ConnectorError('HTTP_ERROR', `The OAuth connection "${connection}" has expired and holds no refresh token.`, { hint: reconnect });
  }
  const { status, body } = await post(client, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, context);
  if (ok(status, body)) return tokenSetFromResponse(body, context.clock.now(), tokens);
  if (body.error === 'invalid_grant') {
    throw new ConnectorError('HTTP_ERROR', `The OAuth connection "${connection}" was revoked or has expired (${reason(status, body)}).`, { hint: reconnect });
  }
  throw new ConnectorError('HTTP_ERROR', `Refreshing the OAuth connection "${connection}" failed: ${PLAIN[String(body.error)] ?? 'the token endpoint did not issue tokens'} (${reason(status, body)}).`, {
    hint: body.error === 'invalid_client' ? 'Check the client id and client secret credentials.' : `Check the token URL; if it keeps failing, reconnect: ${reconnect}`,
  });
}
