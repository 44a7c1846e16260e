import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorFromOpenApi, describeOpenApi, validateConnector } from '#core';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { loadOpenApiSpec } from './loadOpenApiSpec.js';

const examples = join(process.cwd(), 'node_modules/@readme/oas-examples');
const fromPackage = (file: string) => loadOpenApiSpec({ kind: 'file', path: join(examples, file) });

async function importAll(file: string, pick: number) {
  const { spec } = await fromPackage(file);
  const overview = describeOpenApi(spec);
  const operationIds = overview.operations.slice(0, pick).map((op) => op.id);
  const result = buildConnectorFromOpenApi(spec, { operationIds });
  const errors = validateConnector(result.connector).issues.filter((i) => i.severity === 'error');
  return { overview, ...result, errors };
}

describe('real public specs (see tests/openapi/README.md)', () => {
  it('Swagger Petstore, OpenAPI 3.0 and Swagger 2.0: same operations, valid connectors', async () => {
    const v3 = await importAll('3.0/json/petstore.json', 5);
    const v2 = await importAll('2.0/json/petstore.json', 5);
    expect(v3.overview.operations).toHaveLength(20);
    expect(v2.overview.operations.map((o) => o.id)).toEqual(v3.overview.operations.map((o) => o.id));
    for (const result of [v3, v2]) {
      expect(result.errors).toEqual([]);
      expect(result.connector.steps.map((s) => s.id)).toEqual(['update_pet', 'add_pet', 'find_pets_by_status', 'find_pets_by_tags', 'get_pet_by_id']);
      expect(result.connector.steps[4]!.url).toBe('http://petstore.swagger.io/v2/pet/{{pet_id}}');
      // findPetsByStatus: a required array query parameter becomes an input.
      expect(result.connector.steps[2]!.query[0]).toMatchObject({ key: 'status', value: '{{status}}', enabled: true });
      // The oauth2 implicit flow cannot run in a connector: a bearer token slot, and a note saying so.
      expect(result.notes.join('\n')).toMatch(/implicit flow/);
    }
    // getPetById allows an api_key header instead; the first requirement (api_key) wins there.
    expect(v3.connector.steps[4]!.auth).toEqual({ type: 'api_key', in: 'header', name: 'api_key', value: '{{credentials.api_key}}' });
  });

  it('Train Travel API (OpenAPI 3.1, YAML): examples become mocks, outputs follow the response', async () => {
    const { connector, errors, overview } = await importAll('3.1/yaml/train-travel.yaml', 2);
    expect(overview.specification).toBe('OpenAPI 3.1.0');
    expect(errors).toEqual([]);
    const stations = connector.steps[0]!;
    expect(stations.url).toBe('https://api.example.com/stations');
    expect(stations.mock?.status).toBe(200);
    expect(JSON.stringify(stations.mock?.body)).toContain('Berlin');
    expect(stations.outputs.length).toBeGreaterThan(0);
    expect(connector.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(['origin', 'destination', 'date']));
  });

  it('USPTO and STAPI: servers with variables, form bodies, many operations', async () => {
    const uspto = await importAll('3.0/json/uspto.json', 3);
    expect(uspto.errors).toEqual([]);
    expect(uspto.connector.steps[0]!.url).toMatch(/^https?:\/\/developer\.uspto\.gov\/ds-api\//);
    expect(uspto.connector.steps.some((s) => s.body.type === 'form')).toBe(true);
    const stapi = await importAll('3.0/json/star-trek.json', 6);
    expect(stapi.errors).toEqual([]);
    expect(stapi.connector.advanced).toBe(true);
    expect(stapi.connector.steps).toHaveLength(6);
  });

  it('circular schemas import without looping', async () => {
    for (const file of ['3.0/json/circular.json', '3.0/json/schema-circular.json', '2.0/json/schema-circular.json']) {
      const { spec } = await fromPackage(file);
      const ids = describeOpenApi(spec).operations.map((o) => o.id);
      const { connector } = buildConnectorFromOpenApi(spec, { operationIds: ids.slice(0, 5) });
      expect(JSON.stringify(connector).length).toBeLessThan(200_000);
      expect(validateConnector(connector).issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('every security scheme of ReadMe\'s catalogue maps to an auth kind or a note', async () => {
    const { spec } = await fromPackage('3.0/json/security.json');
    for (const op of describeOpenApi(spec).operations) {
      const { connector, notes } = buildConnectorFromOpenApi(spec, { operationIds: [op.id] });
      const auth = connector.steps[0]!.auth ?? connector.auth;
      expect(auth.type !== 'none' || notes.length > 0 || op.id.includes('anon') || op.path.includes('anon') || op.path.includes('no-auth'), `${op.method} ${op.path}`).toBe(true);
    }
  });
});

describe('hostile and broken specs', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: Server;
  let requests = 0;
  let serverUrl = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ type: 'object', properties: { remote: { type: 'string' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(async () => temp?.cleanup());

  const withSchema = (schema: unknown) => JSON.stringify({
    openapi: '3.0.3', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.test' }],
    paths: { '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema } } }, responses: { 200: { description: 'ok' } } } } },
  });

  it('reads referenced files inside the spec folder, never outside it (paths, ../ and symlinks)', async () => {
    temp = await makeTempDir('cs-openapi-');
    const specDir = join(temp.dir, 'spec');
    await mkdir(join(specDir, 'schemas'), { recursive: true });
    await writeFile(join(temp.dir, 'secret.json'), JSON.stringify({ type: 'object', properties: { stolen: { type: 'string' } } }));
    await writeFile(join(specDir, 'schemas', 'thing.yaml'), 'type: object\nproperties:\n  inside:\n    type: string\n');
    await writeFile(join(specDir, 'ok.json'), withSchema({ $ref: './schemas/thing.yaml' }));
    const { spec } = await loadOpenApiSpec({ kind: 'file', path: join(specDir, 'ok.json') });
    expect(buildConnectorFromOpenApi(spec, { operationIds: ['x'] }).connector.steps[0]!.body).toEqual({ type: 'json', value: { inside: '' } });

    for (const ref of ['../secret.json', join(temp.dir, 'secret.json'), `file://${join(temp.dir, 'secret.json')}`, '/etc/passwd']) {
      await writeFile(join(specDir, 'bad.json'), withSchema({ $ref: ref }));
      await expect(loadOpenApiSpec({ kind: 'file', path: join(specDir, 'bad.json') }), ref).rejects.toThrow(/outside its own folder/);
    }
    await symlink(join(temp.dir, 'secret.json'), join(specDir, 'schemas', 'link.json'));
    await writeFile(join(specDir, 'bad.json'), withSchema({ $ref: './schemas/link.json' }));
    await expect(loadOpenApiSpec({ kind: 'file', path: join(specDir, 'bad.json') })).rejects.toThrow(/outside its own folder/);
  });

  it('a pasted spec refers to no file at all', async () => {
    await expect(loadOpenApiSpec({ kind: 'text', text: withSchema({ $ref: './schemas/thing.yaml' }) })).rejects.toThrow(/pasted spec cannot refer to other files/);
  });

  it('never fetches a remote $ref unless allowed', async () => {
    const text = withSchema({ $ref: `${serverUrl}/schema.json` });
    await expect(loadOpenApiSpec({ kind: 'text', text })).rejects.toThrow(/remote document; it was not fetched/);
    expect(requests).toBe(0);
    const { spec } = await loadOpenApiSpec({ kind: 'text', text }, { allowRemoteRefs: true });
    expect(requests).toBe(1);
    expect(buildConnectorFromOpenApi(spec, { operationIds: ['x'] }).connector.steps[0]!.body).toEqual({ type: 'json', value: { remote: '' } });
  });

  it('caps size, nesting and YAML aliases; refuses what is not a spec', async () => {
    await expect(loadOpenApiSpec({ kind: 'text', text: `{"openapi":"3.0.0","x":"${'a'.repeat(11 * 1024 * 1024)}"}` })).rejects.toThrow(/larger than 10 MB/);
    await expect(loadOpenApiSpec({ kind: 'text', text: `{"openapi":"3.0.0","x":${'['.repeat(5000)}${']'.repeat(5000)}}` })).rejects.toThrow(/nested more than 200 levels/);
    const bomb = ['openapi: 3.0.0', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    await expect(loadOpenApiSpec({ kind: 'text', text: bomb })).rejects.toThrow(/YAML/);
    await expect(loadOpenApiSpec({ kind: 'text', text: '{"name":"not a spec"}' })).rejects.toThrow(/not an OpenAPI or Swagger document/);
    await expect(loadOpenApiSpec({ kind: 'text', text: '{"openapi": "4.0.0"}' })).rejects.toThrow(/version 4.0.0/);
    await expect(loadOpenApiSpec({ kind: 'text', text: '{"openapi": ' })).rejects.toThrow(/not valid JSON/);
    await expect(loadOpenApiSpec({ kind: 'text', text: withSchema({ $ref: '#/components/schemas/Missing' }) })).rejects.toThrow(/cannot be resolved|Missing/);
  });

  it('a spec that breaks the OpenAPI schema still imports, with the problems as warnings', async () => {
    const text = JSON.stringify({ openapi: '3.0.3', info: { title: 'Sloppy' }, paths: { '/a': { get: { operationId: 'a', responses: { 200: { description: 'ok' } } } } } });
    const { spec, warnings } = await loadOpenApiSpec({ kind: 'text', text });
    expect(warnings.length).toBeGreaterThan(0);
    expect(describeOpenApi(spec).operations.map((o) => o.id)).toEqual(['a']);
  });
});
