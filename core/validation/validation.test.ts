import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { parseConnector, validateConnector, type ValidationIssue } from './index.js';

type StepDraft = { id: string; name: string; url: string; [key: string]: unknown };
const step = (id: string, extra: Record<string, unknown> = {}): StepDraft => ({ id, name: id, url: 'https://api.example.com/x', ...extra });
const edge = (source: string, target: string, extra: Record<string, unknown> = {}) => ({ id: `${source}-${target}`, source, target, ...extra });
const doc = (extra: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  id: 'phone',
  name: 'Phone enrichment',
  inputs: [{ name: 'phone', type: 'phone' }],
  credentials: [{ name: 'crm_token' }],
  auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
  steps: [
    step('step_1', { query: [{ key: 'phone', value: '{{phone}}' }], outputs: [{ name: 'contactId', path: '$.results[0].id' }] }),
    step('step_2', { url: 'https://api.example.com/contacts/{{step_1.contactId}}', outputs: [{ name: 'companyId', path: '$.companyId' }] }),
    step('step_3', { url: 'https://api.example.com/companies/{{step_2.companyId}}', condition: '{{step_2.companyId}} !== null', outputs: [{ name: 'name', path: '$.name' }] }),
  ],
  edges: [edge('step_1', 'step_2'), edge('step_2', 'step_3')],
  fieldMappings: [{ source: 'step_3.name', target: 'company' }],
  ...extra,
});

function errors(raw: unknown): ValidationIssue[] {
  return validateConnector(raw).issues.filter((i) => i.severity === 'error');
}

