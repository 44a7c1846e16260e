/**
 * publishCheck: every known token format is caught wherever it hides, random-looking literals
 * in requests are flagged, templates and ordinary values are not, findings carry paths, and the
 * returned template is exactly what would be published.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorSchema, cassetteProblem, highEntropyTokens, publishCheck, shannonEntropy, type Cassette, type Connector, type ConnectorInput } from '#core';

// Built by concatenation so no scanner mistakes this test file for a leak.
const SAMPLES: Record<string, string> = {
  aws_access_key: 'AKIA' + 'IOSFODNN7EXAMPLE',
  github_token: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
  github_oauth: 'gho_' + '16C7e42F292c6912E7710c838347Ae178B4a',
  github_pat: 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
  slack_token: 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  stripe_live: 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc',
  stripe_test: 'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc',
  stripe_restricted: 'rk_live_' + '51H8x2eKq9ZbXn3Vv7Yp0Lm',
  google_api_key: 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
  jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  hubspot_pat: 'pat-na1-' + '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  bearer_literal: 'Bearer ' + 'abc123def456ghi789',
  private_key: '-----BEGIN ' + 'RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
  telegram_bot_token: '123456789:' + 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  slack_webhook: 'https://hooks.slack.com/' + 'services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
};

function connector(overrides: Partial<ConnectorInput> = {}): Connector {
  return ConnectorSchema.parse({
    schemaVersion: 2,
    id: 'local-123',
    name: 'Lookup',
    inputs: [{ name: 'email', type: 'email', required: true }],
    credentials: [{ name: 'api_token', label: 'API token', help: 'From the dashboard', url: 'https://example.com/keys' }],
    auth: { type: 'bearer', token: '{{credentials.api_token}}' },
    steps: [{ id: 'lookup', url: 'https://api.example.com/v1/people', query: [{ key: 'email', value: '{{email}}' }], headers: [{ key: 'Accept', value: 'application/json' }], outputs: [{ name: 'id', path: '$.id' }] }],
    ...overrides,
  });
}

function withStep(step: Record<string, unknown>): Connector {
  return connector({ steps: [{ id: 'lookup', url: 'https://api.example.com/v1/people', outputs: [{ name: 'id', path: '$.id' }], ...step }] });
}

describe('publishCheck', () => {
  it('passes a connector whose secrets are all credential references', () => {
    const result = publishCheck(connector());
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(Object.entries(SAMPLES))('catches %s in a header, with its path', (_id, secret) => {
    const result = publishCheck(withStep({ headers: [{ key: 'Accept', value: 'application/json' }, { key: 'X-Custom', value: secret }] }));
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(expect.objectContaining({ path: 'steps[0].headers[1].value', kind: 'known_token_format' }));
  });

  it.each(Object.entries(SAMPLES))('catches %s inside a JSON body, a mock and a test input', (_id, secret) => {
    const result = publishCheck(withStep({
      body: { type: 'json', value: { auth: { key: secret } } },
      mock: { status: 200, body: { echo: secret } },
    }));
    const paths = result.findings.filter((f) => f.kind === 'known_token_format').map((f) => f.path);
    expect(paths).toContain('steps[0].body.value.auth.key');
    expect(paths).toContain('steps[0].mock.body.echo');
    const inTest = publishCheck(connector({ tests: [{ name: 't', inputs: { email: secret } }] }));
    expect(inTest.findings.map((f) => f.path)).toContain('tests[0].inputs.email');
  });

  it('refuses literal auth values of every auth type', () => {
    const cases: Array<[ConnectorInput['auth'], string]> = [
      [{ type: 'bearer', token: 'plain-token-value' }, 'auth.token'],
      [{ type: 'api_key', in: 'query', name: 'api_key', value: 'plainkeyvalue' }, 'auth.value'],
      [{ type: 'basic', username: 'me', password: 'hunter2hunter2' }, 'auth.password'],
      [{ type: 'oauth2_client_credentials', tokenUrl: 'https://id.example.com/token', clientId: 'client', clientSecret: 'shh-its-a-secret' }, 'auth.clientSecret'],
      // A reference with a literal key glued on is still a literal secret.
      [{ type: 'bearer', token: '{{credentials.api_token}}abcdefgh12345' }, 'auth.token'],
    ];
    for (const [auth, path] of cases) {
      const result = publishCheck(connector({ auth }));
      expect(result.findings).toContainEqual(expect.objectContaining({ path, kind: 'literal_secret' }));
    }
  });

  it('refuses a literal value in a sensitive header, also on a step\'s own auth', () => {
    const result = publishCheck(withStep({ headers: [{ key: 'Authorization', value: 'Token letmein' }], auth: { type: 'api_key', in: 'header', name: 'x-api-key', value: 'literal' } }));
    expect(result.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'steps[0].headers[0].value', kind: 'literal_secret' }),
      expect.objectContaining({ path: 'steps[0].auth.value', kind: 'literal_secret' }),
    ]));
  });

  it('flags random-looking literals in query, headers, form and raw bodies, and URLs', () => {
    const key = 'q8Zr2LmX7vNc4TbW9yHs3KdF';
    const result = publishCheck(withStep({
      url: `https://api.example.com/v1/people?key=${key}`,
      query: [{ key: 'token', value: key }],
      headers: [{ key: 'X-Tenant', value: key }],
      body: { type: 'form', fields: [{ key: 'secret', value: key }] },
    }));
    const paths = result.findings.filter((f) => f.kind === 'high_entropy').map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['steps[0].url', 'steps[0].query[0].value', 'steps[0].headers[0].value', 'steps[0].body.fields[0].value']));
    const raw = publishCheck(withStep({ method: 'POST', body: { type: 'raw', text: `key=${key}` } }));
    expect(raw.findings).toContainEqual(expect.objectContaining({ path: 'steps[0].body.text', kind: 'high_entropy' }));
    expect(result.findings.every((f) => !f.message.includes(key))).toBe(true); // messages never repeat the secret
  });

  it('does not flag templates, words, paths, ids, dates or host names', () => {
    const result = publishCheck(withStep({
      url: 'https://api.example.com/crm/v3/objects/contacts/{{email}}?archived=false',
      query: [
        { key: 'properties', value: 'firstname,lastname,email,phone,company,jobtitle' },
        { key: 'q', value: "SELECT Id FROM Lead WHERE Email = '{{email}}' LIMIT 1" },
        { key: 'since', value: '2024-05-02T10:15:00.000Z' },
        { key: 'callback', value: 'https://hooks.example.com/v2/callbacks/enrichment' },
      ],
      headers: [{ key: 'Authorization', value: 'Bearer {{credentials.api_token}}' }, { key: 'User-Agent', value: 'ConnectorStudio/1.0 (+https://example.com)' }],
      body: { type: 'json', value: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: '{{email}}' }] }], note: 'Application-Specific Description Text' } },
    }));
    expect(result.findings).toEqual([]);
  });

  it('turns every credential reference into a slot, keeping declared help and adding missing ones', () => {
    const result = publishCheck(connector({
      credentials: [{ name: 'api_token', label: 'API token', help: 'From the dashboard', url: 'https://example.com/keys' }, { name: 'unused', label: 'Unused' }],
      steps: [{ id: 'lookup', url: 'https://api.example.com/v1/people', headers: [{ key: 'X-Account', value: '{{workspace.account_key}}' }], outputs: [] }],
    }));
    expect(result.template.credentials).toEqual([
      { name: 'api_token', label: 'API token', help: 'From the dashboard', url: 'https://example.com/keys' },
      { name: 'account_key', label: 'Account key' },
    ]);
    expect(result.template.connector.credentials).toEqual(result.template.credentials);
  });

  it('strips run-specific data but keeps positions and mocks, and does not touch the input', () => {
    const input = connector({
      enabled: false,
      template: { id: 'official:x', version: 3 },
      steps: [{ id: 'lookup', url: 'https://api.example.com/v1/people', position: { x: 10, y: 20 }, mock: { status: 200, body: { id: 1 } }, outputs: [{ name: 'id', path: '$.id' }] }],
    });
    const before = JSON.stringify(input);
    const { template } = publishCheck(input);
    expect(template.connector.template).toBeUndefined();
    expect(template.connector.enabled).toBe(true);
    expect(template.connector.steps[0]?.position).toEqual({ x: 10, y: 20 });
    expect(template.connector.steps[0]?.mock?.body).toEqual({ id: 1 });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('keeps redacted cassettes and drops the others with the replay tests that need them', () => {
    const clean: Cassette = { version: 1, connectorId: 'c', recordedAt: '2024-01-01T00:00:00.000Z', interactions: [{ stepId: 'lookup', request: { method: 'GET', url: 'https://api.example.com/v1/people?key={{credentials.api_token}}', headers: { authorization: 'Bearer {{credentials.api_token}}' } }, response: { status: 200, headers: {}, bodyText: '{"id":1}' } }] };
    const leaky: Cassette = structuredClone(clean);
    leaky.interactions[0]!.request.url = 'https://api.example.com/v1/people?key=my-real-key-value';
    const unmasked: Cassette = structuredClone(clean);
    unmasked.interactions[0]!.request.headers = { authorization: 'Bearer my-real-key-value' };
    const result = publishCheck(connector({
      tests: [
        { name: 'mock', mode: 'mock' },
        { name: 'clean', mode: 'replay', cassette: 'clean.json' },
        { name: 'leaky', mode: 'replay', cassette: 'leaky.json' },
        { name: 'unmasked', mode: 'replay', cassette: 'unmasked.json' },
        { name: 'missing', mode: 'replay', cassette: 'missing.json' },
      ],
    }), { cassettes: { 'clean.json': clean, 'leaky.json': leaky, 'unmasked.json': unmasked }, knownSecrets: { api_token: 'my-real-key-value' } });
    expect(Object.keys(result.template.cassettes)).toEqual(['clean.json']);
    expect(result.template.connector.tests.map((t) => t.name)).toEqual(['mock', 'clean']);
    expect(result.dropped.map((d) => d.path)).toEqual(['cassettes.leaky.json', 'cassettes.unmasked.json', 'tests[2]', 'tests[3]', 'tests[4]']);
    expect(cassetteProblem(unmasked)).toMatch(/authorization/);
    expect(cassetteProblem({ nope: true })).toMatch(/not a cassette/);
  });
});

describe('entropy', () => {
  it('scores random keys high and repetitive text low', () => {
    expect(shannonEntropy('aaaaaaaaaaaaaaaaaaaa')).toBe(0);
    expect(shannonEntropy('q8Zr2LmX7vNc4TbW9yHs3KdF')).toBeGreaterThan(4);
    expect(highEntropyTokens('id=0123456789abcdef0123456789abcdef')).toHaveLength(1);
    expect(highEntropyTokens('short q8Zr2LmX7v')).toEqual([]);
    expect(highEntropyTokens('{{credentials.q8Zr2LmX7vNc4TbW9yHs3KdF}}')).toEqual([]);
  });
});

describe('publishCheck: secrets in URL paths and stored values', () => {
  it('finds a Telegram bot token and a Slack webhook secret in the URL path', () => {
    for (const url of [`https://api.telegram.org/bot${SAMPLES.telegram_bot_token}/sendMessage`, SAMPLES.slack_webhook!]) {
      const result = publishCheck(withStep({ method: 'POST', url }));
      expect(result.ok, url).toBe(false);
      expect(result.findings.map((f) => f.path)).toContain('steps[0].url');
    }
  });

  it('flags a random-looking key in a path segment, not ordinary paths and templates', () => {
    const key = 'q7Zr2Lk9Xw4Np8Vb3Hs6Dt1Mf5';
    expect(publishCheck(withStep({ url: `https://api.example.com/v2/${key}/people` })).findings).toContainEqual(expect.objectContaining({ path: 'steps[0].url', kind: 'high_entropy' }));
    expect(publishCheck(withStep({ url: 'https://api.example.com/v2/people/{{email}}/company-records' })).ok).toBe(true);
  });

  it('refuses a stored credential value pasted anywhere, naming the credential and never showing the value', () => {
    const stored = 'correct-horse-battery-staple';
    const result = publishCheck(withStep({ headers: [{ key: 'X-Custom', value: stored }] }), { knownSecrets: { api_token: stored, short: 'admin' } });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ path: 'steps[0].headers[0].value', kind: 'stored_secret', message: expect.stringContaining('"api_token"') })]);
    expect(JSON.stringify(result.findings)).not.toContain(stored);
    // Encoded forms too (here in a URL path, percent-encoded), and nothing for a short value such as "admin".
    const encoded = publishCheck(withStep({ url: `https://api.example.com/${encodeURIComponent('a/' + stored)}/admin` }), { knownSecrets: { api_token: stored, short: 'admin' } });
    expect(encoded.findings.filter((f) => f.kind === 'stored_secret')).toHaveLength(1);
    expect(publishCheck(connector(), { knownSecrets: { api_token: stored } }).ok).toBe(true);
  });
});
