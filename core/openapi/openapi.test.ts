import { describe, expect, it } from 'vitest';
import { validateConnector } from '../validation/index.js';
import { buildConnectorFromOpenApi, describeOpenApi, sampleFromSchema } from './index.js';

const pet = { type: 'object', required: ['name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' }, tag: { type: 'string' } } };

function spec(extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1.2' },
    servers: [{ url: 'https://{region}.pets.example/v1', variables: { region: { default: 'eu' } } }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'query', name: 'api_key' }, cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.pets.example/token', scopes: { read: '' } } } } } },
    security: [{ bearerAuth: [] }],
    paths: {
      '/pets/{petId}': {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        get: {
          operationId: 'getPet',
          summary: 'Get a pet',
          parameters: [{ name: 'fields', in: 'query', schema: { type: 'string' } }, { name: 'X-Trace-Id', in: 'header', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: pet, example: { id: 7, name: 'Rex', tag: 'dog' } } } } },
        },
      },
      '/pets': {
        post: {
          operationId: 'createPet',
          security: [{ key: [] }],
          requestBody: { content: { 'application/json': { schema: pet } } },
          responses: { 201: { description: 'made', content: { 'application/json': { schema: pet } } } },
        },
        get: { operationId: 'listPets', security: [{ cc: ['read'] }], responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: pet } } } } } },
      },
    },
    ...extra,
  };
}

describe('OpenAPI → connector mapping', () => {
  it('lists operations with ids, methods and summaries', () => {
    const overview = describeOpenApi(spec());
    expect(overview).toMatchObject({ title: 'Pets', version: '1.2', specification: 'OpenAPI 3.0.3' });
    expect(overview.operations.map((op) => `${op.method} ${op.id}`)).toEqual(['GET getPet', 'GET listPets', 'POST createPet']);
  });

  it('maps URL, parameters, headers, auth, outputs and the documented example', () => {
    const { connector } = buildConnectorFromOpenApi(spec(), { operationIds: ['getPet'] });
    const step = connector.steps[0]!;
    expect(step).toMatchObject({ id: 'get_pet', method: 'GET', url: 'https://eu.pets.example/v1/pets/{{pet_id}}' });
    expect(step.query).toEqual([{ key: 'fields', value: '', enabled: false, source: 'static' }]);
    expect(step.headers).toContainEqual({ key: 'X-Trace-Id', value: '{{x_trace_id}}', enabled: true, source: 'input' });
    expect(connector.inputs.map((i) => [i.name, i.type, i.required])).toEqual([['pet_id', 'number', true], ['x_trace_id', 'string', true]]);
    expect(connector.auth).toEqual({ type: 'bearer', token: '{{credentials.bearer_auth_token}}' });
    expect(connector.credentials.map((c) => c.name)).toEqual(['bearer_auth_token']);
    expect(step.outputs).toEqual([{ name: 'id', path: '$.id' }, { name: 'name', path: '$.name' }, { name: 'tag', path: '$.tag' }]);
    expect(step.mock).toMatchObject({ status: 200, body: { id: 7, name: 'Rex', tag: 'dog' } });
    expect(validateConnector(connector).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('builds a body skeleton without readOnly fields, per-step auth overrides and client-credentials OAuth', () => {
    const { connector, notes } = buildConnectorFromOpenApi(spec(), { operationIds: ['createPet', 'listPets'] });
    const [create, list] = connector.steps;
    expect(create!.body).toEqual({ type: 'json', value: { name: '', tag: '' } });
    expect(connector.auth).toEqual({ type: 'api_key', in: 'query', name: 'api_key', value: '{{credentials.key}}' });
    expect(list!.auth).toEqual({ type: 'oauth2_client_credentials', tokenUrl: 'https://auth.pets.example/token', clientId: '{{credentials.cc_client_id}}', clientSecret: '{{credentials.cc_client_secret}}', scope: 'read' });
    expect(list!.outputs[0]).toEqual({ name: 'id', path: '$[0].id' });
    expect(connector.edges).toEqual([{ id: 'e1', source: 'create_pet', target: 'list_pets' }]);
    // Missing example: the mock is generated from the schema, and the notes say so.
    expect(create!.mock).toMatchObject({ status: 201, body: { id: 0, name: '', tag: '' } });
    expect(notes.some((n) => /generated from the response schema/.test(n))).toBe(true);
    expect(validateConnector(connector).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('merges allOf, takes the first oneOf choice and stops at circular $refs', () => {
    const circular: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
    (circular.properties as Record<string, unknown>).parent = circular; // dereferenced cycle (same object)
    expect(sampleFromSchema(circular, 'request')).toEqual({ name: '', parent: null });
    expect(sampleFromSchema({ type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } }, 'request')).toEqual({ child: null });
    expect(sampleFromSchema({ allOf: [{ type: 'object', properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'boolean' } } }] }, 'request')).toEqual({ a: 0, b: false });
    expect(sampleFromSchema({ oneOf: [{ type: 'null' }, { type: 'object', properties: { c: { type: 'string', format: 'date' } } }] }, 'request')).toEqual({ c: '2024-01-01' });
  });

  it('uses Swagger 2 host, basePath, body parameters and security definitions', () => {
    const swagger = {
      swagger: '2.0', info: { title: 'Old', version: '1' }, host: 'old.example', basePath: '/api', schemes: ['http', 'https'],
      securityDefinitions: { basicAuth: { type: 'basic' } }, security: [{ basicAuth: [] }],
      paths: { '/things': { post: { operationId: 'make', parameters: [{ in: 'body', name: 'body', schema: { type: 'object', properties: { n: { type: 'number' } } } }, { in: 'query', name: 'dry', type: 'boolean', required: true }], responses: { 200: { description: 'ok', schema: { type: 'object', properties: { ok: { type: 'boolean' } } }, examples: { 'application/json': { ok: true } } } } } } },
    };
    const { connector } = buildConnectorFromOpenApi(swagger, { operationIds: ['make'] });
    expect(connector.steps[0]).toMatchObject({ url: 'https://old.example/api/things', body: { type: 'json', value: { n: 0 } }, query: [{ key: 'dry', value: '{{dry}}' }], mock: { body: { ok: true } } });
    expect(connector.auth).toEqual({ type: 'basic', username: '{{credentials.basic_auth_username}}', password: '{{credentials.basic_auth_password}}' });
  });

  it('says what to fix: no server, unknown operation, too many operations', () => {
    const noServer = spec({ servers: [{ url: '/relative' }] });
    const { connector, notes } = buildConnectorFromOpenApi(noServer, { operationIds: ['getPet'] });
    expect(connector.steps[0]!.url).toBe('https://api.example.com/relative/pets/{{pet_id}}');
    expect(notes.join('\n')).toMatch(/names no absolute server URL/);
    expect(() => buildConnectorFromOpenApi(spec(), { operationIds: ['nope'] })).toThrow(/no operation "nope"/);
    expect(() => buildConnectorFromOpenApi(spec(), { operationIds: [] })).toThrow(/No operation was chosen/);
    expect(() => buildConnectorFromOpenApi(spec(), { operationIds: Array(11).fill('getPet') })).toThrow(/at most 10 steps/);
  });
});
