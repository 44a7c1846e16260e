/**
 * Security: a planted secret never appears in any event or in the record, whatever path it
 * takes (auth header, query, body, echoed back in a response body or header, an error
 * message, an extracted output), in any encoding a request puts it in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from './runConnector.js';
import type { RunEvent } from './types.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { base64Encode } from '../redaction/base64.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, secretsFrom } from '../test-helpers/connectors.js';

const PLANTED = {
  crm_token: 'sk-PLANTED-7f3a9c+/=x',
  api_key: 'ak PLANTED&9d8e7f',
  user: 'planted-user-4455',
  pass: 'planted pass:6677',
};

function forbiddenForms(): string[] {
  const forms = new Set<string>();
  for (const value of Object.values(PLANTED)) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(new URLSearchParams({ v: value }).toString().slice(2));
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(base64Encode(value));
  }
  forms.add(base64Encode(`${PLANTED.user}:${PLANTED.pass}`));
  return [...forms];
}

let api: TestServer;
beforeAll(async () => {
  const echo = (status: number) => (req: { headers: Record<string, string>; query: Record<string, string>; body: string }) =>
    reply.json({ got: { headers: req.headers, query: req.query, body: req.body } }, { status, headers: { 'set-cookie': `sid=${PLANTED.crm_token}`, 'x-echo': PLANTED.api_key } });
  api = await createTestServer({ '/echo': echo(200), '/fail': echo(404), '/flaky': [reply.status(503), reply.json({ ok: true })] });
});
afterAll(() => api.close());

describe('a planted secret never leaks', () => {
  it('is absent from every event and the record, in every encoding', async () => {
    const connector = makeConnector({
      auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
      settings: { continueOnError: true },
      steps: [
        {
          id: 'echo',
          method: 'POST',
          url: `${api.url}/echo`,
          query: [{ key: 'k', value: '{{credentials.api_key}}' }],
          headers: [{ key: 'X-Custom', value: 'v={{credentials.crm_token}}' }],
          body: { type: 'json', value: { token: '{{credentials.crm_token}}', note: 'key {{credentials.api_key}}' } },
          outputs: [{ name: 'auth', path: '$.got.headers.authorization' }, { name: 'query', path: '$.got.query.k' }],
        },
        { id: 'form', method: 'POST', url: `${api.url}/echo`, body: { type: 'form', fields: [{ key: 'secret', value: '{{credentials.api_key}}' }] } },
        { id: 'basic', url: `${api.url}/echo`, auth: { type: 'basic', username: '{{credentials.user}}', password: '{{credentials.pass}}' } },
        { id: 'keyq', url: `${api.url}/flaky`, auth: { type: 'api_key', in: 'query', name: 'key', value: '{{credentials.api_key}}' } },
        { id: 'fails', url: `${api.url}/fail?t={{credentials.crm_token}}` },
        { id: 'uses_output', url: `${api.url}/echo`, query: [{ key: 'again', value: '{{echo.auth}}' }] },
      ],
      // Within the limits the executor enforces: 6 steps (advanced), one entry, at most 3 branches.
      advanced: true,
      edges: [['echo', 'uses_output'], ['echo', 'form'], ['form', 'basic'], ['echo', 'keyq'], ['keyq', 'fails']].map(([source, target]) => ({ id: `${source}-${target}`, source: source!, target: target! })),
    });
    const events: RunEvent[] = [];
    const record = await runConnector(connector, { inputs: {}, transport: createFetchTransport(), secrets: secretsFrom(PLANTED), onEvent: (e) => events.push(e), random: () => 0 });

    // the run really sent the secrets (so the test would catch a leak) …
    expect(api.requests.some((r) => r.headers.authorization === `Bearer ${PLANTED.crm_token}`)).toBe(true);
    expect(record.steps.map((s) => s.status)).toEqual(['success', 'success', 'success', 'success', 'failed', 'success']);
    expect(record.steps[4]?.error?.message).toContain('answered 404');
    // … and nothing recorded contains them
    const everything = JSON.stringify({ events, record });
    for (const form of forbiddenForms()) expect(everything.includes(form), `leaked: ${form}`).toBe(false);
    expect(record.steps[0]?.outputs.auth).toBe('Bearer {{credentials.crm_token}}');
    expect(record.steps[0]?.request?.headers['x-custom']).toBe('v={{credentials.crm_token}}');
    expect(record.steps[1]?.response?.headers['set-cookie']).toBe('[redacted]');
  });
});
