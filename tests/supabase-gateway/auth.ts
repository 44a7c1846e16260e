/**
 * The GoTrue subset supabase-js uses: password sign-in, refresh (rotating refresh tokens
 * kept in auth.refresh_tokens), logout, and the current user. Runs as the database owner,
 * like GoTrue's own role.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SqlDatabase } from './database.js';
import { HttpError } from './errors.js';
import { signAccessToken, verifyToken } from './tokens.js';

export interface AuthConfig {
  db: SqlDatabase;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  issuer: string;
}

interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: string | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at`;

/** GoTrue's error shape for API version 2024-01-01: `{code, msg}` (plus error_code for older clients). */
export const authError = (status: number, code: string, msg: string) => new HttpError(status, { code, error_code: code, msg });

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value as string | null));

export function toUserJson(user: UserRow) {
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email,
    email_confirmed_at: iso(user.email_confirmed_at),
    confirmed_at: iso(user.email_confirmed_at),
    phone: '',
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    identities: [],
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    is_anonymous: false,
  };
}

async function issueSession(config: AuthConfig, user: UserRow, sessionId: string, parent: string | null) {
  const refreshToken = randomBytes(24).toString('base64url');
  await config.db.query(`insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)`, [
    refreshToken,
    user.id,
    sessionId,
    parent,
  ]);
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await signAccessToken(
    {
      iss: config.issuer,
      aud: 'authenticated',
      sub: user.id,
      email: user.email,
      phone: '',
      app_metadata: user.raw_app_meta_data,
      user_metadata: user.raw_user_meta_data,
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    },
    config.jwtSecret,
    config.accessTokenTtlSeconds,
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: config.accessTokenTtlSeconds,
    expires_at: now + config.accessTokenTtlSeconds,
    refresh_token: refreshToken,
    user: toUserJson(user),
  };
}

export async function passwordGrant(config: AuthConfig, body: Record<string, unknown>) {
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  if (!email || !password) throw authError(400, 'validation_failed', 'Email and password are required');
  const { rows } = await config.db.query<UserRow>(
    `update auth.users set last_sign_in_at = now()
     where email = $1 and encrypted_password = extensions.crypt($2, encrypted_password)
     returning ${USER_COLUMNS}`,
    [email, password],
  );
  const user = rows[0];
  if (!user) throw authError(400, 'invalid_credentials', 'Invalid login credentials');
  return issueSession(config, user, randomUUID(), null);
}

export async function refreshGrant(config: AuthConfig, body: Record<string, unknown>) {
  const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
  if (!token) throw authError(400, 'validation_failed', 'refresh_token is required');
  const { rows } = await config.db.query<{ user_id: string; session_id: string; revoked: boolean }>(
    `select user_id, session_id, revoked from auth.refresh_tokens where token = $1`,
    [token],
  );
  const found = rows[0];
  if (!found) throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (found.revoked) throw authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  const revoked = await config.db.query(`update auth.refresh_tokens set revoked = true where token = $1 and not revoked`, [token]);
  if (revoked.rowCount !== 1) throw authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  const user = (await config.db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [found.user_id])).rows[0];
  if (!user) throw authError(400, 'user_not_found', 'User from refresh token no longer exists');
  return issueSession(config, user, found.session_id, token);
}

async function requireUserToken(config: AuthConfig, authorization: string | undefined) {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  const verified = token ? await verifyToken(token, config.jwtSecret) : null;
  if (!verified || !verified.ok || verified.claims.role !== 'authenticated' || typeof verified.claims.sub !== 'string') {
    throw authError(401, 'bad_jwt', verified && !verified.ok ? `invalid JWT: ${verified.message}` : 'This endpoint requires a valid user JWT');
  }
  return verified.claims as { sub: string; session_id?: string };
}

export async function logout(config: AuthConfig, authorization: string | undefined, scope: string) {
  const claims = await requireUserToken(config, authorization);
  if (scope === 'others') {
    await config.db.query(`update auth.refresh_tokens set revoked = true where user_id = $1 and session_id <> $2`, [claims.sub, claims.session_id ?? null]);
  } else if (scope === 'local') {
    await config.db.query(`update auth.refresh_tokens set revoked = true where session_id = $1`, [claims.session_id ?? null]);
  } else {
    await config.db.query(`update auth.refresh_tokens set revoked = true where user_id = $1`, [claims.sub]);
  }
}

export async function currentUser(config: AuthConfig, authorization: string | undefined) {
  const claims = await requireUserToken(config, authorization);
  if (claims.session_id) {
    const live = await config.db.query(`select 1 from auth.refresh_tokens where session_id = $1 and not revoked limit 1`, [claims.session_id]);
    if (live.rows.length === 0) throw authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  const user = (await config.db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [claims.sub])).rows[0];
  if (!user) throw authError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  return toUserJson(user);
}
