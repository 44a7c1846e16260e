/**
 * The executor end to end against a real HTTP server on 127.0.0.1 that injects faults.
 * Where waiting matters (backoff, Retry-After, timeouts) time is a fake clock; real time is
 * only used for short server delays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from './runConnector.js';
import type { ExecutionRecord, RunEvent, RunOptions } from './types.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createRateLimiterRegistry } from '../ratelimit/createRateLimiterRegistry.js';
import { base64Encode } from '../redaction/base64.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, noSecrets, secretsFrom } from '../test-helpers/connectors.js';
import { createFakeClock, type FakeClock } from '../test-helpers/fakeClock.js';
import type { ConnectorInput } from '../schema/connector.js';

let api: TestServer;
const transport = createFetchTransport();

beforeAll(async () => {
  api = await createTestServer({
    '/ok': (req) => reply.json({ id: 'c_1', path: req.path }),
    '/limits-probe': reply.json({ ok: true }),
    '/slow-a': reply.json({ v: 'a' }, { delayMs: 150 }),
    '/slow-b': reply.json({ v: 'b' }, { delayMs: 150 }),
    '/slow-c': reply.json({ v: 'c' }, { delayMs: 150 }),
    '/echo': (req) => reply.json({ method: req.method, headers: req.headers, query: req.query, body: req.body }),
    '/flaky': [reply.status(503), reply.json({ ok: true })],
    '/flaky-post': [reply.status(503), reply.json({ ok: true })],
    '/flaky-idem': [reply.status(503), reply.json({ ok: true })],
    '/not-found': reply.json({ error: 'no such contact' }, { status: 404 }),
    '/unavailable': reply.status(503),
    '/limited-7': [reply.tooManyRequests('7'), reply.json({ ok: true })],
    '/limited-date': [reply.tooManyRequests(new Date(Date.now() + 3 * 86_400_000).toUTCString()), reply.json({ ok: true })],
    '/limited-long': [reply.tooManyRequests('120'), reply.json({ ok: true })],
    '/storm': reply.tooManyRequests('1'),
    '/limited-pause': [reply.tooManyRequests('7'), reply.json({ ok: true })],
    '/loop': reply.redirect('/loop'),
    '/stall': reply.stall(),
    '/reset-once': [reply.reset(), reply.json({ ok: true })],
    '/malformed': reply.malformedJson(),
    '/big': reply.oversized(200_000),
    '/company-null': reply.json({ companyId: null }),
  });
});
afterAll(() => api.close());

function connector(partial: Partial<ConnectorInput> & { steps: ConnectorInput['steps'] }) {
  return makeConnector({ advanced: true, ...partial });
}

function run(c: ReturnType<typeof connector>, options: Partial<RunOptions> = {}): Promise<ExecutionRecord> {
  return runConnector(c, { inputs: {}, transport, secrets: noSecrets, random: () => 0, ...options });
}

/** Keeps moving a fake clock until the run ends (network I/O happens in real time between moves). */
async function driveClock(clock: FakeClock, done: Promise<unknown>, stepMs: number): Promise<void> {
  let finished = false;
  void done.finally(() => (finished = true));
  for (let i = 0; i < 500 && !finished; i += 1) {
    await clock.advance(stepMs);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('concurrency', () => {
  it('runs parallel branches at the same time and a join only after all of them', async () => {
    const c = connector({
      steps: [
        { id: 'start', url: `${api.url}/ok` },
        { id: 'a', url: `${api.url}/slow-a` },
        { id: 'b', url: `${api.url}/slow-b` },
        { id: 'c', url: `${api.url}/slow-c` },
        { id: 'join', url: `${api.url}/ok` },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'start', target: 'b' },
        { id: 'e3', source: 'start', target: 'c' },
        { id: 'e4', source: 'a', target: 'join' },
        { id: 'e5', source: 'b', target: 'join' },
        { id: 'e6', source: 'c', target: 'join' },
      ],
    });
    const record = await run(c);
    expect(record.status).toBe('success');
    const branches = record.steps.filter((s) => ['a', 'b', 'c'].includes(s.id));
    const latestStart = Math.max(...branches.map((s) => s.startedAt as number));
    const earliestEnd = Math.min(...branches.map((s) => s.finishedAt as number));
    expect(latestStart).toBeLessThan(earliestEnd); // all three intervals overlap
    const served = ['/slow-a', '/slow-b', '/slow-c'].map((p) => api.hits(p).at(-1)!);
    expect(Math.max(...served.map((r) => r.receivedAt))).toBeLessThan(Math.min(...served.map((r) => r.finishedAt ?? Infinity)));
    const join = record.steps.find((s) => s.id === 'join')!;
    expect(join.startedAt).toBeGreaterThanOrEqual(Math.max(...branches.map((s) => s.finishedAt as number)));
  });

  it('emits events in order: run.started, per step started → attempt → succeeded, run.finished with the record', async () => {
    const events: RunEvent[] = [];
    const c = connector({ steps: [{ id: 'a', url: `${api.url}/ok` }, { id: 'b', url: `${api.url}/ok` }], edges: [{ id: 'e', source: 'a', target: 'b' }] });
    const record = await run(c, { onEvent: (e) => events.push(e) });
    expect(events.map((e) => `${e.type}${'stepId' in e ? `:${e.stepId}` : ''}`)).toEqual([
      'run.started',
      'step.started:a',
      'step.attempt:a',
      'step.succeeded:a',
      'step.started:b',
      'step.attempt:b',
      'step.succeeded:b',
      'run.finished',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', record: { runId: record.runId, status: 'success' } });
  });
});

describe('retries', () => {
  it('retries a GET after 503 and records both attempts and the planned wait', async () => {
    const events: RunEvent[] = [];
    const record = await run(connector({ steps: [{ id: 's', url: `${api.url}/flaky` }] }), { onEvent: (e) => events.push(e) });
    expect(record.status).toBe('success');
    expect(record.steps[0]?.attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(events.filter((e) => e.type === 'step.attempt')).toMatchObject([{ attempt: 1, status: 503, retryInMs: 0 }, { attempt: 2, status: 200 }]);
  });

  it('does not retry a POST unless the step is marked idempotent', async () => {
    const post = await run(connector({ steps: [{ id: 's', method: 'POST', url: `${api.url}/flaky-post` }] }));
    expect(post.status).toBe('failed');
    expect(post.steps[0]?.attempts).toHaveLength(1);
    const idem = await run(connector({ steps: [{ id: 's', method: 'POST', idempotent: true, url: `${api.url}/flaky-idem` }] }));
    expect(idem.steps[0]?.attempts.map((a) => a.status)).toEqual([503, 200]);
  });

  it('never retries a 404, and says what to check', async () => {
    const before = api.hits('/not-found').length;
    const record = await run(connector({ steps: [{ id: 's', url: `${api.url}/not-found` }] }));
    expect(api.hits('/not-found').length - before).toBe(1);
    expect(record.steps[0]?.error).toMatchObject({ code: 'HTTP_ERROR', message: expect.stringContaining('answered 404'), hint: expect.stringContaining('URL') });
    expect(record.error?.message).toMatch(/^Step "s" failed/);
  });

  it('retries a reset connection (NETWORK_ERROR) for a GET', async () => {
    const record = await run(connector({ steps: [{ id: 's', url: `${api.url}/reset-once` }] }));
    expect(record.status).toBe('success');
    expect(record.steps[0]?.attempts[0]?.error?.code).toBe('NETWORK_ERROR');
  });

  it('makes at most maxRetries + 1 attempts with full-jitter exponential backoff', async () => {
    const clock = createFakeClock();
    const before = api.hits('/unavailable').length;
    const done = run(connector({ steps: [{ id: 's', url: `${api.url}/unavailable`, maxRetries: 3 }] }), { clock, random: () => 0.5 });
    await driveClock(clock, done, 100);
    const record = await done;
    expect(api.hits('/unavailable').length - before).toBe(4);
    expect(record.steps[0]?.attempts).toHaveLength(4);
    // half of 250, 500, 1000 ms (random = 0.5); the other sleeps are timeouts and the deadline
    expect(clock.requested.filter((ms) => ms < 30_000)).toEqual([125, 250, 500]);
    expect(record.steps[0]?.attempts.map((a) => a.retryReason)).toEqual(['backoff', 'backoff', 'backoff', undefined]);
  });

  it('honours Retry-After in seconds', async () => {
    const clock = createFakeClock();
    const done = run(connector({ steps: [{ id: 's', url: `${api.url}/limited-7` }] }), { clock });
    expect(await clock.waitForSleep((ms) => ms === 7_000)).toBe(7_000);
    await clock.advance(7_000);
    const record = await done;
    expect(record.steps[0]?.attempts.map((a) => a.status)).toEqual([429, 200]);
    // The record says how long it waited and why, so the result summary can show it.
    expect(record.steps[0]?.attempts.map((a) => [a.retryInMs, a.retryReason])).toEqual([[7_000, 'retry-after'], [undefined, undefined]]);
  });

  it('honours Retry-After as an HTTP date, capped at 30 s', async () => {
    const clock = createFakeClock(Date.now());
    // A step timeout unlike the 30 s cap, so the sleep awaited here can only be the Retry-After wait.
    const done = run(connector({ steps: [{ id: 's', url: `${api.url}/limited-date`, timeoutMs: 20_000 }] }), { clock });
    expect(await clock.waitForSleep((ms) => ms < 60_000 && ms !== 20_000)).toBe(30_000);
    await clock.advance(30_000);
    expect((await done).status).toBe('success');
  });

  it('does not wait past the run deadline: fails at once saying why', async () => {
    const clock = createFakeClock();
    const record = await run(connector({ steps: [{ id: 's', url: `${api.url}/limited-long` }] }), { clock, maxExecutionMs: 20_000 });
    expect(record.status).toBe('failed');
    expect(record.steps[0]?.error?.message).toMatch(/Not retried: waiting 30 s would pass the run's deadline/);
  });

  it('cancellation during a backoff sleep ends the run at once as cancelled', async () => {
    const clock = createFakeClock();
    const controller = new AbortController();
    const c = connector({ steps: [{ id: 's', url: `${api.url}/limited-long` }, { id: 'after', url: `${api.url}/ok` }], edges: [{ id: 'e', source: 's', target: 'after' }] });
    const done = run(c, { clock, signal: controller.signal });
    await clock.waitForSleep((ms) => ms === 30_000);
    controller.abort();
    const record = await done;
    expect(record.status).toBe('cancelled');
    expect(record.error?.code).toBe('CANCELLED');
    expect(record.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(record.steps[1]?.skipReason).toBe('run cancelled');
    expect(clock.pending()).toEqual([]); // the backoff, attempt and deadline timers are all gone
  });
});

describe('timeouts and failures', () => {
  it('times an attempt out, retries it, then fails with TIMEOUT', async () => {
    const clock = createFakeClock();
    const c = connector({ steps: [{ id: 's', url: `${api.url}/stall`, maxRetries: 1, timeoutMs: 5_000 }] });
    const done = run(c, { clock });
    await clock.waitForSleep((ms) => ms === 5_000);
    await clock.advance(5_000);
    await clock.waitForSleep((ms) => ms === 5_000 && clock.requested.filter((r) => r === 5_000).length === 2);
    await clock.advance(5_000);
    const record = await done;
    expect(record.status).toBe('failed');
    expect(record.steps[0]?.attempts.map((a) => a.error?.code)).toEqual(['TIMEOUT', 'TIMEOUT']);
    expect(record.steps[0]?.error?.message).toMatch(/no answer within 5000 ms/);
  });

  it('stops the whole run at its deadline with status timeout', async () => {
    const c = connector({
      steps: [
        { id: 'hang', url: `${api.url}/stall`, timeoutMs: 60_000 },
        { id: 'next', url: `${api.url}/ok` },
      ],
      edges: [{ id: 'e', source: 'hang', target: 'next' }],
    });
    const record = await run(c, { maxExecutionMs: 300 });
    expect(record.status).toBe('timeout');
    expect(record.error?.code).toBe('TIMEOUT');
    expect(record.steps[0]?.error?.code).toBe('TIMEOUT');
    expect(record.steps[1]).toMatchObject({ status: 'skipped', skipReason: 'run timed out' });
  });

  it('a failed step aborts the in-flight branches and skips what has not started', async () => {
    const c = connector({
      steps: [
        { id: 'bad', url: `${api.url}/not-found` },
        { id: 'hang', url: `${api.url}/stall` },
        { id: 'after', url: `${api.url}/ok` },
      ],
      edges: [{ id: 'e', source: 'hang', target: 'after' }],
    });
    const record = await run(c);
    expect(record.status).toBe('failed');
    expect(record.steps.map((s) => s.status)).toEqual(['failed', 'failed', 'skipped']);
    expect(record.steps[1]?.error).toMatchObject({ code: 'CANCELLED', message: 'Stopped: Step "bad" failed.' });
    expect(record.steps[2]?.skipReason).toBe('run failed');
  });

  it('continue on error: the run goes on, descendants see null outputs', async () => {
    const c = connector({
      settings: { continueOnError: true },
      steps: [
        { id: 'bad', url: `${api.url}/not-found`, outputs: [{ name: 'id', path: '$.id' }] },
        { id: 'next', url: `${api.url}/echo`, query: [{ key: 'id', value: '{{bad.id}}' }] },
      ],
      edges: [{ id: 'e', source: 'bad', target: 'next' }],
    });
    const record = await run(c);
    expect(record.status).toBe('success');
    expect(record.steps.map((s) => s.status)).toEqual(['failed', 'success']);
    expect(record.steps[1]?.request?.url).toMatch(/\/echo\?id=$/);
  });

  it('RESPONSE_TOO_LARGE is not retried; malformed JSON succeeds with null outputs and a warning', async () => {
    const big = await run(connector({ steps: [{ id: 's', url: `${api.url}/big` }] }), { maxResponseBytes: 50_000 });
    expect(big.steps[0]?.error?.code).toBe('RESPONSE_TOO_LARGE');
    expect(big.steps[0]?.attempts).toHaveLength(1);
    const bad = await run(connector({ steps: [{ id: 's', url: `${api.url}/malformed`, outputs: [{ name: 'name', path: '$.name' }] }] }));
    expect(bad.status).toBe('success');
    expect(bad.steps[0]?.outputs).toEqual({ name: null });
    expect(bad.steps[0]?.warnings?.[0]).toMatch(/not valid JSON/);
  });
});

describe('inputs and credentials', () => {
  const inputs = [
    { name: 'phone', type: 'phone' as const, required: true, label: 'Phone' },
    { name: 'count', type: 'number' as const, default: 5 },
    { name: 'vip', type: 'boolean' as const },
    { name: 'zip', type: 'string' as const },
  ];
  const c = () =>
    connector({
      inputs,
      steps: [{ id: 's', method: 'POST', url: `${api.url}/echo`, query: [{ key: 'phone', value: '{{phone}}' }], body: { type: 'json', value: { phone: '{{phone}}', count: '{{count}}', vip: '{{vip}}', zip: '{{zip}}' } }, outputs: [{ name: 'body', path: '$.body' }] }],
    });

  it('coerces by input type, applies defaults, keeps phone numbers and zip codes as strings', async () => {
    const record = await run(c(), { inputs: { phone: '+15551234567', vip: 'yes', zip: '02134' } });
    expect(record.inputs).toMatchObject({ phone: '+15551234567', count: 5, vip: true, zip: '02134' });
    expect(JSON.parse(record.steps[0]?.outputs.body as string)).toEqual({ phone: '+15551234567', count: 5, vip: true, zip: '02134' });
    expect(api.hits('/echo').at(-1)?.query.phone).toBe('+15551234567');
  });

  it('MISSING_INPUT names the input and how to give it; no request is made', async () => {
    const before = api.requests.length;
    const record = await run(c(), { inputs: { phone: '' } });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ code: 'MISSING_INPUT', message: expect.stringContaining('"phone" (Phone)'), hint: expect.stringContaining('--input phone=') });
    expect(record.steps[0]?.status).toBe('skipped');
    expect(api.requests.length).toBe(before);
  });

  it('rejects a non-numeric value for a number input', async () => {
    const record = await run(c(), { inputs: { phone: '1', count: 'lots' } });
    expect(record.error).toMatchObject({ code: 'MISSING_INPUT', message: expect.stringContaining('must be a number') });
  });

  it('MISSING_CREDENTIAL names the credential and how to set it', async () => {
    const withAuth = connector({ auth: { type: 'bearer', token: '{{credentials.crm_token}}' }, steps: [{ id: 's', url: `${api.url}/ok` }] });
    const record = await run(withAuth);
    expect(record.error).toMatchObject({ code: 'MISSING_CREDENTIAL', message: expect.stringContaining('"crm_token"'), hint: expect.stringContaining('--credential crm_token=') });
  });
});

describe('request building', () => {
  const echoOf = (record: ExecutionRecord, i = 0) => JSON.parse(record.steps[i]?.response?.body ?? '{}') as { method: string; headers: Record<string, string>; query: Record<string, string>; body: string };

  it('sends a JSON body keeping value types, with content-type application/json and custom headers', async () => {
    const c = connector({
      inputs: [{ name: 'n', type: 'number' }],
      steps: [{ id: 's', method: 'PATCH', url: `${api.url}/echo`, headers: [{ key: 'X-Trace', value: 'n={{n}}' }, { key: 'X-Off', value: 'x', enabled: false }], body: { type: 'json', value: { n: '{{n}}', list: ['{{n}}', 'a{{n}}'], nested: { ok: true } } } }],
    });
    const echo = echoOf(await run(c, { inputs: { n: 3 } }));
    expect(echo.method).toBe('PATCH');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['x-trace']).toBe('n=3');
    expect(echo.headers['x-off']).toBeUndefined();
    expect(JSON.parse(echo.body)).toEqual({ n: 3, list: [3, 'a3'], nested: { ok: true } });
  });

  it('sends form and raw bodies with their content types', async () => {
    const form = connector({ steps: [{ id: 's', method: 'POST', url: `${api.url}/echo`, body: { type: 'form', fields: [{ key: 'q', value: 'a b&c' }, { key: 'x', value: '1', enabled: false }] } }] });
    const formEcho = echoOf(await run(form));
    expect(formEcho.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(formEcho.body).toBe('q=a+b%26c');
    const raw = connector({ steps: [{ id: 's', method: 'PUT', url: `${api.url}/echo`, body: { type: 'raw', text: '<a>1</a>', contentType: 'application/xml' } }] });
    const rawEcho = echoOf(await run(raw));
    expect(rawEcho).toMatchObject({ body: '<a>1</a>', headers: { 'content-type': 'application/xml' } });
  });

  it('applies bearer, basic, api_key (header and query) auth, a step overriding the connector', async () => {
    const secrets = secretsFrom({ token: 'tok-9f8e7d', user: 'alice-api', pass: 'pw-55aa66bb', key: 'key-Zz:01' });
    const c = connector({
      auth: { type: 'bearer', token: '{{credentials.token}}' },
      steps: [
        { id: 'bearer', url: `${api.url}/echo?step=bearer` },
        { id: 'basic', url: `${api.url}/echo?step=basic`, auth: { type: 'basic', username: '{{credentials.user}}', password: '{{credentials.pass}}' } },
        { id: 'header', url: `${api.url}/echo?step=header`, auth: { type: 'api_key', in: 'header', name: 'X-Api-Key', value: '{{credentials.key}}' } },
        { id: 'query', url: `${api.url}/echo?step=query`, auth: { type: 'api_key', in: 'query', name: 'api_key', value: '{{credentials.key}}' } },
        { id: 'none', url: `${api.url}/echo?step=none`, auth: { type: 'none' } },
      ],
      // A chain: five steps may not all start at once (at most 3 do).
      edges: [['bearer', 'basic'], ['basic', 'header'], ['header', 'query'], ['query', 'none']].map(([source, target]) => ({ id: `${source}-${target}`, source: source!, target: target! })),
    });
    const record = await run(c, { secrets });
    expect(record.status).toBe('success');
    const sent = (step: string) => api.hits('/echo').filter((r) => r.query.step === step).at(-1)!;
    expect(sent('bearer').headers.authorization).toBe('Bearer tok-9f8e7d');
    expect(sent('basic').headers.authorization).toBe(`Basic ${base64Encode('alice-api:pw-55aa66bb')}`);
    expect(sent('header').headers['x-api-key']).toBe('key-Zz:01');
    expect(sent('query').query).toEqual({ step: 'query', api_key: 'key-Zz:01' });
    expect(sent('none').headers.authorization).toBeUndefined();
    // the record shows which credential was used, never its value
    expect(record.steps[1]?.request?.headers.authorization).toBe('Basic {{credentials.user}}:{{credentials.pass}}');
    expect(record.steps[3]?.request?.url).toContain('api_key={{credentials.key}}');
  });
});

describe('limits', () => {
  it('refuses a connector over the limits, whoever calls it, and sends no request', async () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Step ${i}`, url: `${api.url}/limits-probe` }));
    const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `s${i}`, target: `s${i + 1}` }));
    const fan = Array.from({ length: 4 }, (_, i) => ({ id: `f${i}`, source: 's0', target: `s${i + 1}` }));
    const cases: Array<[ReturnType<typeof connector>, RegExp]> = [
      [connector({ steps: steps(6), edges: chain(6), advanced: false }), /has 6 steps; the limit is 5/],
      [connector({ steps: steps(11), edges: chain(11), advanced: true }), /has 11 steps; the limit is 10/],
      [connector({ steps: steps(5), edges: fan }), /Step 0 \(s0\): This step fans out to 4 steps \(s1, s2, s3, s4\); at most 3 branches/],
      [connector({ steps: steps(4) }), /has 4 steps with no step before them/],
    ];
    for (const [c, message] of cases) {
      const record = await run(c);
      expect(api.hits('/limits-probe')).toHaveLength(0);
      expect(record.status).toBe('failed');
      expect(record.error?.code).toBe('INVALID_DOCUMENT');
      expect(record.error?.message).toMatch(message);
      expect(record.steps.every((step) => step.status === 'skipped')).toBe(true);
    }
    // At the limits it runs.
    expect((await run(connector({ steps: steps(10), edges: chain(10), advanced: true }))).status).toBe('success');
    expect(api.hits('/limits-probe')).toHaveLength(10);
  });
});

describe('partial runs', () => {
  it('runs only the selected steps, reusing pinned outputs of the others', async () => {
    const c = connector({
      steps: [
        { id: 'search', url: `${api.url}/ok`, outputs: [{ name: 'id', path: '$.id' }] },
        { id: 'contact', url: `${api.url}/echo`, query: [{ key: 'id', value: '{{search.id}}' }] },
        { id: 'other', url: `${api.url}/ok` },
      ],
      edges: [{ id: 'e', source: 'search', target: 'contact' }],
    });
    const before = api.hits('/ok').length;
    const record = await run(c, { onlySteps: ['contact'], pinnedOutputs: { search: { id: 'pinned_7' } } });
    expect(record.status).toBe('success');
    expect(api.hits('/ok').length).toBe(before);
    expect(api.hits('/echo').at(-1)?.query.id).toBe('pinned_7');
    expect(record.steps.map((s) => [s.id, s.status, s.skipReason])).toEqual([
      ['search', 'skipped', 'not run: reused its pinned outputs'],
      ['contact', 'success', undefined],
      ['other', 'skipped', 'not selected for this run'],
    ]);
  });
});

describe('rate limits and 429 storms', () => {
  it('a 429 storm: attempts stay bounded by maxRetries + 1 per step, and a 429 pauses every step of the key', async () => {
    const clock = createFakeClock();
    const c = connector({
      settings: { maxRetries: 2, continueOnError: true },
      steps: [
        { id: 'a', url: `${api.url}/storm` },
        { id: 'b', url: `${api.url}/storm` },
        { id: 'c', url: `${api.url}/storm` },
      ],
    });
    const before = api.hits('/storm').length;
    const done = run(c, { clock });
    await driveClock(clock, done, 250);
    const record = await done;
    expect(api.hits('/storm').length - before).toBe(9);
    expect(record.steps.every((s) => s.attempts.length === 3 && s.attempts.every((a) => a.status === 429))).toBe(true);
  });

  it('a 429 with Retry-After holds other runs of the same key until it has passed', async () => {
    const clock = createFakeClock();
    const rateLimiter = createRateLimiterRegistry(clock);
    const limited = connector({ steps: [{ id: 's', url: `${api.url}/limited-pause` }] });
    const other = connector({ steps: [{ id: 's', url: `${api.url}/ok?pause-test=1` }] });
    const first = run(limited, { clock, rateLimiter });
    await clock.waitForSleep((ms) => ms === 7_000);
    const okBefore = api.hits('/ok').length;
    const second = run(other, { clock, rateLimiter });
    // the second run's request waits in the limiter for the same 7 s instead of going out
    await clock.waitForSleep((ms) => ms === 7_000 && clock.requested.filter((r) => r === 7_000).length === 2);
    expect(api.hits('/ok').length).toBe(okBefore);
    await clock.advance(7_000);
    expect((await first).status).toBe('success');
    expect((await second).status).toBe('success');
    expect(api.hits('/ok').length).toBe(okBefore + 1);
  });

  it('retries take rate-limit slots (fail strategy): the third attempt finds the window full', async () => {
    const c = connector({ rateLimit: { enabled: true, maxRequestsPerMinute: 2, strategy: 'fail' }, steps: [{ id: 's', url: `${api.url}/unavailable`, maxRetries: 3 }] });
    const before = api.hits('/unavailable').length;
    const record = await run(c, { rateLimiter: createRateLimiterRegistry() });
    expect(api.hits('/unavailable').length - before).toBe(2);
    expect(record.steps[0]?.attempts.map((a) => a.status ?? a.error?.code)).toEqual([503, 503, 'RATE_LIMITED']);
  });

  it('retries take rate-limit slots (queue strategy): the third attempt waits for the window to slide', async () => {
    const clock = createFakeClock();
    const rateLimiter = createRateLimiterRegistry(clock);
    const controller = new AbortController();
    const c = connector({ rateLimit: { enabled: true, maxRequestsPerMinute: 2, strategy: 'queue' }, steps: [{ id: 's', url: `${api.url}/unavailable`, maxRetries: 2 }] });
    const done = run(c, { clock, rateLimiter, random: () => 0.5, signal: controller.signal });
    await clock.waitForSleep((ms) => ms === 125);
    await clock.advance(125);
    await clock.waitForSleep((ms) => ms === 250);
    await clock.advance(250);
    // attempts 1 and 2 took the minute's two slots at t=0 and t=125: attempt 3 waits until t=60 000
    expect(await clock.waitForSleep((ms) => ms === 60_000 - 375)).toBe(59_625);
    expect(rateLimiter.usage('test-connector').lastMinute).toBe(2);
    controller.abort();
    const record = await done;
    expect(record.status).toBe('cancelled');
    expect(record.steps[0]?.attempts).toHaveLength(3);
  });

  it('strategy fail: a full window fails the step with RATE_LIMITED and sends nothing', async () => {
    const rateLimiter = createRateLimiterRegistry();
    const c = connector({ rateLimit: { enabled: true, maxRequestsPerMinute: 1, strategy: 'fail' }, steps: [{ id: 's', url: `${api.url}/ok` }] });
    expect((await run(c, { rateLimiter })).status).toBe('success');
    const before = api.requests.length;
    const second = await run(c, { rateLimiter });
    expect(second.steps[0]?.error).toMatchObject({ code: 'RATE_LIMITED', hint: expect.stringContaining('queue') });
    expect(second.steps[0]?.attempts).toHaveLength(1);
    expect(api.requests.length).toBe(before);
  });

  it('connectors with the same service key share one limit', async () => {
    const rateLimiter = createRateLimiterRegistry();
    const limit = { enabled: true, maxRequestsPerMinute: 1, strategy: 'fail' as const, serviceKey: 'hubspot' };
    const one = makeConnector({ id: 'one', name: 'One', rateLimit: limit, steps: [{ id: 's', url: `${api.url}/ok` }] });
    const two = makeConnector({ id: 'two', name: 'Two', rateLimit: limit, steps: [{ id: 's', url: `${api.url}/ok` }] });
    expect((await run(one, { rateLimiter })).status).toBe('success');
    expect((await run(two, { rateLimiter })).steps[0]?.error?.code).toBe('RATE_LIMITED');
  });
});

describe('redirects', () => {
  it('a redirect loop fails the step with TOO_MANY_REDIRECTS and is not retried', async () => {
    const before = api.hits('/loop').length;
    const record = await run(connector({ steps: [{ id: 's', url: `${api.url}/loop` }] }), { maxRedirects: 2 });
    expect(record.steps[0]?.error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(record.steps[0]?.attempts).toHaveLength(1);
    expect(api.hits('/loop').length - before).toBe(3);
  });
});

describe('records', () => {
  it('omits response bodies when logging of response data is off, keeps outputs and the contact patch', async () => {
    const c = connector({
      settings: { logResponseData: false },
      steps: [{ id: 's', url: `${api.url}/ok`, outputs: [{ name: 'id', path: '$.id' }] }],
      fieldMappings: [{ source: 's.id', target: 'external_id', custom: true }],
    });
    const record = await run(c, { contact: { first_name: 'Ada' } });
    expect(record.steps[0]?.response).toMatchObject({ status: 200 });
    expect(record.steps[0]?.response?.body).toBeUndefined();
    expect(record.steps[0]?.response?.sizeBytes).toBeGreaterThan(0);
    expect(record.contact).toEqual({ external_id: 'c_1' });
    expect(record.contactBefore).toEqual({ first_name: 'Ada' });
  });
});
