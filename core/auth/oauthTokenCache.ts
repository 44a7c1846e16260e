/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): fetches an access token through the
 * run's own transport (so mock, replay and recording work the same), caches it per token
 * URL + client id (+ scope/audience, which give different tokens), refreshes it shortly
 * before it expires, and shares one in-flight request between concurrent steps.
 *
 * The client authenticates with `client_secret_post` (id and secret in the form body):
 * the method Auth0, Okta, Azure AD, Keycloak and Salesforce all accept.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { systemClock, type Clock, type HttpTransport } from '../ports/index.js';

/** The step id token requests carry, so transports and cassettes can tell them apart. */
export const OAUTH_TOKEN_STEP_ID = '__oauth_token__';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
  audience?: string | undefined;
}

export interface TokenRequestContext {
  transport: HttpTransport;
  signal: AbortSignal;
  maxResponseBytes?: number;
}

export interface OAuthTokenCache {
  getToken(credentials: ClientCredentials, context: TokenRequestContext): Promise<string>;
  /**
   * Forgets a token the API rejected (401), so the next call fetches a new one. Only that
   * token: when concurrent steps all get 401, the first one's fresh token survives the others.
   */
  invalidate(credentials: ClientCredentials, rejectedToken: string): void;
}

interface CachedToken {
  accessToken: string;
  refreshAt: number;
}

const DEFAULT_LIFETIME_S = 3600;
const MAX_REFRESH_MARGIN_MS = 60_000;

function cacheKey(c: ClientCredentials): string {
  return [c.tokenUrl, c.clientId, c.scope ?? '', c.audience ?? ''].join('\n');
}

async function requestToken(credentials: ClientCredentials, context: TokenRequestContext): Promise<{ accessToken: string; lifetimeMs: number }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret });
  if (credentials.scope) form.set('scope', credentials.scope);
  if (credentials.audience) form.set('audience', credentials.audience);
  const response = await context.transport.send({
    stepId: OAUTH_TOKEN_STEP_ID,
    method: 'POST',
    url: credentials.tokenUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    signal: context.signal,
    maxResponseBytes: context.maxResponseBytes ?? 1024 * 1024,
    maxRedirects: 0,
  });
  let parsed: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(response.bodyText) as typeof parsed;
  } catch {
    // handled below: no access_token
  }
  if (response.status < 200 || response.status >= 300 || typeof parsed.access_token !== 'string' || parsed.access_token === '') {
    const reason = typeof parsed.error === 'string' ? `${parsed.error}${typeof parsed.error_description === 'string' ? `: ${parsed.error_description}` : ''}` : response.status >= 300 ? `status ${response.status}` : 'no access_token in the answer';
    throw new ConnectorError('HTTP_ERROR', `The OAuth token request to ${credentials.tokenUrl} failed (${reason}).`, {
      hint: 'Check the token URL and the client id / client secret credentials (and the scope or audience if the provider needs one).',
    });
  }
  const expiresIn = Number(parsed.expires_in);
  const lifetimeS = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S;
  return { accessToken: parsed.access_token, lifetimeMs: lifetimeS * 1000 };
}

export function createOAuthTokenCache(clock: Clock = systemClock): OAuthTokenCache {
  const tokens = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<string>>();

  return {
    async getToken(credentials, context) {
      const key = cacheKey(credentials);
      const cached = tokens.get(key);
      if (cached && clock.now() < cached.refreshAt) return cached.accessToken;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const fetching = requestToken(credentials, context)
        .then(({ accessToken, lifetimeMs }) => {
          // Refresh a little before expiry: 10 % of the lifetime, at most a minute.
          const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs * 0.1);
          tokens.set(key, { accessToken, refreshAt: clock.now() + lifetimeMs - margin });
          return accessToken;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, fetching);
      return fetching;
    },
    invalidate(credentials, rejectedToken) {
      const key = cacheKey(credentials);
      if (tokens.get(key)?.accessToken === rejectedToken) tokens.delete(key);
    },
  };
}
