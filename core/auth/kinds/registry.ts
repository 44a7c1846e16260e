/**
 * The auth kinds, one line each. `AuthSchema` (the document's `auth` blocks) and `AUTH_KINDS`
 * (what the executor, validator, redactor, exporter and editor ask) are both derived from this
 * list, so a kind cannot exist in one without the other. See docs/contributing/adding-an-auth-kind.md.
 */
import { z } from 'zod';
import type { AuthKindDefinition } from './authKind.js';
import { apiKey } from './apiKey.js';
import { basic } from './basic.js';
import { bearer } from './bearer.js';
import { none } from './none.js';
import { oauth2ClientCredentials } from './oauth2ClientCredentials.js';
import { oauth2AuthorizationCode } from './oauth2AuthorizationCode/index.js';

const KINDS = [
  none,
  bearer,
  apiKey,
  basic,
  oauth2ClientCredentials,
  oauth2AuthorizationCode,
] as const satisfies readonly AuthKindDefinition[];

type Kind = (typeof KINDS)[number];
type KindSchema = Kind['schema'];

/**
 * Auth values are templates that must reference credentials (`{{credentials.crm_token}}`,
 * or the interchange spelling `{{workspace.crm_token}}`) — never literal secrets.
 */
export const AuthSchema = z.discriminatedUnion('type', KINDS.map((kind) => kind.schema) as unknown as [KindSchema, ...KindSchema[]]);
export type Auth = z.infer<typeof AuthSchema>;
export type AuthType = Auth['type'];

/** Every kind by its `type`, each typed with its own block. */
export const AUTH_KINDS = Object.fromEntries(KINDS.map((kind) => [kind.type, kind])) as unknown as {
  [K in AuthType]: Extract<Kind, { type: K }>;
};
export const AUTH_TYPES = KINDS.map((kind) => kind.type) as AuthType[];

/** The definition for a block, typed loosely enough to call with the block itself. */
export function authKindOf(auth: Auth): AuthKindDefinition {
  return AUTH_KINDS[auth.type] as unknown as AuthKindDefinition;
}
