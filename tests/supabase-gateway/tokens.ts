/** HS256 JWTs as Supabase issues them: API keys (anon, service_role) and user access tokens. */
import { jwtVerify, SignJWT, errors as joseErrors, type JWTPayload } from 'jose';
import type { ApiRole } from './claims.js';

export const encodeSecret = (secret: string) => new TextEncoder().encode(secret);

export async function signApiKey(role: Extract<ApiRole, 'anon' | 'service_role'>, secret: string): Promise<string> {
  return new SignJWT({ role, iss: 'supabase-gateway' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('10y')
    .sign(encodeSecret(secret));
}

export async function signAccessToken(claims: JWTPayload, secret: string, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, iat: now, exp: now + ttlSeconds })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(encodeSecret(secret));
}

export type VerifyResult =
  | { ok: true; claims: JWTPayload & Record<string, unknown> }
  | { ok: false; reason: 'expired' | 'invalid'; message: string };

export async function verifyToken(token: string, secret: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, encodeSecret(secret), { algorithms: ['HS256'] });
    return { ok: true, claims: payload as JWTPayload & Record<string, unknown> };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired', message: 'JWT expired' };
    return { ok: false, reason: 'invalid', message: error instanceof Error ? error.message : 'invalid JWT' };
  }
}
