/**
 * RunOptions.recordDetail: 'summary' records keep no request/response parts, yet everything
 * else (statuses, attempts, outputs, errors, contact) is what a 'full' record says, and a
 * planted secret still never appears in the record or any event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from './runConnector.js';
import type { ExecutionRecord, RunEvent, StepRecord } from './types.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { base64Encode } from '../redaction/base64.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, secretsFrom } from '../test-helpers/connectors.js';

const PLANTED = { crm_token: 'sk-PLANTED-summary+/=9', api_key: 'ak PLANTED&summary' };

let api: TestServer;
const seenRuns = new Set<string>();
let runCount = 0;
beforeAll(async () => {
  const echo = (status: number) => (req: { headers: Record<string, string>; query: Record<string, string>; body: string }) =>
    reply.json({ got: { headers: req.headers, query: req.query, body: req.body } }, { status, headers: { 'x-echo': PLANTED.api_key } });
  api = await createTestServer({
    '/echo': echo(200),
    '/fail': echo(404),
    // Fails the first call of each run (tagged by ?run=), then answers.
    '/flaky': (req: { query: Record<string, string> }) => (seenRuns.has(req.query.run ?? '') ? reply.json({ ok: true }) : (seenRuns.add(req.query.run ?? ''), reply.status(503))),
  });
});
afterAll(() => api.close());

function secretConnector() {
  runCount += 1;
  return makeConnector({
    auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
    settings: { continueOnError: true },
    steps: [
      {
        id: 'echo',
        method: 'POST',
        url: `${api.url}/echo`,
        query: [{ key: 'k', value: '{{credentials.api_key}}' }],
        body: { type: 'json', value: { token: '{{credentials.crm_token}}' } },
        outputs: [{ name: 'auth', path: '$.got.headers.authorization' }, { name: 'query', path: '$.got.query.k' }],
      },
      { id: 'fails', url: `${api.url}/fail?t={{credentials.crm_token}}` },
      { id: 'flaky', url: `${api.url}/flaky?run=${runCount}`, outputs: [{ name: 'ok', path: '$.ok' }] },
    ],
    edges: [],
  });
}

async function runWith(recordDetail: 'full' | 'summary' | undefined) {
  const events: RunEvent[] = [];
  const record = await runConnector(secretConnector(), {
    inputs: {},
    transport: createFetchTransport(),
    secrets: secretsFrom(PLANTED),
    onEvent: (event) => events.push(event),
    random: () => 0,
    ...(recordDetail ? { recordDetail } : {}),
  });
  return { record, events };
}

/** What a summary keeps of a step: everything but the request/response parts and timings (run tags ignored). */
function comparable(step: StepRecord) {
  return JSON.parse(JSON.stringify({
    id: step.id,
    status: step.status,
    outputs: step.outputs,
    error: step.error,
    warnings: step.warnings,
    attempts: step.attempts.map((attempt) => ({ attempt: attempt.attempt, status: attempt.status, error: attempt.error })),
  }).replace(/run=\d+/g, 'run=N')) as unknown;
}

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  const forms = Object.values(PLANTED).flatMap((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), base64Encode(secret)]);
  return forms.filter((form) => text.includes(form));
}

describe('recordDetail', () => {
  it('defaults to full records with redacted request and response parts', async () => {
    const { record } = await runWith(undefined);
    const echo = record.steps[0] as StepRecord;
    expect(echo.request?.url).toContain(`${api.url}/echo`);
    expect(echo.request?.headers.authorization).toBe('Bearer {{credentials.crm_token}}');
    expect(echo.response?.status).toBe(200);
    expect(echo.response?.body).toContain('got');
    expect(leaks(record)).toEqual([]);
  });

  it('summary: no request or response in any step record or event, the rest as in a full record', async () => {
    const full = await runWith('full');
    const summary = await runWith('summary');

    for (const step of summary.record.steps) {
      expect(Object.hasOwn(step, 'request'), step.id).toBe(false);
      expect(Object.hasOwn(step, 'response'), step.id).toBe(false);
    }
    for (const event of summary.events) {
      if (event.type === 'step.succeeded' || event.type === 'step.failed') {
        expect(event.result.request).toBeUndefined();
        expect(event.result.response).toBeUndefined();
      }
    }
    expect(summary.record.status).toBe(full.record.status);
    expect(summary.record.steps.map(comparable)).toEqual(full.record.steps.map(comparable));
    expect(summary.record.contact).toEqual(full.record.contact);
    // The retried step's attempts still carry each answer's status.
    expect(summary.record.steps[2]?.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
  });

  it('summary: outputs and errors are still redacted; no secret reaches the record or events', async () => {
    const { record, events } = await runWith('summary');
    // The run really sent the secrets, so a leak would show.
    expect(api.requests.some((r) => r.headers.authorization === `Bearer ${PLANTED.crm_token}`)).toBe(true);
    expect(record.steps[0]?.outputs).toEqual({ auth: 'Bearer {{credentials.crm_token}}', query: '{{credentials.api_key}}' });
    const failed = record.steps[1] as StepRecord;
    expect(failed.status).toBe('failed');
    // The HTTP error message quotes the (redacted) URL and body, as in a full record.
    expect(failed.error?.message).toContain('answered 404');
    expect(failed.error?.message).toContain('t={{credentials.crm_token}}');
    expect(failed.error?.message).toContain('Bearer {{credentials.crm_token}}');
    expect(leaks({ record, events })).toEqual([]);
  });

  it('summary: a run with no listener returns the same lean, redacted record', async () => {
    const record: ExecutionRecord = await runConnector(secretConnector(), {
      inputs: {},
      transport: createFetchTransport(),
      secrets: secretsFrom(PLANTED),
      random: () => 0,
      recordDetail: 'summary',
    });
    expect(record.steps.map((step) => step.status)).toEqual(['success', 'failed', 'success']);
    expect(record.steps.every((step) => step.request === undefined && step.response === undefined)).toBe(true);
    expect(leaks(record)).toEqual([]);
  });
});
