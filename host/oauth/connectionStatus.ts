/** What the editor shows about a connection credential; never a token. */
import { authorizationCode } from '#core';
import type { OAuthConnectionStatus } from '../../contract/hostApi.js';

export function connectionStatus(credential: string, value: string | undefined): OAuthConnectionStatus {
  if (value === undefined || value === '') return { credential, connected: false, subject: null, expiresAt: null, scopes: [], refreshable: false };
  const tokens = authorizationCode.parseTokenSet(value);
  return { credential, connected: true, subject: tokens.subject ?? null, expiresAt: tokens.expiresAt ?? null, scopes: tokens.scopes, refreshable: tokens.refreshToken !== undefined };
}
