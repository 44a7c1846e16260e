/**
 * A credential passed on the command line (or in the environment) never appears in the
 * CLI's stdout or stderr: not in reports, JSON, request echoes, error messages or usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, reply, type TestServer } from '#core/test-helpers';
import { singleStepConnector } from './test-helpers/connectors.js';
import { buildCliOnce, createWorkDir, runCli, type CliResult } from './test-helpers/runCli.js';

const SECRET = 'sk_live_PLANTED_c0ffee_5ecret';

let server: TestServer;
let work: Awaited<ReturnType<typeof createWorkDir>>;

beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
  server = await createTestServer({
    // Echoes the Authorization header and the query back, in the body and a header.
    '/echo': (request) => reply.json({ echo: request.headers.authorization, query: request.query }, { headers: { 'x-echo': request.headers.authorization ?? '' } }),
    // Fails, quoting the secret in its error body.
    '/fail': (request) => reply.json({ error: `token ${request.headers.authorization} is revoked` }, { status: 403 }),
    '/echo-key': (request) => reply.json({ echo: `key=${request.query.key}` }),
  });
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

function expectNoSecret(result: CliResult): void {
  expect(result.stdout).not.toContain(SECRET);
  expect(result.stderr).not.toContain(SECRET);
  expect(result.stdout + result.stderr).not.toContain(Buffer.from(SECRET).toString('base64'));
}

describe('planted secret', () => {
  it('is masked in the human report and in --json when the API echoes it back into an output', async () => {
    const file = await work.write('echo.json', singleStepConnector(`${server.url}/echo`));
    for (const json of [false, true]) {
      const result = await runCli(['run', file, '--input', 'phone=1', '--credential', `crm_token=${SECRET}`, ...(json ? ['--json'] : [])]);
      expect(result.code).toBe(0);
      expectNoSecret(result);
      // The server did receive it: the masking happened in the CLI's output, not by not sending it.
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(result.stdout).toContain('{{credentials.crm_token}}');
    }
  });

  it('is masked in error messages of a failed run (both output modes)', async () => {
    const file = await work.write('fail.json', singleStepConnector(`${server.url}/fail`));
    for (const json of [false, true]) {
      const result = await runCli(['run', file, '--input', 'phone=1', '--credential', `crm_token=${SECRET}`, ...(json ? ['--json'] : [])]);
      expect(result.code).toBe(1);
      expectNoSecret(result);
    }
  });

  it('is masked when it came from the environment and was sent as a query parameter', async () => {
    const doc = singleStepConnector(`${server.url}/echo-key`, { auth: { type: 'api_key', in: 'query', name: 'key', value: '{{credentials.crm_token}}' } });
    const file = await work.write('query.json', doc);
    const rows = await work.write('rows.csv', 'phone\n1\n2\n');
    for (const extra of [[], ['--data', rows]]) {
      for (const json of [false, true]) {
        const result = await runCli(['run', file, '--input', 'phone=1', ...extra, ...(json ? ['--json'] : [])], { env: { CONNECTOR_STUDIO_CREDENTIAL_CRM_TOKEN: SECRET } });
        expect(result.code).toBe(0);
        expectNoSecret(result);
      }
    }
  });

  it('is not echoed by usage errors about a mistyped credential flag', async () => {
    const file = await work.write('echo2.json', singleStepConnector(`${server.url}/echo`));
    const cases = [
      ['run', file, `--credentail=crm_token=${SECRET}`],
      ['run', file, '--credential', SECRET],
      ['run', file, '--credential', `crm_token=${SECRET}`, '--mode', 'nope'],
      ['run', file, '--credential', `crm_token=${SECRET}`, '--input', `phone=${SECRET}`, '--input', `bogus=${SECRET}`],
    ];
    for (const args of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expectNoSecret(result);
    }
  });
});
