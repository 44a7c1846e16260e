/** OAuth 2.0 client credentials (RFC 6749 §4.4): a token bought with the client's secret, cached in oauthTokenCache. */
import { z } from 'zod';
import { defineAuthKind, type AuthContext } from './authKind.js';

const schema = z.object({
  type: z.literal('oauth2_client_credentials'),
  tokenUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  scope: z.string().optional(),
  audience: z.string().optional(),
});
type ClientCredentialsAuth = z.output<typeof schema>;

const credentialsOf = (auth: ClientCredentialsAuth, context: AuthContext, clientSecret: string) => ({
  tokenUrl: context.resolve(auth.tokenUrl),
  clientId: context.resolve(auth.clientId),
  clientSecret,
  scope: auth.scope,
  audience: auth.audience,
});

export const oauth2ClientCredentials = defineAuthKind({
  type: 'oauth2_client_credentials',
  label: 'OAuth 2.0 client credentials',
  shortLabel: 'OAuth 2.0 client',
  schema,
  empty: () => ({ type: 'oauth2_client_credentials' as const, tokenUrl: '', clientId: '', clientSecret: '' }),
  secretFields: ['clientSecret'],
  templateFields: ['tokenUrl', 'clientId', 'clientSecret', 'scope', 'audience'],
  async apply(auth, request, context) {
    const clientSecret = context.resolve(auth.clientSecret);
    context.onSecret('oauth_client_secret', clientSecret);
    const accessToken = await context.tokenCache.getToken(credentialsOf(auth, context, clientSecret), {
      transport: context.transport,
      signal: context.signal,
      ...(context.maxResponseBytes === undefined ? {} : { maxResponseBytes: context.maxResponseBytes }),
    });
    context.onSecret('oauth_access_token', accessToken);
    return { url: request.url, headers: { ...request.headers, authorization: `Bearer ${accessToken}` }, credentialHeaders: ['authorization'], accessToken };
  },
  // The token may just have expired early: forget it, and the retry buys a new one.
  refreshOnUnauthorized(auth, rejected, context) {
    if (rejected.accessToken) context.tokenCache.invalidate(credentialsOf(auth, context, ''), rejected.accessToken);
    return true;
  },
  carriers: () => [
    // The client secret goes to the token URL; the access token it buys goes to the step's URL.
    { fields: ['clientId', 'clientSecret', 'tokenUrl'], carrier: 'OAuth token request', urlField: 'tokenUrl' },
    { fields: ['clientId', 'clientSecret', 'tokenUrl'], carrier: 'header Authorization (OAuth access token)', urlField: null },
  ],
  signIn: null,
  interchange: {
    export: 'unsupported',
    reason: 'The interchange format has no OAuth 2.0 client-credentials auth',
    hint: 'In the editor, set this Auth to bearer, API key or basic, or export in the app format.',
  },
});
