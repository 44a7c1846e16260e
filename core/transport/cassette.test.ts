import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cassetteInputs, createMockTransport, createRecordingTransport, createReplayTransport, type Cassette } from './index.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createRedactor } from '../redaction/index.js';
import { runConnector } from '../executor/runConnector.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, noSecrets, secretsFrom } from '../test-helpers/connectors.js';
import { createFakeClock } from '../test-helpers/fakeClock.js';

const SECRET = 'planted-Secret+value/42';
let api: TestServer;

beforeAll(async () => {
  api = await createTestServer({
    '/search': (req) => (req.query.key === SECRET ? reply.json({ results: [{ id: 'c1' }], echo: req.query.key }) : reply.json({ error: 'bad key' }, { status: 401 })),
    '/contact/c1': [reply.status(503), reply.json({ id: 'c1', name: 'Ada' })],
  });
});
afterAll(() => api.close());

function connector() {
  return makeConnector({
    inputs: [{ name: 'phone', type: 'phone', required: true }],
    auth: { type: 'api_key', in: 'query', name: 'key', value: '{{credentials.crm_key}}' },
    steps: [
      { id: 'search', url: `${api.url}/search`, query: [{ key: 'phone', value: '{{phone}}' }], outputs: [{ name: 'id', path: '$.results[0].id' }] },
      { id: 'contact', url: `${api.url}/contact/{{search.id}}`, outputs: [{ name: 'name', path: '$.name' }] },
    ],
    edges: [{ id: 'e1', source: 'search', target: 'contact' }],
    fieldMappings: [{ source: 'contact.name', target: 'first_name' }],
    settings: { maxRetries: 2 },
  });
}

describe('record and replay', () => {
  let cassette: Cassette;

  it('records a live run into a redacted cassette', async () => {
    const recorder = createRecordingTransport(createFetchTransport(), createRedactor({ crm_key: SECRET }));
    const record = await runConnector(connector(), { inputs: { phone: '+15551234567' }, transport: recorder, secrets: secretsFrom({ crm_key: SECRET }), random: () => 0 });
    expect(record.status).toBe('success');
    cassette = recorder.toCassette('test-connector');
    const text = JSON.stringify(cassette);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(text).toContain('{{credentials.crm_key}}');
    // the 503 and the retry that succeeded are both recorded
    expect(cassette.interactions.map((i) => `${i.stepId}:${i.response?.status}`)).toEqual(['search:200', 'contact:503', 'contact:200']);
  });

  it('keeps the run\'s inputs, redacted, and says when and where it was recorded', async () => {
    const recorder = createRecordingTransport(createMockTransport(connector()), createRedactor({ crm_key: SECRET }));
    const clock = createFakeClock(Date.UTC(2026, 0, 2, 3, 4, 5));
    const recorded = recorder.toCassette('test-connector', { clock, environment: 'staging', inputs: { phone: '+15551234567', note: `key ${SECRET}`, vip: true, score: 3, none: null } });
    expect(recorded).toMatchObject({ recordedAt: '2026-01-02T03:04:05.000Z', environment: 'staging' });
    expect(recorded.inputs).toEqual({ phone: '+15551234567', note: 'key {{credentials.crm_key}}', vip: true, score: 3, none: null });
    expect(cassetteInputs(recorded)).toEqual(recorded.inputs);
    // Older cassettes have none, and a hand-edited value that is not plain is not offered as an input.
    expect(recorder.toCassette('test-connector')).not.toHaveProperty('inputs');
    expect(cassetteInputs({ ...recorded, inputs: undefined })).toBeUndefined();
    expect(cassetteInputs({ ...recorded, inputs: { phone: { nested: 1 } } as never })).toBeUndefined();
    expect(cassetteInputs({ ...recorded, inputs: ['+1'] as never })).toBeUndefined();
  });

  it('replays it with no network, deterministically, without the real credential', async () => {
    await api.close();
    const hitsBefore = api.requests.length;
    for (let i = 0; i < 2; i += 1) {
      const record = await runConnector(connector(), {
        inputs: { phone: '+15551234567' },
        transport: createReplayTransport(cassette),
        secrets: { get: (name: string) => `{{credentials.${name}}}` },
        random: () => 0,
      });
      expect(record.status).toBe('success');
      expect(record.contact).toEqual({ first_name: 'Ada' });
      expect(record.steps[1]?.attempts.map((a) => a.status)).toEqual([503, 200]);
    }
    expect(api.requests.length).toBe(hitsBefore);
  });

  it('matches the recording when the live secret is given and a redactor normalises it', async () => {
    const record = await runConnector(connector(), {
      inputs: { phone: '+15551234567' },
      transport: createReplayTransport(cassette, { redactor: createRedactor({ crm_key: SECRET }) }),
      secrets: secretsFrom({ crm_key: SECRET }),
      random: () => 0,
    });
    expect(record.status).toBe('success');
  });

  it('fails with MOCK_MISSING naming the request the cassette lacks', async () => {
    const record = await runConnector(connector(), { inputs: { phone: '+10000000000' }, transport: createReplayTransport(cassette), secrets: { get: (n: string) => `{{credentials.${n}}}` } });
    expect(record.status).toBe('failed');
    expect(record.steps[0]?.error).toMatchObject({ code: 'MOCK_MISSING', message: expect.stringContaining('phone=+10000000000') });
  });
});

