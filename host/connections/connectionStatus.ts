/** What the editor shows about a connection credential, as its kind describes the stored value; never a token. */
import type { Auth } from '#core';
import type { ConnectionStatus } from '../../contract/hostApi.js';
import { signInOf } from './signInFlow.js';

export function connectionStatus(auth: Auth, credential: string, value: string | undefined): ConnectionStatus {
  if (value === undefined || value === '') return { credential, connected: false, subject: null, expiresAt: null, scopes: [], refreshable: false };
  return { credential, connected: true, ...signInOf(auth).describe(value) };
}
