/**
 * The OAuth 2.0 authorization-code calls (`oauth.*`, issue 13) and their shapes. The renderer sends the auth block as
 * the connector holds it (references only); the host resolves the client's credentials from the
 * vault, runs the sign-in and stores the tokens in the credential the block's `tokens` names.
 */
import { z } from 'zod';
import { IDENTIFIER } from '#core';
import { call, type DomainCallSpecs } from './call.js';

const credentialName = z.string().regex(IDENTIFIER, 'a credential name uses letters, digits and _').max(100);

export const OAuthConnectParamsSchema = z.object({
  auth: z.object({
    type: z.literal('oauth2_authorization_code'),
    authorizationUrl: z.string().max(2000),
    tokenUrl: z.string().max(2000),
    clientId: z.string().max(2000),
    clientSecret: z.string().max(2000).optional(),
    scope: z.string().max(2000).optional(),
    extraParams: z.array(z.object({ key: z.string().min(1).max(200), value: z.string().max(2000) })).max(20).optional(),
    tokens: z.string().max(200),
  }),
}).strict();

export const OAuthConnectResultSchema = z.object({
  flowId: z.string(),
  authorizationUrl: z.string(),
  /** True when the host opened the system browser itself (desktop); otherwise the page opens a tab. */
  opened: z.boolean(),
});

export const OAuthConnectionStatusSchema = z.object({
  credential: z.string(),
  connected: z.boolean(),
  /** Who the tokens act for, when the provider said (an email, a name, an identity URL). */
  subject: z.string().nullable(),
  /** When the access token expires (ms since the epoch); null: unknown. */
  expiresAt: z.number().nullable(),
  scopes: z.array(z.string()),
  /** A refresh token is stored: runs renew the access token without the user. */
  refreshable: z.boolean(),
});
export type OAuthConnectionStatus = z.infer<typeof OAuthConnectionStatusSchema>;

export const OAuthFlowParamsSchema = z.object({ flowId: z.string().min(1).max(100) }).strict();
export const OAuthCredentialParamsSchema = z.object({ credential: credentialName }).strict();

export const oauthCalls = {
  /** OAuth 2.0 authorization code: starts a sign-in (loopback redirect); `oauth.finish` waits for it and stores the tokens. */
  'oauth.connect': call(OAuthConnectParamsSchema, OAuthConnectResultSchema),
  'oauth.finish': call(OAuthFlowParamsSchema, OAuthConnectionStatusSchema),
  'oauth.status': call(OAuthCredentialParamsSchema, OAuthConnectionStatusSchema),
  /** Forgets the connection's tokens (the credential is deleted from the vault). */
  'oauth.disconnect': call(OAuthCredentialParamsSchema, OAuthConnectionStatusSchema),
} satisfies DomainCallSpecs<'oauth'>;
