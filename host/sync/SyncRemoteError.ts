/**
 * Why talking to Supabase failed: `offline` (no answer: retry later, nothing lost),
 * `session` (the sign-in is no longer accepted), `revoked` (the workspace membership is
 * gone), `server` (any other refusal).
 */
export class SyncRemoteError extends Error {
  override name = 'SyncRemoteError';

  constructor(
    readonly kind: 'offline' | 'session' | 'revoked' | 'server',
    message: string,
  ) {
    super(message);
  }
}
