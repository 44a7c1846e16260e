/**
 * A cassette recorded against one environment replays under any other: requests match on the
 * URL with `{{env.x}}` left as placeholders, while a changed input or path still does not match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../executor/runConnector.js';
import { createRedactor } from '../redaction/index.js';
import { createRecordingTransport, createReplayTransport, type Cassette } from '../transport/index.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, secretsFrom } from '../test-helpers/connectors.js';
import { runTestCases } from '../testing/runTestCases.js';
import { replayUrlFor } from './replayUrl.js';
import { envVariablesOf, placeholderEnvironment } from './placeholders.js';

const ENV_SECRET = 'PLANTED-env-partner-7781';
const CREDENTIAL = 'PLANTED-crm-key-3310';
let sandbox: TestServer;

beforeAll(async () => {
  sandbox = await createTestServer({
    '/v1/contacts/search': (req) => reply.json({ results: [{ id: `c-${req.query.region}`, phone: req.query.phone }] }),
    '/v1/contacts/c-eu': reply.json({ name: 'Ada' }),
  });
});
afterAll(() => sandbox.close());

const connector = () => makeConnector({
  inputs: [{ name: 'phone', type: 'string', required: true }],
  auth: { type: 'api_key', in: 'query', name: 'key', value: '{{credentials.crm_key}}' },
  steps: [
    { id: 'search', url: '{{env.base_url}}/v1/contacts/search', query: [{ key: 'phone', value: '{{phone}}' }, { key: 'region', value: '{{env.region}}' }], headers: [{ key: 'x-partner', value: '{{env.partner_key}}' }], outputs: [{ name: 'id', path: '$.results[0].id' }] },
    { id: 'contact', url: '{{env.base_url}}/v1/contacts/{{search.id}}', outputs: [{ name: 'name', path: '$.name' }] },
  ],
  edges: [{ id: 'e1', source: 'search', target: 'contact' }],
  fieldMappings: [{ source: 'contact.name', target: 'first_name' }],
  tests: [
    { name: 'found', mode: 'replay', cassette: 'found.json', environment: 'sandbox', inputs: { phone: '+15551234567' }, expect: { status: 'success', contact: { first_name: 'Ada' } } },
  ],
});

const sandboxEnv = () => ({ name: 'sandbox', variables: { base_url: sandbox.url, region: 'eu' }, secrets: { partner_key: ENV_SECRET } });
const productionEnv = { name: 'production', variables: { base_url: 'https://api.production.invalid', region: 'us' }, secrets: { partner_key: 'another-production-secret' } };

async function record(): Promise<Cassette> {
  const redactor = createRedactor({ crm_key: CREDENTIAL });
  const recorder = createRecordingTransport(createFetchTransport(), redactor);
  const result = await runConnector(connector(), { inputs: { phone: '+15551234567' }, transport: recorder, secrets: secretsFrom({ crm_key: CREDENTIAL }), redactor, environment: sandboxEnv() });
  expect(result.status).toBe('success');
  return recorder.toCassette('test-connector', { environment: result.environment });
}

describe('replay across environments', () => {
  let cassette: Cassette;
  beforeAll(async () => {
    cassette = await record();
  });

  it('records the environment and the env-neutral match URL, with no secret in the file', () => {
    expect(cassette.environment).toBe('sandbox');
    const search = cassette.interactions[0]!.request;
    expect(search.url.startsWith(sandbox.url)).toBe(true); // what was really sent, for reading
    expect(decodeURIComponent(search.matchUrl!)).toBe('{{env.base_url}}/v1/contacts/search?phone=+15551234567&region={{env.region}}&key={{credentials.crm_key}}');
    const text = JSON.stringify(cassette);
    expect(text).not.toContain(ENV_SECRET);
    expect(text).not.toContain(CREDENTIAL);
  });

  it('replays under another environment (other base URL, region and secret) with no network', async () => {
    const hits = sandbox.requests.length;
    const result = await runConnector(connector(), {
      inputs: { phone: '+15551234567' },
      transport: createReplayTransport(cassette, { redactor: createRedactor({ crm_key: 'a-different-key' }) }),
      secrets: secretsFrom({ crm_key: 'a-different-key' }),
      environment: productionEnv,
    });
    expect(result.status).toBe('success');
    expect(result.environment).toBe('production');
    expect(result.contact).toEqual({ first_name: 'Ada' });
    expect(sandbox.requests.length).toBe(hits);
  });

  it('still tells requests apart: another input is not in the cassette', async () => {
    const result = await runConnector(connector(), { inputs: { phone: '+10000000000' }, transport: createReplayTransport(cassette), secrets: secretsFrom({ crm_key: '{{credentials.crm_key}}' }), environment: productionEnv });
    expect(result.status).toBe('failed');
    expect(result.steps[0]!.error).toMatchObject({ code: 'MOCK_MISSING', message: expect.stringContaining('phone=+10000000000&region={{env.region}}') });
  });

  it('stored replay tests run offline with placeholders and report their environment', async () => {
    const [result] = await runTestCases(connector(), { loadCassette: async () => cassette });
    expect(result).toMatchObject({ name: 'found', environment: 'sandbox', passed: true });
    // Without a named environment the cassette's own one is reported.
    const unnamed = makeConnector({ ...connector(), tests: [{ name: 'found', mode: 'replay', cassette: 'found.json', inputs: { phone: '+15551234567' }, expect: { status: 'success' } }] });
    expect((await runTestCases(unnamed, { loadCassette: async () => cassette }))[0]).toMatchObject({ environment: 'sandbox', passed: true });
  });

  it('a mock test uses the named environment\'s values when the caller knows them', async () => {
    const c = makeConnector({
      steps: [{ id: 'a', url: '{{env.base_url}}/x', condition: "{{env.region}} === 'eu'", mock: { body: { ok: true } } }],
      tests: [{ name: 'eu only', mode: 'mock', environment: 'sandbox', expect: { steps: { a: 'success' } } }],
    });
    const known = (name: string) => (name === 'sandbox' ? { name, variables: { region: 'eu' } } : undefined);
    expect((await runTestCases(c, { loadCassette: async () => cassette, environment: known }))[0]).toMatchObject({ passed: true, environment: 'sandbox' });
    // Without the values the condition reads the placeholder, so the step is skipped: a readable mismatch, not a crash.
    expect((await runTestCases(c, { loadCassette: async () => cassette }))[0]!.mismatches).toEqual([expect.stringContaining('expected step "a" to be success, it was skipped')]);
  });
});

describe('replayUrlFor', () => {
  const scope = { inputs: { id: 'a/b' }, credentials: {}, steps: {}, env: { base_url: 'https://sandbox.test', tenant: 't 1' } };
  it('leaves environment variables as placeholders and resolves everything else as sent', () => {
    const step = makeConnector({ steps: [{ id: 's', url: '{{env.base_url}}/{{env.tenant}}/items/{{id}}' }] }).steps[0]!;
    expect(decodeURIComponent(replayUrlFor(step, { type: 'none' }, scope)!)).toBe('{{env.base_url}}/{{env.tenant}}/items/a/b');
  });
  it('is undefined for a step that uses no environment variable (the URL is matched as before)', () => {
    const step = makeConnector({ steps: [{ id: 's', url: 'https://x.test/{{id}}' }] }).steps[0]!;
    expect(replayUrlFor(step, { type: 'none' }, scope)).toBeUndefined();
  });
  it('lists the variables a connector uses, for placeholder environments', () => {
    expect(envVariablesOf(connector())).toEqual(['base_url', 'partner_key', 'region']);
    expect(placeholderEnvironment(connector()).variables).toEqual({ base_url: 'https://base-url.env.invalid', partner_key: '{{env.partner_key}}', region: '{{env.region}}' });
  });
});
