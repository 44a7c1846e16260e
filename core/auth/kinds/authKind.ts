/**
 * What an auth kind is made of. Every kind (`core/auth/kinds/<kind>.ts`) is one
 * `defineAuthKind({...})` with all of these parts, and `registry.ts` lists it once; the executor,
 * validator, redactor, exporter and editor ask the registry instead of switching on `auth.type`.
 * Leaving a part out is a compile error.
 */
import type { z } from 'zod';
import type { Clock, HttpTransport } from '../../ports/index.js';
import type { OAuthTokenCache } from '../oauthTokenCache.js';
import type { SignInDefinition } from '../signIn.js';

export interface AuthContext {
  /** Turns a template (`{{credentials.crm_token}}`) into text with the run's scope. */
  resolve: (template: string) => string;
  tokenCache: OAuthTokenCache;
  /**
   * State a kind keeps between requests (a token session), under a key of its own: shared by the
   * run's steps, and by several runs when the caller passes the same map.
   */
  sessions: Map<string, unknown>;
  /** Writes a credential back (a refreshed token set). Absent where credentials are read-only. */
  saveCredential?: ((name: string, value: string) => Promise<void>) | undefined;
  clock: Clock;
  transport: HttpTransport;
  signal: AbortSignal;
  /** Every derived secret (a Basic token, an access token) goes here before anything is recorded. */
  onSecret: (name: string, value: string) => void;
  maxResponseBytes?: number | undefined;
}

export interface AuthRequest {
  url: string;
  headers: Record<string, string>;
}

export interface AuthorizedRequest extends AuthRequest {
  /** The headers auth set (lower-case): they carry a credential, whatever their name. */
  credentialHeaders: string[];
  /** The access token used, so a 401 can invalidate exactly that one. */
  accessToken?: string | undefined;
}

/** Where an auth block sends the credentials of some of its fields (for template update checks). */
export interface AuthCarrier {
  fields: readonly string[];
  /** `header Authorization`, `query api_key`, `OAuth token request`. */
  carrier: string;
  /** The field holding the URL they go to; null: the step's own URL. */
  urlField: string | null;
}

/** How the kind is written in the SaaS's interchange format. */
export type InterchangeMapping = { export: 'as-is' } | { export: 'unsupported'; reason: string; hint: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any object schema; the definition below ties every part to it
export type AuthKindSchema = z.ZodObject<any>;
type Fields<S extends AuthKindSchema> = Exclude<keyof z.output<S>, 'type'> & string;

export interface AuthKindDefinition<S extends AuthKindSchema = AuthKindSchema> {
  type: z.output<S>['type'];
  /** The name the editor and messages use: "Bearer token". */
  label: string;
  /** The few words a canvas node's auth badge has room for: "Bearer", "OAuth 2.0". */
  shortLabel: string;
  schema: S;
  /** A new, empty block of this kind (the editor switches to it). */
  empty(): z.output<S>;
  /** Fields whose value is a secret: they must be credential references, never literals. */
  secretFields: readonly Fields<S>[];
  /** Fields holding templates, checked and listed by the validator. */
  templateFields: readonly Fields<S>[];
  apply(auth: z.output<S>, request: AuthRequest, context: AuthContext): Promise<AuthorizedRequest>;
  /**
   * After a 401: forgets the token the API rejected so the next attempt gets a fresh one, and says
   * whether retrying at once is worth it. null: the kind has nothing to refresh.
   */
  refreshOnUnauthorized: ((auth: z.output<S>, rejected: AuthorizedRequest, context: AuthContext) => boolean) | null;
  carriers(auth: z.output<S>): AuthCarrier[];
  /**
   * Signing in in a browser (Connect) fills one of its credentials; null: every credential is typed.
   * Install asks for a connection after, not before.
   */
  signIn: SignInDefinition<z.output<S>> | null;
  interchange: InterchangeMapping;
}

/** Checks a kind's definition against its own schema (every part present, fields that exist). */
export function defineAuthKind<S extends AuthKindSchema>(definition: AuthKindDefinition<S>): AuthKindDefinition<S> {
  return definition;
}
