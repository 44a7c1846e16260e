/** Environments end to end in the host: the git-friendly file, secrets in the vault, runs using them, production confirmation. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';

const SECRET = 'PLANTED-partner-key-5521';
let userData: Awaited<ReturnType<typeof makeTempDir>>;
let workspace: Awaited<ReturnType<typeof makeTempDir>>;
let services: HostServices;
let server: Server;
let seen: string[];
let baseUrl: string;

beforeEach(async () => {
  seen = [];
  server = createServer((req, res) => {
    seen.push(`${req.url} key=${req.headers['x-key'] as string}`);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ where: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userData = await makeTempDir('cs-userdata-');
  workspace = await makeTempDir('cs-workspace-');
  services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir });
});
afterEach(async () => {
  await services.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await userData.cleanup();
  await workspace.cleanup();
});

const connector = {
  schemaVersion: 2 as const, id: 'env-demo', name: 'Env demo',
  steps: [{ id: 'call', url: '{{env.base_url}}/{{env.region}}', headers: [{ key: 'x-key', value: '{{env.partner_key}}' }], outputs: [{ name: 'where', path: '$.where' }] }],
};

async function runAndWait(params: Record<string, unknown>) {
  const { runId } = await services.api.runs.start({ connector, inputs: {}, mode: 'live', ...params });
  await services.runSettled(runId);
  return services.api.runs.get({ connectorId: 'env-demo', runId });
}

describe('environments', () => {
  it('keeps variables in a sorted environments.json and secret values only in the vault', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { region: 'eu', base_url: baseUrl } });
    const list = await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: SECRET });
    expect(list).toEqual([{ name: 'sandbox', variables: { base_url: baseUrl, region: 'eu' }, secrets: [{ name: 'partner_key', set: true }], confirmLiveRuns: false }]);
    const text = await readFile(join(workspace.dir, 'environments.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify({ environments: { sandbox: { confirmLiveRuns: false, secrets: ['partner_key'], variables: { base_url: baseUrl, region: 'eu' } } } }, null, 2)}\n`);
    expect(text).not.toContain(SECRET);
    // Environment secrets are not listed as connector credentials.
    expect(await services.api.credentials.list()).toEqual([]);
    // The workspace still lists no connector (the file is not mistaken for one).
    expect(await services.api.connectors.list()).toEqual([]);
  });

  it('a run uses the chosen environment, records its name and never stores its secrets', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { base_url: baseUrl, region: 'sandbox-eu' } });
    await services.api.environments.save({ name: 'production', variables: { base_url: baseUrl, region: 'prod-us' }, confirmLiveRuns: true });
    await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: SECRET });

    const sandbox = await runAndWait({ environment: 'sandbox' });
    expect(sandbox.record).toMatchObject({ status: 'success', environment: 'sandbox' });
    expect(seen).toEqual([`/sandbox-eu key=${SECRET}`]);

    // Production asks first: refused without confirmation, nothing sent.
    await expect(services.api.runs.start({ connector, inputs: {}, mode: 'live', environment: 'production' })).rejects.toThrow(/asks for confirmation/);
    expect(seen).toHaveLength(1);
    const production = await runAndWait({ environment: 'production', confirmed: true });
    expect(production.record.status).toBe('failed'); // production has no partner_key
    expect(production.record.error?.message).toMatch(/"partner_key" has no value in the selected environment/);

    const none = await runAndWait({});
    expect(none.record.error?.message).toMatch(/no environment is selected/);
    await expect(services.api.runs.start({ connector, inputs: {}, mode: 'live', environment: 'staging' })).rejects.toThrow(/no environment "staging"/);

    for (const file of await readdir(userData.dir, { recursive: true })) {
      const content = await readFile(join(userData.dir, file)).catch(() => Buffer.from(''));
      if (file.endsWith('.json') || file.endsWith('.jsonl')) expect(content.toString().includes(SECRET), file).toBe(false);
    }
  });

  it('deleting an environment removes its secret values from the vault', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: {} });
    await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: SECRET });
    expect(await services.api.environments.delete({ name: 'sandbox' })).toEqual([]);
    await services.api.environments.save({ name: 'sandbox', variables: {}, secrets: ['partner_key'] });
    expect((await services.api.environments.list())[0]!.secrets).toEqual([{ name: 'partner_key', set: false }]);
  });
});

describe('cassettes and environments', () => {
  it('a cassette recorded against sandbox names it in the cassette list and replays under production', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { base_url: baseUrl, region: 'sandbox-eu' } });
    await services.api.environments.save({ name: 'production', variables: { base_url: 'https://api.production.invalid', region: 'prod-us' }, confirmLiveRuns: true });
    await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: SECRET });
    const saved = await services.api.connectors.save({ connector });
    expect(saved.status).toBe('saved');

    const { runId } = await services.api.runs.start({ connectorId: 'env-demo', inputs: {}, mode: 'live', environment: 'sandbox', record: true, cassette: 'found' });
    await services.runSettled(runId);
    expect(seen).toEqual([`/sandbox-eu key=${SECRET}`]);
    expect(await services.api.runs.cassettes({ connectorId: 'env-demo' })).toEqual([expect.objectContaining({ name: 'found', environment: 'sandbox', interactions: 1 })]);

    // Replay asks no confirmation, sends nothing, and matches although production's URL and region differ.
    const replay = await services.api.runs.start({ connectorId: 'env-demo', inputs: {}, mode: 'replay', environment: 'production', cassette: 'found' });
    await services.runSettled(replay.runId);
    const { record } = await services.api.runs.get({ connectorId: 'env-demo', runId: replay.runId });
    expect(record).toMatchObject({ status: 'success', environment: 'production' });
    expect(record.steps[0]!.outputs.where).toBe('/sandbox-eu');
    expect(seen).toHaveLength(1);
    for (const file of await readdir(workspace.dir, { recursive: true })) {
      if (file.endsWith('.json')) expect((await readFile(join(workspace.dir, file), 'utf8')).includes(SECRET), file).toBe(false);
    }
  });
});

describe('interchange export and environments', () => {
  it('maps {{env.x}} from the chosen environment and never writes a secret value', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { base_url: baseUrl, region: 'eu' } });
    await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: SECRET });
    await services.api.connectors.save({ connector });
    await expect(services.api.connectors.export({ id: 'env-demo', format: 'interchange' })).rejects.toThrow(/step "call" URL uses \{\{env.base_url\}\}/);
    const { content } = await services.api.connectors.export({ id: 'env-demo', format: 'interchange', environment: 'sandbox' });
    expect(content).not.toContain(SECRET);
    const doc = JSON.parse(content) as { input_schema: Record<string, { default?: string }>; config: { url: string; headers: unknown } };
    expect(doc.input_schema.base_url!.default).toBe(baseUrl);
    expect(doc.config).toMatchObject({ url: '{{base_url}}/{{region}}', headers: [{ key: 'x-key', value: '{{workspace.partner_key}}' }] });
    // The app format keeps the references as they are.
    expect((await services.api.connectors.export({ id: 'env-demo', format: 'app', environment: 'sandbox' })).content).toContain('{{env.base_url}}');
  });
});
