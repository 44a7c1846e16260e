import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { ConnectorSchema, type Connector, type ConnectorInput } from '../schema/connector.js';
import { normaliseInterchange } from '../test-helpers/index.js';
import { validateConnector } from '../validation/index.js';
import { exportInterchange, importInterchange, isInterchangeDocument, loadConnectorDocument } from './index.js';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const normalise = normaliseInterchange;

function thrown(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('importInterchange', () => {
  it('imports the design doc example: series, parallel fan-out/fan-in, condition, credentials', () => {
    const c = importInterchange(fixture('phone-enrichment.json'));
    expect(c.id).toBe('phone-number-enrichment');
    expect(c.steps.map((s) => s.id)).toEqual(['step_1', 'step_2a', 'step_2b', 'step_3']);
    expect(c.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['step_1>step_2a', 'step_1>step_2b', 'step_2a>step_3', 'step_2b>step_3']);
    expect(c.steps[3]!.condition).toBe('{{step_2a.companyId}} !== null');
    expect(c.auth).toEqual({ type: 'bearer', token: '{{credentials.crm_token}}' });
    expect(c.credentials).toEqual([{ name: 'crm_token', label: 'crm_token' }]);
    expect(c.inputs).toEqual([{ name: 'phone', type: 'string', label: 'Phone', required: true }]);
    expect(c.steps[0]!.query).toEqual([{ key: 'phone', value: '{{phone}}', enabled: true, source: 'static' }]);
    expect(c.steps[2]!.body).toEqual({ type: 'json', value: { phone: '{{phone}}', contact: '{{step_1.contactId}}' } });
    expect(c.steps[1]!.outputs).toEqual([{ name: 'firstName', path: '$.properties.firstname' }, { name: 'companyId', path: '$.companyId' }]);
    expect(c.settings).toMatchObject({ timeoutMs: 30000, maxRetries: 3, continueOnError: false });
    expect(c.rateLimit).toMatchObject({ enabled: true, maxRequestsPerMinute: 60, maxRequestsPerHour: 1000, strategy: 'queue' });
    expect(validateConnector(c).issues).toEqual([]);
  });

  it('imports single-step as step_1 with a raw body and settings', () => {
    const c = importInterchange(fixture('single-step.json'));
    expect(c.steps).toHaveLength(1);
    expect(c.steps[0]).toMatchObject({ id: 'step_1', method: 'POST', body: { type: 'raw', text: 'email={{email}}', contentType: 'text/plain' } });
    expect(c.auth).toEqual({ type: 'api_key', in: 'header', name: 'X-Api-Key', value: '{{ credentials.verify_key }}' });
    expect(c.settings).toMatchObject({ timeoutMs: 5000, maxRetries: 0, continueOnError: true });
    expect(validateConnector(c).issues).toEqual([]);
  });

  it('declares every credential referenced anywhere, drops disabled conditions', () => {
    const c = importInterchange({
      name: 'x', type: 'multi-step',
      config: { steps: [
        { id: 's1', url: 'https://x.io/{{workspace.a}}', headers: [{ key: 'K', value: '{{workspace.b}}' }], condition: { enabled: false, expression: 'false' } },
        { id: 's2', url: 'https://x.io', condition: { enabled: true, expression: '{{workspace.c}} != null' } },
      ] },
    });
    expect(c.credentials.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(c.steps[0]!.condition).toBeUndefined();
    expect(c.steps[1]!.condition).toBe('{{credentials.c}} != null');
    expect(c.steps[0]!.method).toBe('GET');
  });

  it('gives clear errors with paths for bad files', () => {
    const error = thrown(() => importInterchange({ name: '', type: 'multi-step', config: { steps: [{ id: 's', method: 'FETCH' }] }, timeout_ms: 100 }));
    expect(error.code).toBe('INVALID_DOCUMENT');
    // Each problem at its path in the file, the union of "step or parallel group" resolved to the field really at fault.
    expect(error.issues?.map((i) => `${i.path}: ${i.message}`)).toEqual(expect.arrayContaining([
      'name: Basics: Name is empty.',
      'timeout_ms: Settings: Timeout per request must be at least 1000.',
      'config.steps[0].method: s: Method must be one of "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS".',
      'config.steps[0].url: s: URL is missing.',
    ]));
    expect(error.message).not.toMatch(/shape that is not allowed|not valid \(/);
    expect(thrown(() => importInterchange({ name: 'x', type: 'multi-step', config: {} })).message).toBe('The connector: A multi-step connector needs a non-empty config.steps list.');
    expect(thrown(() => importInterchange({ name: 'x', type: 'single-step', config: { steps: [] } })).message).toMatch(/single-step connector has no steps list/);
  });
});

describe('isInterchangeDocument', () => {
  it('tells the two formats apart', () => {
    expect(isInterchangeDocument(fixture('phone-enrichment.json'))).toBe(true);
    expect(isInterchangeDocument(fixture('single-step.json'))).toBe(true);
    expect(isInterchangeDocument({ schemaVersion: 2, name: 'x', steps: [] })).toBe(false);
    expect(isInterchangeDocument({ name: 'x', steps: [] })).toBe(false);
    expect(isInterchangeDocument(null)).toBe(false);
    expect(isInterchangeDocument([])).toBe(false);
  });
});

describe('round trips', () => {
  it.each(['phone-enrichment.json', 'single-step.json', 'fan-out-three.json'])('interchange → app → interchange keeps %s (normalised)', (name) => {
    const original = fixture(name);
    const exported = exportInterchange(importInterchange(original));
    expect(normalise(exported)).toEqual(normalise(original));
    expect(JSON.stringify(exported)).not.toMatch(/credentials\./);
  });

  const appDoc = (extra: Partial<ConnectorInput>): Connector => ConnectorSchema.parse({
    schemaVersion: 2, id: 'app', name: 'App connector',
    inputs: [{ name: 'q', type: 'string', label: 'Query', required: true, default: 'x', description: 'what to look for' }],
    credentials: [{ name: 'tok', label: 'Token' }],
    auth: { type: 'bearer', token: '{{credentials.tok}}' },
    steps: [{ id: 's', url: 'https://x.io' }],
    ...extra,
  });
  const semantics = (c: Connector) => ({
    ...c, id: undefined, credentials: c.credentials.map((s) => s.name), edges: c.edges.map((e) => `${e.source}>${e.target}`).sort(), tests: undefined,
  });

  it('app → interchange → app preserves semantics, folding edge conditions into steps', () => {
    const c = appDoc({
      steps: [
        { id: 'a', url: 'https://x.io/a', outputs: [{ name: 'id', path: '$.id' }], query: [{ key: 'q', value: '{{q}}' }, { key: 'off', value: 'x', enabled: false }] },
        { id: 'b', url: 'https://x.io/b/{{a.id}}', method: 'POST', body: { type: 'raw', text: '<x/>', contentType: 'application/xml' }, outputs: [{ name: 'v', path: '$.v' }] },
        { id: 'c', url: 'https://x.io/c', condition: '{{a.id}} > 3', timeoutMs: 2000 },
        { id: 'd', url: 'https://x.io/d', auth: { type: 'api_key', in: 'query', name: 'key', value: '{{credentials.other}}' } },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'b', condition: '{{a.id}} != null' },
        { id: 'e2', source: 'a', target: 'c', condition: '{{a.id}} != null' },
        { id: 'e3', source: 'b', target: 'd' },
        { id: 'e4', source: 'c', target: 'd' },
      ],
    });
    const back = importInterchange(exportInterchange(c));
    expect(back.steps.find((s) => s.id === 'b')!.condition).toBe('{{a.id}} != null');
    expect(back.steps.find((s) => s.id === 'c')!.condition).toBe('({{a.id}} != null) && ({{a.id}} > 3)');
    expect(back.steps.find((s) => s.id === 'b')!.body).toEqual({ type: 'raw', text: '<x/>', contentType: 'application/xml' });
    expect(back.steps.find((s) => s.id === 'a')!.query).toHaveLength(1); // disabled rows are not sent, so not written
    const expected = semantics(c);
    const actual = semantics(back);
    expect(actual.edges).toEqual(expected.edges);
    expect(actual.credentials.sort()).toEqual(['other', 'tok']);
    expect(actual.inputs).toEqual(expected.inputs);
    expect(back.steps.find((s) => s.id === 'c')!.timeoutMs).toBe(2000);
    expect(back.steps.find((s) => s.id === 'd')!.auth).toEqual(c.steps[3]!.auth);
  });

  it('app → interchange → app is identical for a simple chain (ignoring the id)', () => {
    const c = appDoc({
      steps: [{ id: 's1', name: 'One', url: 'https://x.io/{{q}}', outputs: [{ name: 'id', path: '$.id' }] }, { id: 's2', url: 'https://x.io/{{s1.id}}', condition: '{{s1.id}}' }],
      edges: [{ id: 'e', source: 's1', target: 's2' }],
      fieldMappings: [{ source: 's2.x', target: 'city', merge: 'if_empty', coerce: 'string', custom: false }],
    });
    const back = importInterchange(exportInterchange(c));
    expect({ ...back, id: 'app', edges: [], credentials: [] }).toEqual({ ...c, edges: [], credentials: [] });
    expect(back.credentials.map((s) => s.name)).toEqual(['tok']);
  });
});

describe('exportInterchange', () => {
  it('writes the single-step shape for one unconditional step', () => {
    const out = exportInterchange(ConnectorSchema.parse({ schemaVersion: 2, id: 'x', name: 'X', auth: { type: 'bearer', token: '{{credentials.t}}' }, steps: [{ id: 'only', url: 'https://x.io', outputs: [{ name: 'v', path: '$.v' }] }] }));
    expect(out).toMatchObject({ type: 'single-step', config: { auth: { type: 'bearer', token: '{{workspace.t}}' }, method: 'GET', url: 'https://x.io', outputs: { v: '$.v' } } });
    expect((out.config as Record<string, unknown>).steps).toBeUndefined();
  });

  const base = { schemaVersion: 2, id: 'x', name: 'X' } as const;
  const s = (id: string, extra: Record<string, unknown> = {}) => ({ id, url: `https://x.io/${id}`, ...extra });
  const e = (source: string, target: string, condition?: string) => ({ id: `${source}${target}`, source, target, ...(condition ? { condition } : {}) });
  const cases: Array<[string, Partial<ConnectorInput>, RegExp]> = [
    ['a partial join', { advanced: true, steps: [s('a'), s('b'), s('c'), s('d')], edges: [e('a', 'b'), e('a', 'c'), e('b', 'd')] }, /^d runs after b only, but .*\(b, c\)/],
    ['a skipped layer', { steps: [s('a'), s('b'), s('c')], edges: [e('a', 'b'), e('b', 'c'), e('a', 'c')] }, /^c runs after a, b only/],
    ['a parallel group of 4', { advanced: true, steps: [s('a'), s('b'), s('c'), s('d'), s('e')], edges: ['b', 'c', 'd', 'e'].map((t) => e('a', t)) }, /allows 3/],
    ['differing edge conditions', { steps: [s('a'), s('b'), s('c')], edges: [e('a', 'c', '{{a.x}}'), e('b', 'c')] }, /different conditions/],
    ['a form body', { steps: [s('a', { body: { type: 'form', fields: [{ key: 'k', value: 'v' }] } })] }, /form body/],
    ['OAuth 2.0', { auth: { type: 'oauth2_client_credentials', tokenUrl: 'https://t', clientId: 'c', clientSecret: '{{credentials.s}}' }, steps: [s('a')] }, /OAuth/],
  ];
  it.each(cases)('refuses %s with UNSUPPORTED_EXPORT and a hint', (_name, extra, message) => {
    const error = thrown(() => exportInterchange(ConnectorSchema.parse({ ...base, ...extra })));
    expect(error.code).toBe('UNSUPPORTED_EXPORT');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/^In the editor, /);
  });

  it('names steps by name and id, and says which links to draw or remove', () => {
    const named = (id: string, name: string) => ({ ...s(id), name });
    const partial = thrown(() => exportInterchange(ConnectorSchema.parse({ ...base, advanced: true, steps: [named('a', 'Search'), named('b', 'Details'), named('c', 'Verify'), named('d', 'Company')], edges: [e('a', 'b'), e('a', 'c'), e('b', 'd')] })));
    expect(partial.message).toBe('Company (d) runs after Details (b) only, but the interchange format can only say "after every step of the previous group" (Details (b), Verify (c)).');
    expect(partial.hint).toBe('In the editor, link Verify (c) to Company (d) too (drag from its right handle onto it), or export in the app format.');
    const skipped = thrown(() => exportInterchange(ConnectorSchema.parse({ ...base, steps: [named('a', 'Search'), named('b', 'Details'), named('c', 'Company')], edges: [e('a', 'b'), e('b', 'c'), e('a', 'c')] })));
    expect(skipped.hint).toBe('In the editor, remove the link from Search (a) to Company (c) (click it and press Delete), or export in the app format.');
  });
});

describe('loadConnectorDocument', () => {
  it('accepts both formats and validates', () => {
    expect(loadConnectorDocument(fixture('phone-enrichment.json')).steps).toHaveLength(4);
    const app = ConnectorSchema.parse({ schemaVersion: 2, id: 'x', name: 'X', steps: [{ id: 's', url: 'https://x.io' }] });
    expect(loadConnectorDocument(app).id).toBe('x');
  });

  it('throws INVALID_DOCUMENT listing semantic problems of an interchange file', () => {
    const doc = fixture('phone-enrichment.json');
    (doc.field_mappings as unknown[]).push({ source: 'step_9.x', target: 'company' });
    const error = thrown(() => loadConnectorDocument(doc));
    expect(error.code).toBe('INVALID_DOCUMENT');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'field_mappings[2].source', message: 'Mappings › step_9.x → company: The source "step_9" is not a step.' })]);
    expect(error.message).toBe('Mappings › step_9.x → company: The source "step_9" is not a step.');
    expect(thrown(() => loadConnectorDocument('nonsense')).message).toMatch(/JSON object/);
  });
});

