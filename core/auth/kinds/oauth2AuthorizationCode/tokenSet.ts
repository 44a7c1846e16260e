/**
 * What the connection credential holds: the token set Connect / `auth login` stored (JSON), or a
 * bare access token pasted by hand (a private app token, or the placeholder offline runs resolve
 * to), which is used as is and cannot be refreshed.
 */
import { base64UrlDecode } from './base64Url.js';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string | undefined;
  /** Clock time the access token expires at (ms); absent: unknown, used until the API says 401. */
  expiresAt?: number | undefined;
  scopes: string[];
  /** Who the tokens act for, when the provider says (id_token email/name, Salesforce's identity URL). */
  subject?: string | undefined;
}

const MARKER = 'oauth2_token_set';

export function serializeTokenSet(tokens: TokenSet): string {
  return JSON.stringify({ [MARKER]: 1, ...tokens });
}

export function parseTokenSet(value: string): TokenSet {
  if (value.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      if (parsed[MARKER] === 1 && typeof parsed.accessToken === 'string') {
        return {
          accessToken: parsed.accessToken,
          refreshToken: typeof parsed.refreshToken === 'string' ? parsed.refreshToken : undefined,
          expiresAt: typeof parsed.expiresAt === 'number' ? parsed.expiresAt : undefined,
          scopes: Array.isArray(parsed.scopes) ? parsed.scopes.filter((s): s is string => typeof s === 'string') : [],
          subject: typeof parsed.subject === 'string' ? parsed.subject : undefined,
        };
      }
    } catch {
      // not a token set: a bare token below
    }
  }
  return { accessToken: value, scopes: [] };
}

/** RFC 6749 §5.1 answer → token set. A refresh that returns no new refresh token keeps the old one (§6). */
export function tokenSetFromResponse(body: Record<string, unknown>, now: number, previous?: TokenSet): TokenSet {
  const expiresIn = Number(body.expires_in);
  const scope = typeof body.scope === 'string' ? body.scope : undefined;
  return {
    accessToken: String(body.access_token),
    refreshToken: typeof body.refresh_token === 'string' && body.refresh_token !== '' ? body.refresh_token : previous?.refreshToken,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
    scopes: scope !== undefined ? scope.split(/[\s,]+/).filter(Boolean) : previous?.scopes ?? [],
    subject: subjectOf(body) ?? previous?.subject,
  };
}

/** Display only (never trusted for access): the id_token's email or name, or Salesforce's identity URL. */
function subjectOf(body: Record<string, unknown>): string | undefined {
  if (typeof body.id_token === 'string') {
    try {
      const claims = JSON.parse(base64UrlDecode(body.id_token.split('.')[1] ?? '')) as Record<string, unknown>;
      for (const key of ['email', 'preferred_username', 'name', 'sub']) if (typeof claims[key] === 'string') return claims[key];
    } catch {
      // an id_token we cannot read: no subject
    }
  }
  if (typeof body.id === 'string') return body.id;
  return undefined;
}