describe('createMockTransport', () => {
  it('serves canned status, headers and body; MOCK_MISSING with a hint for a step without mock', async () => {
    const c = makeConnector({
      steps: [
        { id: 'a', url: 'https://api.invalid/a', outputs: [{ name: 'v', path: '$.v' }], mock: { status: 201, headers: { 'X-Thing': '1' }, body: { v: 42 } } },
        { id: 'b', url: 'https://api.invalid/b' },
      ],
    });
    const transport = createMockTransport(c);
    const signal = new AbortController().signal;
    const res = await transport.send({ stepId: 'a', method: 'GET', url: 'https://api.invalid/a', headers: {}, signal, maxResponseBytes: 1000, maxRedirects: 0 });
    expect(res).toMatchObject({ status: 201, headers: { 'x-thing': '1', 'content-type': 'application/json' }, bodyText: '{"v":42}' });
    await expect(transport.send({ stepId: 'b', method: 'GET', url: 'https://api.invalid/b', headers: {}, signal, maxResponseBytes: 1000, maxRedirects: 0 })).rejects.toMatchObject({ code: 'MOCK_MISSING', hint: expect.stringMatching(/editor|live/) });
  });

  it('simulates latency on the clock, a reset and a timeout that never answers', async () => {
    const clock = createFakeClock();
    const c = makeConnector({
      steps: [
        { id: 'slow', url: 'https://api.invalid/s', mock: { latencyMs: 2_000, body: {} } },
        { id: 'reset', url: 'https://api.invalid/r', mock: { fault: 'reset' } },
        { id: 'hang', url: 'https://api.invalid/h', mock: { fault: 'timeout' } },
      ],
    });
    const transport = createMockTransport(c, { clock });
    const base = { method: 'GET', url: 'https://api.invalid/', headers: {}, maxResponseBytes: 1000, maxRedirects: 0 };
    let done = false;
    const slow = transport.send({ ...base, stepId: 'slow', signal: new AbortController().signal }).then(() => (done = true));
    expect(await clock.waitForSleep()).toBe(2_000);
    expect(done).toBe(false);
    await clock.advance(2_000);
    await slow;
    await expect(transport.send({ ...base, stepId: 'reset', signal: new AbortController().signal })).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: /ECONNRESET/ });
    await expect(transport.send({ ...base, stepId: 'hang', signal: AbortSignal.timeout(30) })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('runs a whole connector offline with a timeout fault ending as a failed step', async () => {
    const c = makeConnector({ steps: [{ id: 'hang', url: 'https://api.invalid/h', timeoutMs: 1_000, maxRetries: 0, mock: { fault: 'timeout' } }] });
    const clock = createFakeClock();
    const run = runConnector(c, { inputs: {}, transport: createMockTransport(c, { clock }), secrets: noSecrets, clock });
    await clock.waitForSleep((ms) => ms === 1_000);
    await clock.advance(1_000);
    const record = await run;
    expect(record.status).toBe('failed');
    expect(record.steps[0]?.error?.code).toBe('TIMEOUT');
  });
});