describe('validateConnector', () => {
  it('accepts a valid chain and applies defaults', () => {
    const result = validateConnector(doc());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.connector?.settings.timeoutMs).toBe(30_000);
  });

  it('maps schema problems to readable paths', () => {
    const result = validateConnector(doc({ steps: [{ id: 'step 1', url: '', method: 'FETCH' }] }));
    expect(result.ok).toBe(false);
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.message]));
    expect(byPath['steps[0].id']).toMatch(/^step 1: Id is not valid: a step id must start with a letter/);
    expect(byPath['steps[0].url']).toBe('step 1: URL is empty.');
    expect(byPath['steps[0].method']).toMatch(/^step 1: Method must be one of "GET"/);
    expect(validateConnector(doc({ name: 42 })).issues[0]).toMatchObject({ path: 'name', message: 'Basics: Name must be text, not a number.' });
  });

  it('runs migrations first (a v0 document validates)', () => {
    const v0 = { ...doc(), schemaVersion: undefined, steps: [step('step_1', { queryParams: { phone: '{{phone}}' } })], edges: [], fieldMappings: [] };
    const result = validateConnector(v0);
    expect(result.issues).toEqual([]);
    expect(result.connector?.steps[0]?.query[0]?.value).toBe('{{phone}}');
    expect(validateConnector({ schemaVersion: 7 }).issues[0]).toMatchObject({ path: 'schemaVersion', message: expect.stringMatching(/newer version.*\.$/) });
  });

  it('reports duplicate ids, bad edges, self loops, duplicates and cycles (naming the cycle)', () => {
    const found = errors(doc({
      steps: [step('a'), step('a'), step('b'), step('credentials')],
      edges: [edge('a', 'ghost'), edge('b', 'b'), edge('a', 'b'), edge('a', 'b', { id: 'dup' }), edge('b', 'a')],
      fieldMappings: [],
    }));
    const messages = found.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'steps[1].id: a: Id "a" is already used by another step.',
      'steps[3].id: credentials: Id "credentials" is reserved for credential references.',
      'edges[0].target: Edge a → ghost: Target "ghost" is not a step.',
      'edges[1]: Edge b → b: This edge connects a step to itself.',
      'edges[3]: Edge a → b: Another edge already connects the same two steps.',
      'edges: The connector has steps that form a cycle: a → b → a.',
    ]));
  });

  it('enforces the step, fan-out and entry limits with what to do', () => {
    const six = Array.from({ length: 6 }, (_, i) => step(`s${i}`));
    const chain = six.slice(1).map((s, i) => edge(`s${i}`, s.id));
    const tooMany = errors(doc({ steps: six, edges: chain, fieldMappings: [] }));
    expect(tooMany).toEqual([expect.objectContaining({ path: 'steps', message: 'The connector has 6 steps; the limit is 5.', hint: 'Remove steps, or turn on Basics › Advanced to allow up to 10.' })]);
    expect(errors(doc({ steps: six, edges: chain, fieldMappings: [], advanced: true }))).toEqual([]);

    const fan = errors(doc({ steps: [step('a'), step('b'), step('c'), step('d'), step('e')], edges: ['b', 'c', 'd', 'e'].map((t) => edge('a', t)), fieldMappings: [] }));
    expect(fan).toEqual([expect.objectContaining({ path: 'steps[0]', stepId: 'a', message: 'a: This step fans out to 4 steps (b, c, d, e); at most 3 branches may run in parallel.' })]);

    const entries = errors(doc({ steps: [step('a'), step('b'), step('c'), step('d')], edges: [], fieldMappings: [] }));
    expect(entries[0]?.message).toBe('The connector has 4 steps with no step before them, which would all start at once (a, b, c, d); at most 3 may.');
    expect(entries[0]?.hint).toMatch(/Connect some/);
  });

  it('reports conditions that do not parse, with the column', () => {
    const base = doc();
    base.steps[2]!.condition = '{{step_2.companyId}} !=== null';
    const found = errors(base);
    expect(found).toEqual([expect.objectContaining({ path: 'steps[2].condition', stepId: 'step_3', message: expect.stringMatching(/^step_3: Condition \(Run only if\) does not parse: .*column 25\.$/) })]);
  });

  it('accepts only inputs, declared credentials and ancestor outputs as references', () => {
    const base = doc({ fieldMappings: [] });
    base.steps[0]!.url = 'https://x.io/{{nope}}/{{step_3.name}}/{{step_1.contactId}}';
    base.steps[1]!.headers = [{ key: 'X-Key', value: '{{credentials.undeclared}}' }];
    base.steps[2]!.body = { type: 'json', value: { a: ['{{step_2.missing}}'] } };
    const found = errors(base).map((i) => `${i.path}: ${i.message}`);
    expect(found).toEqual([
      'steps[0].url: step_1: URL uses {{nope}}, which is not an input.',
      'steps[0].url: step_1: URL uses {{step_3.name}}, but step_3 does not run before this step; no step runs before this step.',
      'steps[0].url: step_1: URL uses its own output {{step_1.contactId}}.',
      'steps[1].headers[0].value: step_2: Header "X-Key" uses {{credentials.undeclared}}, which is not a declared credential.',
      'steps[2].body.value: step_3: Body uses {{step_2.missing}}, but step_2 has no output "missing".',
    ]);
  });

  it('rejects outputs of a parallel sibling branch', () => {
    const found = errors(doc({
      steps: [step('a', { outputs: [{ name: 'x', path: '$.x' }] }), step('b', { outputs: [{ name: 'y', path: '$.y' }] }), step('c', { url: 'https://x.io/{{b.y}}' })],
      edges: [edge('a', 'b'), edge('a', 'c')],
      fieldMappings: [],
    }));
    expect(found.map((i) => i.message)).toEqual(['c: URL uses {{b.y}}, but b does not run before this step; steps this one may use: a.']);
  });

  it('checks edge conditions against the source and its ancestors', () => {
    const base = doc({ fieldMappings: [] });
    base.edges[1] = edge('step_2', 'step_3', { condition: '{{step_2.companyId}} !== null && {{step_3.name}}' });
    const found = errors(base);
    expect(found).toEqual([expect.objectContaining({ path: 'edges[1].condition', edgeId: 'step_2-step_3', message: 'Edge step_2 → step_3: Condition uses {{step_3.name}}, but step_3 does not run before this edge; steps this edge may use: step_1, step_2.', hint: expect.stringMatching(/^Connect step_3 before step_2 /) })]);
  });

  it('flags literal secrets in auth with a hint to use a credential', () => {
    const found = validateConnector(doc({ auth: { type: 'api_key', in: 'header', name: 'X-Key', value: 'sk_live_123' } })).issues;
    expect(found).toEqual([expect.objectContaining({ path: 'auth.value', severity: 'error', hint: expect.stringMatching(/\{\{credentials.name\}\}/) })]);
    const basic = errors(doc({ auth: { type: 'basic', username: 'me', password: 'hunter2' } }));
    expect(basic.map((i) => i.path)).toEqual(['auth.password']);
    const header = validateConnector(doc({ steps: [step('step_1', { headers: [{ key: 'Authorization', value: 'Bearer abc' }] })], edges: [], fieldMappings: [] })).issues;
    expect(header).toEqual([expect.objectContaining({ path: 'steps[0].headers[0].value', severity: 'warning' })]);
    // The same header list as the publish check: a literal the marketplace would refuse is flagged while editing.
    const accessToken = validateConnector(doc({ steps: [step('step_1', { headers: [{ key: 'X-Access-Token', value: 'abc' }, { key: 'X-Access-Token', value: '{{credentials.tok}}' }] })], edges: [], fieldMappings: [], credentials: [{ name: 'tok' }] })).issues;
    expect(accessToken).toEqual([expect.objectContaining({ path: 'steps[0].headers[0].value', severity: 'warning' })]);
  });

  it('checks field mappings, output paths, duplicate inputs and outputs', () => {
    const base = doc({
      inputs: [{ name: 'phone' }, { name: 'phone' }],
      fieldMappings: [{ source: 'step_3.nope', target: 'company' }, { source: 'step_9.x', target: 'favourite_color' }, { source: 'step_3.name', target: 'company' }],
    });
    base.steps[0]!.outputs = [{ name: 'contactId', path: '$.results[0].id' }, { name: 'contactId', path: 'results' }];
    const found = validateConnector(base).issues.map((i) => `${i.severity} ${i.path}: ${i.message}`);
    expect(found).toEqual(expect.arrayContaining([
      'error inputs[1].name: Inputs › "phone": The name is used by another input too.',
      'error steps[0].outputs[1].name: step_1: Output "contactId" name is used by another output of this step too.',
      expect.stringMatching(/^error steps\[0\].outputs\[1\].path: step_1: Output "contactId" JSONPath is not valid: .*must start with \$/),
      'error fieldMappings[0].source: Mappings › step_3.nope → company: The source step_3 has no output "nope".',
      'error fieldMappings[1].source: Mappings › step_9.x → favourite_color: The source "step_9" is not a step.',
      'error fieldMappings[1].target: Mappings › step_9.x → favourite_color: "favourite_color" is not a system contact field.',
      'warning fieldMappings[2].target: Mappings › step_3.name → company: The contact field "company" is also filled by an earlier mapping; this later one wins.',
    ]));
  });
});

