import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorkDir, runCli } from '../test-helpers/runCli.js';

let work: Awaited<ReturnType<typeof createWorkDir>>;
let server: Server;
let url = '';
const seen: string[] = [];
beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
  server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers['x-key'] as string}`);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await work.cleanup();
});

describe('connector-studio run --env', () => {
  it('reads the environment next to the file, takes secrets from CONNECTOR_STUDIO_ENV_*, and never prints them', async () => {
    await work.write('environments.json', { environments: { sandbox: { variables: { base_url: `${url}/sandbox` }, secrets: ['partner_key'] }, production: { variables: { base_url: `${url}/prod` } } } });
    const file = await work.write('env.connector.json', {
      schemaVersion: 2, id: 'env', name: 'Env',
      steps: [{ id: 'call', url: '{{env.base_url}}/x', headers: [{ key: 'x-key', value: '{{env.partner_key}}' }], outputs: [{ name: 'path', path: '$.path' }, { name: 'echo', path: '$.path' }] }],
    });
    const ok = await runCli(['run', file, '--env', 'sandbox', '--json'], { env: { CONNECTOR_STUDIO_ENV_PARTNER_KEY: 'PLANTED-cli-env-77' } });
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'success', steps: [{ outputs: { path: '/sandbox/x' } }] });
    expect(seen).toEqual(['/sandbox/x PLANTED-cli-env-77']);
    expect(ok.stdout + ok.stderr).not.toContain('PLANTED-cli-env-77');

    const missing = await runCli(['run', file, '--env', 'production', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).steps[0].error.message).toMatch(/"partner_key" has no value in the selected environment/);

    const unknown = await runCli(['run', file, '--env', 'staging']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no environment "staging".*Use one of: sandbox, production/s);
  });
});
