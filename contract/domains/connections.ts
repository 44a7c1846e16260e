/**
 * The `connections.*` calls and their shapes: Connect for any auth kind that signs in (today OAuth 2.0
 * authorization code). The renderer sends the auth block as the connector holds it (references
 * only); the host resolves the client's credentials from the vault, runs the sign-in and stores the
 * result in the credential the block names.
 */
import { z } from 'zod';
import { AuthSchema } from '#core';
import { call, type DomainCallSpecs } from './call.js';

/** Bounded before it is parsed: a block is a few hundred characters, never megabytes. */
const authBlock = z.custom<unknown>((value) => JSON.stringify(value ?? null).length <= 20_000, 'the auth block is too large').pipe(AuthSchema);

export const ConnectParamsSchema = z.object({ auth: authBlock }).strict();

export const ConnectResultSchema = z.object({
  flowId: z.string(),
  authorizationUrl: z.string(),
  /** True when the host opened the system browser itself (desktop); otherwise the page opens a tab. */
  opened: z.boolean(),
});

export const ConnectionStatusSchema = z.object({
  credential: z.string(),
  connected: z.boolean(),
  /** Who the connection acts for, when the provider said (an email, a name, an identity URL). */
  subject: z.string().nullable(),
  /** When the access expires (ms since the epoch); null: unknown. */
  expiresAt: z.number().nullable(),
  scopes: z.array(z.string()),
  /** Runs renew the access without the user (a refresh token is stored). */
  refreshable: z.boolean(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

export const SignInFlowParamsSchema = z.object({ flowId: z.string().min(1).max(100) }).strict();
/** The block whose connection is asked about; its credential is the one the block names. */
export const ConnectionParamsSchema = z.object({ auth: authBlock }).strict();

export const connectionsCalls = {
  /** Connect for an auth kind that signs in: starts it (loopback redirect); `connections.finish` waits for it and stores the result. */
  'connections.connect': call(ConnectParamsSchema, ConnectResultSchema),
  'connections.finish': call(SignInFlowParamsSchema, ConnectionStatusSchema),
  'connections.status': call(ConnectionParamsSchema, ConnectionStatusSchema),
  /** Forgets the connection (its credential is deleted from the vault). */
  'connections.disconnect': call(ConnectionParamsSchema, ConnectionStatusSchema),
} satisfies DomainCallSpecs<'connections'>;
