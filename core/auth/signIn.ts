/**
 * An auth kind whose credential is filled by signing in in a browser ("Connect", `connector-studio
 * auth login`) provides this part; kinds without one say `signIn: null`. The kind builds the page to
 * open and turns the browser's redirect into the credential's value; the host owns everything
 * around it (the loopback listener, opening the browser, the vault), the same for every such kind.
 */
import type { Clock, HttpTransport } from '../ports/index.js';

/** Randomness and hashing, from the host (core has no crypto of its own). Both base64url, unpadded. */
export interface SignInCrypto {
  randomBase64Url(bytes: number): string;
  sha256Base64Url(text: string): Promise<string>;
}

export interface SignInContext {
  /** Credential values the block's client fields resolve with (the vault's, or the CLI's store and environment). */
  credentials: Readonly<Record<string, string>>;
  /** Where the user stores a missing credential, for messages ("the Credentials panel"). */
  credentialsPlace: string;
  /** Where the browser comes back to (RFC 8252 §7.3 loopback: `http://127.0.0.1:<port>/callback`). */
  redirectUri: string;
  crypto: SignInCrypto;
  transport: HttpTransport;
  clock: Clock;
}

export interface SignInAttempt {
  /** The page the user's browser opens. */
  url: string;
  /** The redirect's query → the value the connection credential keeps (after checking the answer). */
  complete(query: URLSearchParams, signal: AbortSignal): Promise<string>;
}

/** What the editor and the CLI say about a stored connection; never a token. */
export interface ConnectionDetails {
  /** Who it acts for, when the provider said. */
  subject: string | null;
  /** When the access expires (ms since the epoch); null: unknown. */
  expiresAt: number | null;
  scopes: string[];
  /** Runs can renew it without the user. */
  refreshable: boolean;
}

export interface SignInDefinition<A> {
  /** The credential the block keeps its connection in ('' while the block names none). */
  connection(auth: A): string;
  /** Checks the block and its credentials (a missing client id is named) and builds the sign-in. */
  start(auth: A, context: SignInContext): Promise<SignInAttempt>;
  describe(value: string): ConnectionDetails;
}
