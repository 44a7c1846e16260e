/**
 * A step kind added by a test only (core/test-helpers/steps/transform/): registered with one line
 * next to the app's kinds, it runs inside a real connector between two HTTP steps against a local
 * server, its outputs are offered to the steps after it, and its templates are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../executor/runConnector.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, noSecrets } from '../test-helpers/connectors.js';
import { availableVariables } from '../graph/variables.js';
import { transform, TransformStepSchema } from '../test-helpers/steps/transform/index.js';
import { STEP_KINDS, createStepKindRegistry, type Step } from './registry.js';

const withTransform = createStepKindRegistry([...STEP_KINDS.kinds.values(), transform]);

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({
    '/contact': reply.json({ first: 'Ada', last: 'Lovelace' }),
    '/echo': (req) => reply.json({ received: req.body }),
  });
});
afterAll(() => api.close());

function connector() {
  const base = makeConnector({
    steps: [
      { id: 'lookup', url: `${api.url}/contact`, outputs: [{ name: 'first', path: '$.first' }, { name: 'last', path: '$.last' }] },
      { id: 'save', method: 'POST', url: `${api.url}/echo`, body: { type: 'json', value: { name: '{{join.full}}' } }, outputs: [{ name: 'name', path: '$.received.name' }] },
    ],
    edges: [{ id: 'e1', source: 'lookup', target: 'join' }, { id: 'e2', source: 'join', target: 'save' }],
  });
  // The app's Step type knows only its own kinds; a test kind's step enters the document as parsed by its own schema.
  const join = TransformStepSchema.parse({ id: 'join', kind: 'transform', value: { full: '{{lookup.first}} {{lookup.last}}' }, outputs: [{ name: 'full', path: '$.full' }] }) as unknown as Step;
  return { ...base, steps: [base.steps[0] as Step, join, base.steps[1] as Step] };
}

describe('a test-only step kind', () => {
  it('runs through runConnector between two HTTP steps, without a request of its own', async () => {
    const record = await runConnector(connector(), { inputs: {}, transport: createFetchTransport(), secrets: noSecrets, stepKinds: withTransform });
    expect(record.status).toBe('success');
    expect(record.steps.map((s) => [s.id, s.status])).toEqual([['lookup', 'success'], ['join', 'success'], ['save', 'success']]);
    expect(record.steps.find((s) => s.id === 'join')?.outputs).toEqual({ full: 'Ada Lovelace' });
    expect(JSON.parse(api.hits('/echo')[0]?.body ?? 'null')).toEqual({ name: 'Ada Lovelace' });
    expect(api.requests.map((r) => r.path)).toEqual(['/contact', '/echo']);
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
});
