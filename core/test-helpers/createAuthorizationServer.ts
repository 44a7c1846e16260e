/**
 * A small OAuth 2.0 authorization server on 127.0.0.1 written to RFC 6749 §4.1 / §6 / §5.2 and
 * RFC 7636 (S256 only), plus one protected API route, for tests of the authorization-code kind.
 *
 * - `GET /authorize` checks the request (response_type=code, a registered client and redirect URI
 *   on 127.0.0.1, a S256 code_challenge) and, approving at once as a signed-in user would, redirects
 *   to the redirect URI with `code` and the request's `state` (or `deny()`: `error=access_denied`).
 * - `POST /token` exchanges a code (single use, 60 s, same client and redirect URI, the verifier
 *   whose SHA-256 is the challenge) or a refresh token, answering errors in the §5.2 form.
 * - `GET /api/me` wants a live access token (`expireAccessTokens()` makes the current ones fail).
 *
 * Only tests import this file (it uses node:http and node:crypto).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { text as readBody } from 'node:stream/consumers';
import type { AddressInfo } from 'node:net';

export interface AuthorizationServerOptions {
  clientId?: string;
  /** Set: a confidential client that must send it; unset: a public client. */
  clientSecret?: string;
  accessTokenLifetimeS?: number;
  user?: { sub: string; email: string };
  /** Delay of every token response (so parallel callers overlap). */
  tokenDelayMs?: number;
}

export interface AuthorizationServer {
  url: string;
  clientId: string;
  /** Grants by type, in order. */
  grants: Array<'authorization_code' | 'refresh_token'>;
  /** Every `/authorize` request's query. */
  authorizeRequests: URLSearchParams[];
  /** Access tokens issued so far stop working (the API answers 401). */
  expireAccessTokens(): void;
  /** Refresh tokens issued so far are refused with invalid_grant (the user revoked the app). */
  revokeRefreshTokens(): void;
  /** The next authorization answers error=access_denied. */
  deny(): void;
  /** The next authorization redirects with this state instead of the request's (a forged redirect). */
  answerWithState(state: string): void;
  close(): Promise<void>;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function createAuthorizationServer(options: AuthorizationServerOptions = {}): Promise<AuthorizationServer> {
  const clientId = options.clientId ?? 'test-client';
  const user = options.user ?? { sub: 'user-1', email: 'alice@example.com' };
  const lifetime = options.accessTokenLifetimeS ?? 3600;
  const codes = new Map<string, { challenge: string; redirectUri: string; scope: string; expiresAt: number }>();
  const accessTokens = new Set<string>();
  const refreshTokens = new Map<string, string>();
  const grants: AuthorizationServer['grants'] = [];
  const authorizeRequests: URLSearchParams[] = [];
  let denyNext = false;
  let forgedState: string | undefined;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, description: string) => json(res, status, { error: code, error_description: description });

  const issue = (scope: string, withIdToken: boolean) => {
    const accessToken = `at-${base64url(randomBytes(12))}`;
    const refreshToken = `rt-${base64url(randomBytes(12))}`;
    accessTokens.add(accessToken);
    refreshTokens.set(refreshToken, scope);
    const idToken = `${base64url(Buffer.from('{"alg":"none"}'))}.${base64url(Buffer.from(JSON.stringify(user)))}.`;
    return { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, refresh_token: refreshToken, scope, ...(withIdToken ? { id_token: idToken } : {}) };
  };

  const authorize = (query: URLSearchParams, res: ServerResponse) => {
    authorizeRequests.push(query);
    const redirectUri = query.get('redirect_uri') ?? '';
    let redirect: URL;
    try {
      redirect = new URL(redirectUri);
    } catch {
      return error(res, 400, 'invalid_request', 'redirect_uri is missing or not a URL');
    }
    // RFC 8252 §7.3: loopback redirect, any port.
    if (query.get('client_id') !== clientId || redirect.hostname !== '127.0.0.1') return error(res, 400, 'invalid_request', 'unknown client or redirect URI');
    const reply = new URLSearchParams();
    const state = query.get('state');
    if (query.get('response_type') !== 'code') reply.set('error', 'unsupported_response_type');
    else if (!query.get('code_challenge') || query.get('code_challenge_method') !== 'S256') {
      reply.set('error', 'invalid_request');
      reply.set('error_description', 'code challenge required (S256)');
    } else if (denyNext) {
      denyNext = false;
      reply.set('error', 'access_denied');
      reply.set('error_description', 'The user declined.');
    } else {
      const code = base64url(randomBytes(16));
      codes.set(code, { challenge: query.get('code_challenge') ?? '', redirectUri, scope: query.get('scope') ?? '', expiresAt: Date.now() + 60_000 });
      reply.set('code', code);
    }
    const answeredState = forgedState ?? state;
    forgedState = undefined;
    if (answeredState !== null) reply.set('state', answeredState);
    redirect.search = reply.toString();
    res.writeHead(302, { location: redirect.toString() });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req));
    if (options.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, options.tokenDelayMs));
    if (form.get('client_id') !== clientId || (options.clientSecret !== undefined && form.get('client_secret') !== options.clientSecret)) {
      return error(res, 401, 'invalid_client', 'Client authentication failed.');
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      grants.push('authorization_code');
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now()) return error(res, 400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
      if (code.redirectUri !== form.get('redirect_uri')) return error(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || base64url(createHash('sha256').update(verifier).digest()) !== code.challenge) {
        return error(res, 400, 'invalid_grant', 'PKCE verification failed.');
      }
      return json(res, 200, issue(code.scope, true));
    }
    if (grant === 'refresh_token') {
      grants.push('refresh_token');
      const scope = refreshTokens.get(form.get('refresh_token') ?? '');
      if (scope === undefined) return error(res, 400, 'invalid_grant', 'The refresh token is invalid or was revoked.');
      return json(res, 200, issue(scope, false));
    }
    return error(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/token') return void token(req, res);
    if (req.method === 'GET' && url.pathname === '/api/me') {
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!accessTokens.has(bearer)) return json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return void setTimeout(() => json(res, 200, { email: user.email, token: bearer }), 20);
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    grants,
    authorizeRequests,
    expireAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    deny: () => { denyNext = true; },
    answerWithState: (state) => { forgedState = state; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