describe('field mappings to custom contact fields (issue 10 §1)', () => {
  const doc = (field_mappings: unknown[]) => ({
    name: 'Lead scoring', type: 'single-step',
    config: { url: 'https://api.example.test/score', outputs: { score: '$.score', url: '$.linkedin', name: '$.name' } },
    field_mappings,
  });

  it('imports a non-system target as a custom field, so validate and run accept the file', () => {
    const c = loadConnectorDocument(doc([{ source: 'step_1.score', target: 'lead_score' }, { source: 'step_1.url', target: 'linkedin_url' }, { source: 'step_1.name', target: 'annual_revenue', coerce: 'number' }]));
    expect(c.fieldMappings.map((m) => [m.target, m.custom])).toEqual([['lead_score', true], ['linkedin_url', false], ['annual_revenue', true]]);
  });

  it('exports them back the way they came (no flag: the name decides)', () => {
    const original = doc([{ source: 'step_1.score', target: 'lead_score' }, { source: 'step_1.name', target: 'first_name' }]);
    expect(exportInterchange(importInterchange(original)).field_mappings).toEqual(original.field_mappings);
  });

  it('keeps the flag only where the name alone would mislead (a custom field called "company")', () => {
    const c = importInterchange(doc([{ source: 'step_1.name', target: 'company', custom: true }]));
    expect(c.fieldMappings[0]).toMatchObject({ target: 'company', custom: true });
    expect(exportInterchange(c).field_mappings).toEqual([{ source: 'step_1.name', target: 'company', custom: true }]);
  });
});
