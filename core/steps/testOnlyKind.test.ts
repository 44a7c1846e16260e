/**
 * A step kind added by a test only (core/test-helpers/steps/transform/): registered with one line
 * next to the app's kinds, it is validated with the document, runs inside a real connector between
 * two HTTP steps against a local server, in mock mode and from a cassette without a request or a
 * recording of its own, its outputs are offered to the steps after it, and its templates are listed.
 * Its one request part (`value`) is what the publish check, the literal-secret check, credential
 * routes and the environment helpers look into, as they do an HTTP step's URL, headers and body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../executor/runConnector.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { noSecrets, secretsFrom } from '../test-helpers/connectors.js';
import { availableVariables } from '../graph/variables.js';
import { transform, type TransformStep } from '../test-helpers/steps/transform/index.js';
import type { StepContext } from '../executor/runStep.js';
import type { Scope } from '../template/scope.js';
import { validateConnector } from '../validation/validateConnector.js';
import { createMockTransport } from '../transport/createMockTransport.js';
import { createRecordingTransport } from '../transport/createRecordingTransport.js';
import { createReplayTransport } from '../transport/createReplayTransport.js';
import { createRedactor } from '../redaction/createRedactor.js';
import type { Connector } from '../schema/connector.js';
import { STEP_KINDS, createStepKindRegistry, type Step } from './registry.js';
import { publishCheck } from '../templates/publishCheck.js';
import { findLiteralSecrets, moveLiteralSecret } from '../templates/literalSecrets.js';
import { credentialRoutes } from '../templates/credentialRoutes.js';
import { offlineEnvironment } from '../environments/placeholders.js';
import { environmentUsages } from '../interchange/environmentExport.js';

// The one registry line a test kind needs.
const withTransform = createStepKindRegistry([...STEP_KINDS.kinds.values(), transform]);

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({
    '/contact': reply.json({ first: 'Ada', last: 'Lovelace' }),
    '/echo': (req) => reply.json({ received: req.body }),
  });
});
afterAll(() => api.close());

/** The document as a file holds it: lookup → join (transform) → save. */
function document(join: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2, id: 'test-connector', name: 'Test connector',
    steps: [
      { id: 'lookup', url: `${api.url}/contact`, outputs: [{ name: 'first', path: '$.first' }, { name: 'last', path: '$.last' }], mock: { status: 200, body: { first: 'Grace', last: 'Hopper' } } },
      { id: 'join', kind: 'transform', value: { full: '{{lookup.first}} {{lookup.last}}' }, outputs: [{ name: 'full', path: '$.full' }], ...join },
      { id: 'save', kind: 'http', method: 'POST', url: `${api.url}/echo`, body: { type: 'json', value: { name: '{{join.full}}' } }, outputs: [{ name: 'name', path: '$.received.name' }], mock: { status: 200, body: { received: { name: 'mocked' } } } },
    ],
    edges: [{ id: 'e1', source: 'lookup', target: 'join' }, { id: 'e2', source: 'join', target: 'save' }],
  };
}

function connector(): Connector {
  const result = validateConnector(document(), { stepKinds: withTransform });
  if (!result.ok || !result.connector) throw new Error(JSON.stringify(result.issues));
  return result.connector;
}

