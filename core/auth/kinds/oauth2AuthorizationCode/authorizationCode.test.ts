import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runConnector } from '../../../executor/runConnector.js';
import { createFetchTransport } from '../../../../host/http/createFetchTransport.js';
import { createAuthorizationServer, makeConnector, type AuthorizationServer } from '../../../test-helpers/index.js';
import type { SecretResolver } from '../../../ports/index.js';
import { exchangeCode, authorizationUrl, readAuthorizationResponse, parseTokenSet, serializeTokenSet, type TokenSet } from './index.js';
import { createHash, randomBytes } from 'node:crypto';

let server: AuthorizationServer;
beforeAll(async () => { server = await createAuthorizationServer({ tokenDelayMs: 40 }); });
afterAll(() => server.close());

const transport = createFetchTransport();
const clock = { now: Date.now, sleep: async () => {} };

/** Signs in as the host would (the browser's redirect followed by hand) and returns the stored value. */
async function connect(): Promise<TokenSet> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1:9/callback';
  const url = authorizationUrl({ authorizationUrl: `${server.url}/authorize`, clientId: server.clientId, redirectUri, scope: 'contacts', state: 'st', codeChallenge: createHash('sha256').update(verifier).digest('base64url') });
  const location = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
  return exchangeCode({ tokenUrl: `${server.url}/token`, clientId: server.clientId }, { code: readAuthorizationResponse(location.searchParams, 'st'), redirectUri, codeVerifier: verifier }, { transport, clock, signal: new AbortController().signal });
}

/** A vault of one credential that records what runs write back. */
function vault(initial: string): SecretResolver & { value: string; writes: number } {
  const store = { value: initial, writes: 0, get: (name: string) => (name === 'crm_oauth' ? store.value : undefined), set: (_name: string, value: string) => { store.value = value; store.writes += 1; } };
  return store;
}

// Three steps in parallel, each calling the protected API.
const connector = () => makeConnector({
  auth: { type: 'oauth2_authorization_code', authorizationUrl: `${server.url}/authorize`, tokenUrl: `${server.url}/token`, clientId: server.clientId, scope: 'contacts', tokens: '{{credentials.crm_oauth}}' },
  steps: ['a', 'b', 'c'].map((id) => ({ id, url: `${server.url}/api/me`, outputs: [{ name: 'email', path: '$.email' }] })),
});

describe('OAuth 2.0 authorization code: runs', () => {
  let refreshesBefore = 0;
  beforeEach(() => { refreshesBefore = server.grants.filter((g) => g === 'refresh_token').length; });
  const refreshes = () => server.grants.filter((g) => g === 'refresh_token').length - refreshesBefore;

  it('sends the stored access token; nothing secret reaches the record', async () => {
    const tokens = await connect();
    const secrets = vault(serializeTokenSet(tokens));
    const record = await runConnector(connector(), { inputs: {}, transport, secrets });
    expect(record.status).toBe('success');
    expect(record.steps.map((s) => s.outputs.email)).toEqual(['alice@example.com', 'alice@example.com', 'alice@example.com']);
    expect(refreshes()).toBe(0);
    const text = JSON.stringify(record);
    expect(text).not.toContain(tokens.accessToken);
    expect(text).not.toContain(tokens.refreshToken);
  });

  it('refreshes an expired access token once for three parallel steps, and stores the new set', async () => {
    const tokens = await connect();
    const secrets = vault(serializeTokenSet({ ...tokens, expiresAt: Date.now() - 1000 }));
    const record = await runConnector(connector(), { inputs: {}, transport, secrets });
    expect(record.status).toBe('success');
    expect(refreshes()).toBe(1);
    expect(secrets.writes).toBe(1);
    const stored = parseTokenSet(secrets.value);
    expect(stored.accessToken).not.toBe(tokens.accessToken);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify(record)).not.toContain(stored.accessToken);
    expect(JSON.stringify(record)).not.toContain(stored.refreshToken);
  });

  it('after a 401 on all three parallel steps (token killed early), refreshes exactly once and retries each', async () => {
    const secrets = vault(serializeTokenSet(await connect()));
    server.expireAccessTokens();
    const record = await runConnector(connector(), { inputs: {}, transport, secrets });
    expect(record.status).toBe('success');
    expect(refreshes()).toBe(1);
    for (const step of record.steps) expect(step.attempts.map((a) => a.status)).toEqual([401, 200]);
    expect(record.steps[0]?.attempts[0]?.retryReason).toBe('token-refresh');
  });

  it('tells the user the connection was revoked and how to reconnect (RFC 6749 §5.2 invalid_grant on refresh)', async () => {
    const secrets = vault(serializeTokenSet({ ...(await connect()), expiresAt: Date.now() - 1000 }));
    server.revokeRefreshTokens();
    const record = await runConnector(connector(), { inputs: {}, transport, secrets });
    expect(record.status).toBe('failed');
    expect(refreshes()).toBe(1);
    const error = record.steps.find((s) => s.status === 'failed')?.error;
    expect(error?.message).toBe('The OAuth connection "crm_oauth" was revoked or has expired (invalid_grant: The refresh token is invalid or was revoked.).');
    expect(error?.hint).toContain('press Reconnect');
    expect(error?.hint).toContain('connector-studio auth login <connector file> --credential crm_oauth');
  });

  it('uses a pasted access token as is (no refresh token: a 401 is not retried)', async () => {
    server.expireAccessTokens();
    const record = await runConnector(connector(), { inputs: {}, transport, secrets: vault('pasted-token-123') });
    expect(record.status).toBe('failed');
    expect(record.steps[0]?.attempts.map((a) => a.status)).toEqual([401]);
    expect(refreshes()).toBe(0);
  });
});
