/**
 * Applies a connector's or step's auth to a prepared request. Auth values are templates
 * (`{{credentials.crm_token}}`); `resolve` turns one into text with the run's scope.
 * Every derived secret (a Basic token, an OAuth access token) is reported through
 * `onSecret` so the redactor knows it before anything is recorded.
 */
import type { Auth } from '../schema/connector.js';
import type { HttpTransport } from '../ports/index.js';
import { base64Encode } from '../redaction/base64.js';
import type { OAuthTokenCache } from './oauthTokenCache.js';

export interface AuthContext {
  resolve: (template: string) => string;
  tokenCache: OAuthTokenCache;
  transport: HttpTransport;
  signal: AbortSignal;
  onSecret: (name: string, value: string) => void;
  maxResponseBytes?: number;
}

export interface AuthorizedRequest {
  url: string;
  headers: Record<string, string>;
  /** The headers auth set (lower-case): they carry a credential, whatever their name. */
  credentialHeaders: string[];
  /** The OAuth access token used, so a 401 can invalidate exactly that one. */
  accessToken?: string | undefined;
}

export async function applyAuth(auth: Auth | undefined, request: { url: string; headers: Record<string, string> }, context: AuthContext): Promise<AuthorizedRequest> {
  const headers = { ...request.headers };
  switch (auth?.type ?? 'none') {
    case 'none':
      return { url: request.url, headers, credentialHeaders: [] };
    case 'bearer': {
      const token = context.resolve((auth as Extract<Auth, { type: 'bearer' }>).token);
      context.onSecret('bearer_token', token);
      headers.authorization = `Bearer ${token}`;
      return { url: request.url, headers, credentialHeaders: ['authorization'] };
    }
    case 'api_key': {
      const { in: where, name, value } = auth as Extract<Auth, { type: 'api_key' }>;
      const key = context.resolve(value);
      context.onSecret('api_key', key);
      if (where === 'header') {
        headers[name.toLowerCase()] = key;
        return { url: request.url, headers, credentialHeaders: [name.toLowerCase()] };
      }
      const url = new URL(request.url);
      url.searchParams.set(name, key);
      return { url: url.toString(), headers, credentialHeaders: [] };
    }
    case 'basic': {
      const { username, password } = auth as Extract<Auth, { type: 'basic' }>;
      const token = base64Encode(`${context.resolve(username)}:${context.resolve(password)}`);
      context.onSecret('basic_auth', token);
      headers.authorization = `Basic ${token}`;
      return { url: request.url, headers, credentialHeaders: ['authorization'] };
    }
    case 'oauth2_client_credentials': {
      const oauth = auth as Extract<Auth, { type: 'oauth2_client_credentials' }>;
      const clientSecret = context.resolve(oauth.clientSecret);
      context.onSecret('oauth_client_secret', clientSecret);
      const accessToken = await context.tokenCache.getToken(
        { tokenUrl: context.resolve(oauth.tokenUrl), clientId: context.resolve(oauth.clientId), clientSecret, scope: oauth.scope, audience: oauth.audience },
        { transport: context.transport, signal: context.signal, maxResponseBytes: context.maxResponseBytes },
      );
      context.onSecret('oauth_access_token', accessToken);
      headers.authorization = `Bearer ${accessToken}`;
      return { url: request.url, headers, credentialHeaders: ['authorization'], accessToken };
    }
  }
}
