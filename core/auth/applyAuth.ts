/**
 * Applies a connector's or step's auth to a prepared request by asking its kind
 * (core/auth/kinds/registry.ts), and after a 401 lets the kind refresh what it holds.
 */
import type { Auth } from '../schema/connector.js';
import type { AuthContext, AuthorizedRequest, AuthRequest } from './kinds/authKind.js';
import { authKindOf } from './kinds/registry.js';

export type { AuthContext, AuthorizedRequest } from './kinds/authKind.js';

export async function applyAuth(auth: Auth | undefined, request: AuthRequest, context: AuthContext): Promise<AuthorizedRequest> {
  const block: Auth = auth ?? { type: 'none' };
  return authKindOf(block).apply(block, request, context);
}

/** True when the kind refreshed what the API rejected and the request is worth sending again at once. */
export function refreshAfterUnauthorized(auth: Auth, rejected: AuthorizedRequest, context: AuthContext): boolean {
  const refresh = authKindOf(auth).refreshOnUnauthorized;
  return refresh ? refresh(auth, rejected, context) : false;
}