describe('a test-only step kind', () => {
  it('is validated with the document: its own fields, its templates\' references, its unknown fields', () => {
    const result = validateConnector(document(), { stepKinds: withTransform });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.connector?.steps.map((s) => s.kind)).toEqual(['http', 'transform', 'http']);

    const missing = validateConnector(document({ value: undefined }), { stepKinds: withTransform });
    expect(missing.issues.map((i) => [i.path, i.message, i.hint])).toEqual([
      ['steps[1].value', 'join: value is missing.', 'Give the transform the JSON object it builds, e.g. { "full": "{{first}} {{last}}" }.'],
    ]);

    const wrong = validateConnector(document({ value: { full: '{{save.name}}' }, url: 'https://x' }), { stepKinds: withTransform });
    expect(wrong.issues.map((i) => [i.path, i.severity])).toEqual([['steps[1].value', 'error'], ['steps[1].url', 'warning']]);
    expect(wrong.issues[0]?.message).toContain('does not run before this step');
    expect(wrong.issues[1]?.message).toContain('is not a known field');
  });

  it('is refused, naming the step, by the app\'s own registry', () => {
    const result = validateConnector(document());
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.path, i.message])).toEqual([['steps[1].kind', 'join: kind names a step kind this version of Connector Studio does not know.']]);
    expect(result.issues[0]?.hint).toBe('Known step kinds: http. Update Connector Studio, or replace the step.');
  });

  it('runs through runConnector between two HTTP steps, without a request of its own', async () => {
    const before = api.requests.length;
    const record = await runConnector(connector(), { inputs: {}, transport: createFetchTransport(), secrets: noSecrets, stepKinds: withTransform });
    expect(record.status).toBe('success');
    expect(record.steps.map((s) => [s.id, s.status])).toEqual([['lookup', 'success'], ['join', 'success'], ['save', 'success']]);
    expect(record.steps.find((s) => s.id === 'join')?.outputs).toEqual({ full: 'Ada Lovelace' });
    expect(JSON.parse(api.hits('/echo').at(-1)?.body ?? 'null')).toEqual({ name: 'Ada Lovelace' });
    expect(api.requests.slice(before).map((r) => r.path)).toEqual(['/contact', '/echo']);
  });

  it('runs in mock mode: the HTTP steps get their mocks, the transform needs none', async () => {
    const c = connector();
    const before = api.requests.length;
    const record = await runConnector(c, { inputs: {}, transport: createMockTransport(c, { stepKinds: withTransform }), secrets: noSecrets, stepKinds: withTransform });
    expect(record.status).toBe('success');
    expect(record.steps.find((s) => s.id === 'join')?.outputs).toEqual({ full: 'Grace Hopper' });
    expect(record.steps.find((s) => s.id === 'save')?.outputs).toEqual({ name: 'mocked' });
    expect(api.requests.length).toBe(before);
  });

  it('replays from a cassette that holds only the HTTP steps\' requests', async () => {
    const c = connector();
    const recording = createRecordingTransport(createFetchTransport(), createRedactor({}));
    const live = await runConnector(c, { inputs: {}, transport: recording, secrets: noSecrets, stepKinds: withTransform });
    expect(live.status).toBe('success');
    const cassette = recording.toCassette(c.id);
    expect(cassette.interactions.map((i) => i.stepId)).toEqual(['lookup', 'save']);

    const before = api.requests.length;
    const replayed = await runConnector(c, { inputs: {}, transport: createReplayTransport(cassette), secrets: noSecrets, stepKinds: withTransform });
    expect(replayed.status).toBe('success');
    expect(replayed.steps.map((s) => [s.id, s.status, s.outputs])).toEqual(live.steps.map((s) => [s.id, s.status, s.outputs]));
    expect(api.requests.length).toBe(before);
  });

  it('is run without a transport: a request from a kind that declares none is refused', async () => {
    const sneaky = createStepKindRegistry([...STEP_KINDS.kinds.values(), {
      ...transform,
      async execute(step: TransformStep, scope: Scope, context: StepContext) {
        await context.transport.send({ stepId: step.id, method: 'GET', url: `${api.url}/contact`, headers: {}, signal: context.signal, maxResponseBytes: 1000 } as never);
        return transform.execute(step, scope, context);
      },
    }]);
    const c = validateConnector(document(), { stepKinds: sneaky }).connector as Connector;
    const before = api.requests.length;
    const record = await runConnector(c, { inputs: {}, transport: createFetchTransport(), secrets: noSecrets, stepKinds: sneaky });
    expect(record.steps.find((s) => s.id === 'join')?.error?.message).toContain('Step "join" sends no request');
    expect(api.requests.length - before).toBe(1); // lookup only
  });

  it('needs the credentials its own templates use, and not the connector\'s auth, which it never sends', async () => {
    const doc = { ...document({ value: { full: '{{lookup.first}}', key: '{{credentials.transform_key}}' } }), auth: { type: 'bearer', token: '{{credentials.api_token}}' } };
    const c = validateConnector(doc, { stepKinds: withTransform }).connector as Connector;
    const pinned = { pinnedOutputs: { lookup: { first: 'Ada', last: 'Lovelace' } }, onlySteps: ['join'] };
    const missing = await runConnector(c, { inputs: {}, transport: createFetchTransport(), secrets: noSecrets, stepKinds: withTransform, ...pinned });
    expect(missing.error?.code).toBe('MISSING_CREDENTIAL');
    expect(missing.error?.message).toBe('The credential "transform_key" has no value.');
    const run = await runConnector(c, { inputs: {}, transport: createFetchTransport(), secrets: secretsFrom({ transform_key: 'k-123' }), stepKinds: withTransform, ...pinned });
    expect(run.status).toBe('success');
    expect(run.steps.find((s) => s.id === 'join')?.outputs).toEqual({ full: 'Ada' });
  });

  it('fails the step, naming it, when the run does not know the kind', async () => {
    const record = await runConnector(connector(), { inputs: {}, transport: createFetchTransport(), secrets: noSecrets });
    const join = record.steps.find((s) => s.id === 'join');
    expect(join?.status).toBe('failed');
    expect(join?.error?.message).toContain('Step "join" is a "transform" step');
  });

  it('offers its outputs to the steps after it and lists its templates', () => {
    const c = connector();
    expect(availableVariables(c, 'save').map((v) => v.ref)).toContain('join.full');
    expect(availableVariables(c, 'join').map((v) => v.ref)).not.toContain('join.full');
    expect(withTransform.kindOf(c.steps[1] as Step).templateFields(c.steps[1] as never)).toEqual([{ path: 'value', value: { full: '{{lookup.first}} {{lookup.last}}' } }]);
  });

  describe('its request part, to the publish, secret and environment checks', () => {
    // Random-looking, and of no known token format: only a walk through the step's parts finds it.
    const RANDOM = 'q8Zr2Lw9Tx4Vb7Nm3Kp6Hs1Jd5Fg0Ac';
    const holding = (value: Record<string, unknown>) => validateConnector(document({ value }), { stepKinds: withTransform }).connector as Connector;
    // The same kind with its part list left empty: what the checks see when a kind hides its fields.
    const blind = createStepKindRegistry([...STEP_KINDS.kinds.values(), { ...transform, requestParts: () => [] }]);

    it('a literal key in its value is refused by the publish check and found by the literal-secret check', () => {
      const c = holding({ full: '{{lookup.first}}', key: RANDOM });
      const published = publishCheck(c, { stepKinds: withTransform });
      expect(published.ok).toBe(false);
      expect(published.findings.map((f) => [f.path, f.kind])).toEqual([['steps[1].value.key', 'high_entropy']]);
      expect(publishCheck(c, { stepKinds: blind }).findings).toEqual([]);

      const found = findLiteralSecrets(c, withTransform);
      expect(found).toEqual([{ path: 'steps[1].value', where: 'the value of step join', secret: RANDOM, suggestedName: 'api_key' }]);
      expect(findLiteralSecrets(c, blind)).toEqual([]);
      const moved = moveLiteralSecret(c, found[0]!, 'api_key');
      expect((moved.steps[1] as unknown as TransformStep).value).toEqual({ full: '{{lookup.first}}', key: '{{credentials.api_key}}' });
      expect(findLiteralSecrets(moved, withTransform)).toEqual([]);
    });

    it('finds the environment variables in its value, named as its part', () => {
      const c = holding({ full: '{{lookup.first}}', region: '{{env.region}}' });
      expect(offlineEnvironment(c, undefined, withTransform)?.variables).toEqual({ region: '{{env.region}}' });
      expect(environmentUsages(c, withTransform)).toEqual([{ variable: 'region', where: 'step "join" value' }]);
      expect(environmentUsages(c, blind)).toEqual([]);
    });

    it('routes a credential it uses to its own output, not to the connector\'s auth, which it never sends', () => {
      const doc = { ...document({ value: { key: '{{credentials.transform_key}}' } }), auth: { type: 'bearer', token: '{{credentials.api_token}}' } };
      const routes = credentialRoutes(doc, withTransform).filter((r) => r.stepId === 'join');
      expect(routes).toEqual([{ credential: 'transform_key', destination: 'the output of step "join"', carrier: 'value', stepId: 'join' }]);
      expect(credentialRoutes(doc)).toEqual([]); // the app's registry does not know the kind: no known routes
    });
  });
});
