/**
 * Applying a request's identity the way PostgREST does: inside the request's transaction,
 * `SET LOCAL ROLE <role claim>` (anon without a token) and
 * `set_config('request.jwt.claims', <claims json>, true)`. Shared by the gateway and the
 * database tests so both exercise the exact same mechanism.
 */
import type { SqlDatabase, SqlSession } from './database.js';

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export type JwtClaims = Record<string, unknown> & { role?: string; sub?: string };

export function isApiRole(value: unknown): value is ApiRole {
  return typeof value === 'string' && (API_ROLES as readonly string[]).includes(value);
}

export async function applyClaims(session: SqlSession, claims: JwtClaims): Promise<void> {
  const role = claims.role ?? 'anon';
  // The role is interpolated into SET ROLE, so it must be one of the three API roles.
  if (!isApiRole(role)) {
    throw new Error(`refusing to switch to role "${String(role)}": only ${API_ROLES.join(', ')} are API roles`);
  }
  await session.query(`set local role ${role}`);
  await session.query(`select set_config('request.jwt.claims', $1, true), set_config('search_path', 'public, extensions', true)`, [
    JSON.stringify({ ...claims, role }),
  ]);
}

/** Runs `fn` in one transaction as the given identity; `rollback: true` undoes everything after. */
export async function withClaims<T>(
  db: SqlDatabase,
  claims: JwtClaims,
  fn: (session: SqlSession) => Promise<T>,
  options: { rollback?: boolean } = {},
): Promise<T> {
  if (!options.rollback) {
    return db.transaction(async (session) => {
      await applyClaims(session, claims);
      return fn(session);
    });
  }
  let result: T | undefined;
  const rollback = new RollbackSignal();
  try {
    await db.transaction(async (session) => {
      await applyClaims(session, claims);
      result = await fn(session);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return result as T;
}

class RollbackSignal extends Error {
  constructor() {
    super('rollback requested');
  }
}

export const anonClaims = (): JwtClaims => ({ role: 'anon' });
export const userClaims = (userId: string, email?: string): JwtClaims => ({
  role: 'authenticated',
  aud: 'authenticated',
  sub: userId,
  ...(email ? { email } : {}),
});
export const serviceClaims = (): JwtClaims => ({ role: 'service_role' });
