/** `{{env.x}}` in the interchange export: inputs with defaults, workspace credentials for secrets, or a refusal that says where and what to do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConnector, secretsFrom } from '../test-helpers/connectors.js';
import { createTestServer, reply, type TestServer } from '../test-helpers/createTestServer.js';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { runConnector } from '../executor/runConnector.js';
import { exportInterchange } from './exportInterchange.js';
import { importInterchange } from './importInterchange.js';
import { validateConnector } from '../validation/index.js';
import { isConnectorError } from '../errors/ConnectorError.js';

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ '/v1/search': (req) => reply.json({ region: req.query.region, partner: req.headers['x-partner'] }) });
});
afterAll(() => api.close());

const SECRET = 'PLANTED-partner-secret-4410';
const connector = () => makeConnector({
  name: 'Env export',
  inputs: [{ name: 'region', type: 'string' }],
  steps: [{
    id: 'search', name: 'Search Contact', url: '{{env.base_url}}/v1/search',
    query: [{ key: 'region', value: '{{env.region}}' }],
    headers: [{ key: 'x-partner', value: '{{env.partner_key}}' }],
    condition: "{{env.region}} !== 'off'",
    outputs: [{ name: 'region', path: '$.region' }, { name: 'partner', path: '$.partner' }],
  }],
});
const sandbox = () => ({ name: 'sandbox', variables: { base_url: api.url, region: 'eu' }, secrets: ['partner_key'] });

function refusal(fn: () => unknown): { message: string; hint?: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (isConnectorError(error) && error.code === 'UNSUPPORTED_EXPORT') return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error('expected the export to be refused');
}

describe('interchange export of environment variables', () => {
  it('is refused without an environment, naming each step and field and what to do', () => {
    const { message, hint } = refusal(() => exportInterchange(connector()));
    expect(message).toBe('The interchange format has no environments, and this connector uses them: step "Search Contact" URL uses {{env.base_url}}; step "Search Contact" query parameter region uses {{env.region}}; step "Search Contact" header x-partner uses {{env.partner_key}}; step "Search Contact" "run only if" condition uses {{env.region}}.');
    expect(hint).toMatch(/--env <name>/);
    expect(hint).toMatch(/never exported/);
  });

  it('is refused when the chosen environment lacks a variable', () => {
    const { message, hint } = refusal(() => exportInterchange(connector(), { environment: { name: 'production', variables: { base_url: 'https://x.test' }, secrets: [] } }));
    expect(message).toContain('The environment "production" has no value for what the connector uses: step "Search Contact" query parameter region uses {{env.region}}');
    expect(hint).toContain('Add region, partner_key to "production"');
  });

  it('maps plain variables to inputs with defaults and secret ones to workspace credentials, and the SaaS runs it the same way', async () => {
    const doc = exportInterchange(connector(), { environment: sandbox() });
    const text = JSON.stringify(doc);
    expect(text).not.toContain('env.');
    expect(text).not.toContain(SECRET);
    expect(doc.input_schema).toEqual({
      region: { type: 'string' },
      base_url: { type: 'string', label: 'base_url (sandbox environment)', default: api.url },
      env_region: { type: 'string', label: 'region (sandbox environment)', default: 'eu' }, // "region" is already an input
    });
    // The condition makes it a multi-step document (a single-step one has no condition).
    const config = (doc.config as { steps: Array<{ url: string; queryParams: unknown; headers: unknown; condition: unknown }> }).steps[0]!;
    expect(config.condition).toEqual({ enabled: true, expression: "{{env_region}} !== 'off'" });
    expect(config.url).toBe('{{base_url}}/v1/search');
    expect(config.queryParams).toEqual([{ key: 'region', value: '{{env_region}}' }]);
    expect(config.headers).toEqual([{ key: 'x-partner', value: '{{workspace.partner_key}}' }]);

    // Read back as the SaaS would and run: the defaults stand in for the environment.
    const imported = validateConnector(importInterchange(doc));
    expect(imported.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const record = await runConnector(imported.connector!, { inputs: {}, transport: createFetchTransport(), secrets: secretsFrom({ partner_key: SECRET }) });
    expect(record.status).toBe('success');
    expect(record.steps.at(-1)!.outputs.region).toBe('eu');
    expect(api.hits('/v1/search').at(-1)!.headers['x-partner']).toBe(SECRET); // the workspace credential was sent
  });

  it('leaves a connector without environment variables as it was', () => {
    const plain = makeConnector({ steps: [{ id: 'a', url: 'https://x.test/a' }] });
    expect(exportInterchange(plain, { environment: sandbox() })).toEqual(exportInterchange(plain));
  });
});
