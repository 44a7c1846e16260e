import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthTokenCache } from './index.js';
import { runConnector } from '../executor/runConnector.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, secretsFrom } from '../test-helpers/connectors.js';
import { createFakeClock } from '../test-helpers/fakeClock.js';

const CLIENT_SECRET = 'client-secret-Zx9!';
let server: TestServer;
let issued = 0;
let revoked = new Set<string>();

beforeAll(async () => {
  server = await createTestServer({
    '/token': (req) => {
      const form = new URLSearchParams(req.body);
      if (form.get('client_secret') !== CLIENT_SECRET) return reply.json({ error: 'invalid_client', error_description: 'bad secret' }, { status: 401 });
      issued += 1;
      return reply.json({ access_token: `tok-${issued}`, token_type: 'Bearer', expires_in: 100 });
    },
    '/data': (req) => {
      const token = (req.headers.authorization ?? '').replace('Bearer ', '');
      if (!token.startsWith('tok-') || revoked.has(token)) return reply.json({ error: 'expired' }, { status: 401 });
      return reply.json({ token }, { delayMs: 30 });
    },
  });
});
afterAll(() => server.close());

function connector(clientSecretRef = '{{credentials.client_secret}}') {
  return makeConnector({
    auth: { type: 'oauth2_client_credentials', tokenUrl: `${server.url}/token`, clientId: 'my-client', clientSecret: clientSecretRef, scope: 'contacts.read' },
    steps: [
      { id: 'a', url: `${server.url}/data`, outputs: [{ name: 'token', path: '$.token' }] },
      { id: 'b', url: `${server.url}/data` },
      { id: 'c', url: `${server.url}/data` },
    ],
    edges: [{ id: 'e1', source: 'a', target: 'c' }],
  });
}
const secrets = secretsFrom({ client_secret: CLIENT_SECRET });

describe('OAuth2 client credentials', () => {
  it('fetches one token for concurrent steps, sends it as Bearer, posts the client credentials as a form', async () => {
    const before = server.hits('/token').length;
    const record = await runConnector(connector(), { inputs: {}, transport: createFetchTransport(), secrets });
    expect(record.status).toBe('success');
    expect(server.hits('/token').length - before).toBe(1);
    const tokenRequest = server.hits('/token').at(-1);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({ grant_type: 'client_credentials', client_id: 'my-client', client_secret: CLIENT_SECRET, scope: 'contacts.read' });
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const token = record.steps[0]?.outputs.token;
    // the access token is redacted in the record, like a credential
    expect(token).toBe('{{credentials.oauth_access_token}}');
    expect(JSON.stringify(record)).not.toMatch(/tok-\d/);
    expect(JSON.stringify(record)).not.toContain(CLIENT_SECRET);
  });

  it('reuses a cached token across runs and refreshes it shortly before expiry', async () => {
    const clock = createFakeClock();
    const tokenCache = createOAuthTokenCache(clock);
    const transport = createFetchTransport();
    const seen: string[] = [];
    const run = async () => {
      await runConnector(connector(), { inputs: {}, transport, secrets, clock, tokenCache });
      seen.push(server.hits('/data').at(-1)?.headers.authorization ?? '');
    };
    await run();
    await clock.advance(85_000); // lifetime 100 s, refreshed 10 s before the end
    await run();
    await clock.advance(6_000);
    await run();
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[1]);
  });

  it('fetches a fresh token once when the API rejects the cached one with 401', async () => {
    const clock = createFakeClock();
    const tokenCache = createOAuthTokenCache(clock);
    const transport = createFetchTransport();
    await runConnector(connector(), { inputs: {}, transport, secrets, clock, tokenCache });
    revoked = new Set(server.hits('/data').map((r) => (r.headers.authorization ?? '').replace('Bearer ', '')));
    const tokensBefore = server.hits('/token').length;
    const record = await runConnector(connector(), { inputs: {}, transport, secrets, clock, tokenCache, random: () => 0 });
    expect(record.status).toBe('success');
    expect(server.hits('/token').length - tokensBefore).toBe(1);
    expect(record.steps[0]?.attempts.map((a) => a.status)).toEqual([401, 200]);
  });

  it('fails the step with a hint when the token endpoint refuses the client, without leaking the secret', async () => {
    const record = await runConnector(connector(), { inputs: {}, transport: createFetchTransport(), secrets: secretsFrom({ client_secret: 'wrong-secret-123' }) });
    expect(record.status).toBe('failed');
    const error = record.steps.find((s) => s.status === 'failed')?.error;
    expect(error).toMatchObject({ code: 'HTTP_ERROR', message: expect.stringContaining('invalid_client'), hint: expect.stringContaining('client id') });
    expect(JSON.stringify(record)).not.toContain('wrong-secret-123');
  });
});
