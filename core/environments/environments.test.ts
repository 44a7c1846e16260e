/** `{{env.x}}`: parsed, resolved from the run's environment, validated, and secret values redacted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../executor/runConnector.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { makeConnector, noSecrets } from '../test-helpers/connectors.js';
import { interpolateToString, parseReference } from '../template/index.js';
import { evaluateCondition } from '../expression/index.js';
import { validateConnector } from '../validation/index.js';

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ '/echo': (req: { headers: Record<string, string>; query: Record<string, string> }) => reply.json({ region: req.query.region, key: req.headers['x-key'] }) });
});
afterAll(() => api.close());

const connector = () => makeConnector({
  steps: [{ id: 'call', url: '{{env.base_url}}/echo', query: [{ key: 'region', value: '{{env.region}}' }], headers: [{ key: 'x-key', value: '{{env.partner_key}}' }], outputs: [{ name: 'region', path: '$.region' }, { name: 'key', path: '$.key' }], condition: "{{env.region}} === 'eu'" }],
});

describe('environment variables', () => {
  it('parses {{env.name}} and refuses other shapes', () => {
    expect(parseReference('env.base_url', '{{env.base_url}}')).toEqual({ kind: 'env', name: 'base_url', raw: '{{env.base_url}}' });
    expect(() => parseReference('env.a.b', '{{env.a.b}}')).toThrow(/Malformed environment variable reference/);
    expect(() => parseReference('env', '{{env}}')).not.toThrow(); // a plain input named env stays an input
  });

  it('resolves from the scope, and says to pick an environment when none is selected', () => {
    expect(interpolateToString('{{env.base_url}}/x', { inputs: {}, credentials: {}, steps: {}, env: { base_url: 'https://sandbox.test' } })).toBe('https://sandbox.test/x');
    expect(evaluateCondition("{{env.region}} === 'eu'", { inputs: {}, credentials: {}, steps: {}, env: { region: 'eu' } })).toBe(true);
    expect(() => interpolateToString('{{env.base_url}}', { inputs: {}, credentials: {}, steps: {} })).toThrow(/no environment is selected/);
    expect(() => interpolateToString('{{env.nope}}', { inputs: {}, credentials: {}, steps: {}, env: {} })).toThrow(/"nope" has no value in the selected environment/);
  });

  it('is valid in a connector; a step may not be called env', () => {
    expect(validateConnector(connector()).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const bad = makeConnector({ steps: [{ id: 'env', url: 'https://x.test' }] });
    expect(validateConnector(bad).issues.map((i) => i.message)).toContainEqual(expect.stringContaining('"env" is reserved for environment variables'));
  });

  it('runs against the environment, records its name, and redacts its secret values', async () => {
    const events: unknown[] = [];
    const record = await runConnector(connector(), {
      inputs: {}, transport: createFetchTransport(), secrets: noSecrets, onEvent: (e) => events.push(e),
      environment: { name: 'sandbox', variables: { base_url: api.url, region: 'eu' }, secrets: { partner_key: 'PLANTED-env-secret-991' } },
    });
    expect(record.status).toBe('success');
    expect(record.environment).toBe('sandbox');
    expect(record.steps[0]!.outputs.region).toBe('eu');
    expect(JSON.stringify(record)).not.toContain('PLANTED-env-secret-991');
    expect(JSON.stringify(events)).not.toContain('PLANTED-env-secret-991');
  });
});
