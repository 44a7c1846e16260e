/**
 * A local stand-in for a Supabase project, for tests: GoTrue's and PostgREST's HTTP APIs
 * (the subset the app uses) over a real PostgreSQL or PGlite, on 127.0.0.1.
 * Talk to it with @supabase/supabase-js unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuthConfig, authError, currentUser, logout, passwordGrant, refreshGrant } from './auth.js';
import { isApiRole, type JwtClaims } from './claims.js';
import type { SqlDatabase } from './database.js';
import { HttpError, postgrestError } from './errors.js';
import { callRpc, readTable, type RestResponse } from './rest.js';
import { signApiKey, verifyToken } from './tokens.js';

export interface GatewayOptions {
  db: SqlDatabase;
  jwtSecret: string;
  /** Access token lifetime (GoTrue's default is one hour). */
  accessTokenTtlSeconds?: number;
  port?: number;
}

/** A network fault for the next matching request: dropped before it runs, or after it committed. */
export interface GatewayFault {
  path: string;
  when: 'before' | 'after-commit';
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface Gateway {
  url: string;
  anonKey: string;
  serviceKey: string;
  db: SqlDatabase;
  /** Requests served, by `METHOD path` (for tests and benchmarks that count round trips). */
  stats: { requests: number; byRoute: Map<string, number> };
  injectFault(fault: GatewayFault): void;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, apikey, content-type, x-client-info, accept-profile, content-profile, prefer, x-supabase-api-version, range',
  'access-control-expose-headers': 'content-range, x-supabase-api-version',
};
const AUTH_API_VERSION = '2024-01-01';

async function readBody(req: http.IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw postgrestError(413, 'PGRST413', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const parseJsonObject = (raw: string): Record<string, unknown> => {
  try {
    const value = raw.trim() ? (JSON.parse(raw) as unknown) : {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw authError(400, 'bad_json', 'Could not parse request body as JSON');
};

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { db, jwtSecret } = options;
  const anonKey = await signApiKey('anon', jwtSecret);
  const serviceKey = await signApiKey('service_role', jwtSecret);
  const faults: Array<Required<GatewayFault>> = [];
  const stats = { requests: 0, byRoute: new Map<string, number>() };
  // Filled in once the port (and so the issuer URL) is known.
  const auth: { config?: AuthConfig } = {};

  /** Kong's apikey check, then PostgREST's: the bearer token's claims (or the key's). */
  async function requestClaims(req: http.IncomingMessage, url: URL): Promise<JwtClaims> {
    const apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get('apikey') ?? undefined;
    if (!apikey) throw new HttpError(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
    const key = await verifyToken(apikey, jwtSecret);
    if (!key.ok) throw new HttpError(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
    const authorization = req.headers.authorization;
    if (!authorization) return key.claims as JwtClaims;
    if (!authorization.startsWith('Bearer ')) throw postgrestError(401, 'PGRST301', 'Authorization header must be a Bearer token');
    const verified = await verifyToken(authorization.slice(7), jwtSecret);
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? postgrestError(401, 'PGRST303', 'JWT expired')
        : postgrestError(401, 'PGRST301', verified.message);
    }
    const role = verified.claims.role ?? 'anon';
    if (!isApiRole(role)) throw postgrestError(401, 'PGRST301', `role "${String(role)}" does not exist`);
    return verified.claims as JwtClaims;
  }

  async function route(req: http.IncomingMessage, url: URL): Promise<RestResponse> {
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path.startsWith('/auth/v1/')) {
      await requestClaims(req, new URL(url)); // the apikey gate applies to auth too
      const versionHeaders = { 'content-type': JSON_TYPE, 'x-supabase-api-version': AUTH_API_VERSION };
      if (method === 'POST' && path === '/auth/v1/token') {
        const body = parseJsonObject(await readBody(req));
        const grant = url.searchParams.get('grant_type');
        if (grant === 'password') return { status: 200, headers: versionHeaders, body: JSON.stringify(await passwordGrant(auth.config!, body)) };
        if (grant === 'refresh_token') return { status: 200, headers: versionHeaders, body: JSON.stringify(await refreshGrant(auth.config!, body)) };
        throw authError(400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported by the test gateway`);
      }
      if (method === 'POST' && path === '/auth/v1/logout') {
        await logout(auth.config!, req.headers.authorization, url.searchParams.get('scope') ?? 'global');
        return { status: 204, headers: { 'x-supabase-api-version': AUTH_API_VERSION } };
      }
      if (method === 'GET' && path === '/auth/v1/user') {
        return { status: 200, headers: versionHeaders, body: JSON.stringify(await currentUser(auth.config!, req.headers.authorization)) };
      }
      throw authError(404, 'not_found', `${method} ${path} is not implemented by the test gateway`);
    }

    if (path.startsWith('/rest/v1/')) {
      const claims = await requestClaims(req, url);
      const rest = path.slice('/rest/v1/'.length);
      const profile = (req.headers['accept-profile'] ?? req.headers['content-profile']) as string | undefined;
      if (profile && profile !== 'public') {
        throw postgrestError(406, 'PGRST106', `The schema must be one of the following: public`);
      }
      if (rest.startsWith('rpc/') && method === 'POST') {
        return callRpc(db, claims, decodeURIComponent(rest.slice(4)), await readBody(req), req.headers.accept);
      }
      if (!rest.includes('/') && (method === 'GET' || method === 'HEAD')) {
        return readTable(db, claims, decodeURIComponent(rest), url.searchParams, {
          head: method === 'HEAD',
          accept: req.headers.accept,
          prefer: req.headers.prefer as string | undefined,
        });
      }
      throw postgrestError(405, 'PGRST117', `${method} ${path} is not supported: the app writes through RPC functions only`);
    }

    throw new HttpError(404, { message: 'no route matched with those values' });
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      stats.requests += 1;
      const routeKey = `${req.method} ${url.pathname}`;
      stats.byRoute.set(routeKey, (stats.byRoute.get(routeKey) ?? 0) + 1);

      const faultIndex = faults.findIndex((f) => f.path === url.pathname);
      const fault = faultIndex === -1 ? undefined : faults[faultIndex]!;
      if (fault) {
        fault.times -= 1;
        if (fault.times <= 0) faults.splice(faultIndex, 1);
        if (fault.when === 'before') {
          req.socket.destroy();
          return;
        }
      }

      let response: RestResponse;
      try {
        response = await route(req, url);
      } catch (error) {
        const httpError = error instanceof HttpError ? error : postgrestError(500, 'PGRST000', error instanceof Error ? error.message : String(error));
        const headers: Record<string, string> = { 'content-type': JSON_TYPE };
        if (url.pathname.startsWith('/auth/v1/')) headers['x-supabase-api-version'] = AUTH_API_VERSION;
        response = { status: httpError.status, headers, body: JSON.stringify(httpError.body) };
      }
      if (fault?.when === 'after-commit') {
        // The work is committed; the client never hears about it.
        req.socket.destroy();
        return;
      }
      res.writeHead(response.status, { ...CORS_HEADERS, ...response.headers });
      res.end(req.method === 'HEAD' ? undefined : response.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  auth.config = { db, jwtSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600, issuer: `${url}/auth/v1` };

  return {
    url,
    anonKey,
    serviceKey,
    db,
    stats,
    injectFault(fault) {
      faults.push({ times: 1, ...fault });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';
