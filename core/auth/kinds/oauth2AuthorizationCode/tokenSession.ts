/**
 * One connection's tokens during runs: hands out the access token, refreshes it shortly before it
 * expires or after the API rejected it, and writes the refreshed set back to the credential. One
 * refresh at a time: parallel steps that need a fresh token all wait for the same request, so a
 * run refreshes once however many steps got a 401 (refresh tokens may be single-use).
 */
import type { AuthContext } from '../authKind.js';
import { refreshTokens, type TokenClient } from './tokenEndpoint.js';
import { parseTokenSet, serializeTokenSet, type TokenSet } from './tokenSet.js';

/** Refresh this long before the stated expiry, so a request does not leave with a token about to die. */
const EXPIRY_MARGIN_MS = 30_000;

export class TokenSession {
  private tokens: TokenSet | undefined;
  /** The credential value the tokens came from (or were last written as). */
  private source: string | undefined;
  private refreshing: Promise<TokenSet> | undefined;
  /**
   * Values this session has refreshed away from. A run resolves the credential once, at its start,
   * so a later step still passes the old value: that must not make it parse and refresh again.
   */
  private readonly superseded = new Set<string>();

  constructor(readonly connection: string) {}

  async accessToken(value: string, client: () => TokenClient, context: AuthContext): Promise<string> {
    // A new value (Reconnect, or another process refreshed) replaces what this session knew.
    if (value !== this.source && !this.refreshing && !this.superseded.has(value)) {
      this.tokens = parseTokenSet(value);
      this.source = value;
    }
    let tokens = this.tokens as TokenSet;
    if (this.refreshing || (tokens.expiresAt !== undefined && context.clock.now() >= tokens.expiresAt - EXPIRY_MARGIN_MS)) {
      tokens = await this.refresh(client, context);
    }
    return tokens.accessToken;
  }

  /** After a 401 with `rejected`: the next request refreshes. False when there is nothing to refresh with. */
  rejected(rejected: string | undefined): boolean {
    if (!this.tokens?.refreshToken) return false;
    if (rejected !== undefined && this.tokens.accessToken === rejected) this.tokens = { ...this.tokens, expiresAt: 0 };
    return true;
  }

  private refresh(client: () => TokenClient, context: AuthContext): Promise<TokenSet> {
    this.refreshing ??= (async () => {
      const tokens = this.tokens as TokenSet;
      if (tokens.refreshToken) context.onSecret('oauth_refresh_token', tokens.refreshToken);
      const fresh = await refreshTokens(client(), tokens, this.connection, context);
      context.onSecret('oauth_access_token', fresh.accessToken);
      if (fresh.refreshToken) context.onSecret('oauth_refresh_token', fresh.refreshToken);
      const value = serializeTokenSet(fresh);
      context.onSecret(this.connection, value);
      await context.saveCredential?.(this.connection, value);
      if (this.source !== undefined) this.superseded.add(this.source);
      this.tokens = fresh;
      this.source = value;
      return fresh;
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }
}

/** The session for a connection, shared through `context.sessions`. */
export function tokenSession(connection: string, context: AuthContext): TokenSession {
  const key = `oauth2_authorization_code\n${connection}`;
  let session = context.sessions.get(key);
  if (!(session instanceof TokenSession)) {
    session = new TokenSession(connection);
    context.sessions.set(key, session);
  }
  return session as TokenSession;
}