describe('unknown fields', () => {
  it('warns about each unknown field instead of dropping it silently', () => {
    const raw = doc({ colour: 'red' });
    (raw.steps[0] as Record<string, unknown>).queryParam = [];
    (raw.edges[0] as Record<string, unknown>).label = 'x';
    const result = validateConnector(raw);
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => `${i.severity} ${i.path}`)).toEqual(['warning colour', 'warning steps[0].queryParam', 'warning edges[0].label']);
    expect(result.issues[1]).toMatchObject({ stepId: 'step_1', message: 'step_1: queryParam is not a known field and is ignored.' });
  });
});

describe('parseConnector', () => {
  it('returns the connector or throws INVALID_DOCUMENT listing the issues', () => {
    expect(parseConnector(doc()).steps).toHaveLength(3);
    let error: unknown;
    try {
      parseConnector(doc({ steps: [step('a', { url: '{{nope}}' })], edges: [], fieldMappings: [] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('INVALID_DOCUMENT');
    // One problem: its own sentence, not wrapped in another ("The connector is not valid (1 problem): …").
    expect((error as ConnectorError).message).toBe('a: URL uses {{nope}}, which is not an input.');
    expect((error as ConnectorError).hint).toBe('Add an input named "nope" (Inputs), or fix the name.');
    expect((error as ConnectorError).path).toBe('steps[0].url');
    expect((error as ConnectorError).issues).toEqual([expect.objectContaining({ path: 'steps[0].url', stepId: 'a' })]);
  });
});
