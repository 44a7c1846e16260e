import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '#core/test-helpers';
import { startChainServer, TOKEN } from '../test-helpers/chainServer.js';
import { chainConnector, chainInterchange } from '../test-helpers/connectors.js';
import { buildCliOnce, createWorkDir, jsonLines, runCli } from '../test-helpers/runCli.js';

let server: TestServer;
let work: Awaited<ReturnType<typeof createWorkDir>>;
let appFile: string;
let interchangeFile: string;

beforeAll(async () => {
  buildCliOnce();
  server = await startChainServer();
  work = await createWorkDir();
  appFile = await work.write('chain.connector.json', chainConnector(server.url));
  interchangeFile = await work.write('chain.interchange.json', chainInterchange(server.url));
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

const credential = ['--credential', `crm_token=${TOKEN}`];

describe('connector-studio run', () => {
  it('prints a step-by-step report and the mapped contact, exit 0', async () => {
    const result = await runCli(['run', appFile, '--input', 'phone=+15551234567', ...credential]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ Phone Chain: succeeded in \d+ ms/);
    expect(result.stdout).toMatch(/✓ search +Search Contact +HTTP 200 {2}1 attempt {2}\d+ ms/);
    expect(result.stdout).toMatch(/contactId = "c_\+15551234567"/);
    expect(result.stdout).toMatch(/Contact:\n {2}first_name = "Ada c_\+15551234567"\n {2}company +\= "Acme Corp"/);
    // The phone's "+" arrived intact (percent-encoded as one query component).
    expect(server.requests.at(-3)?.query.phone).toBe('+15551234567');
  });

  it('--json prints exactly one JSON object of the documented shape', async () => {
    const result = await runCli(['run', appFile, '--input', 'phone=5550001', ...credential, '--json']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(1);
    const output = lines[0] as Record<string, unknown>;
    expect(Object.keys(output).sort()).toEqual(['contact', 'durationMs', 'status', 'steps']);
    expect(output.status).toBe('success');
    expect(output.contact).toEqual({ first_name: 'Ada c_5550001', company: 'Acme Corp' });
    expect(typeof output.durationMs).toBe('number');
    const steps = output.steps as Array<Record<string, unknown>>;
    expect(steps.map((step) => step.id)).toEqual(['search', 'contact', 'company']);
    for (const step of steps) {
      expect(Object.keys(step).sort()).toEqual(['attempts', 'durationMs', 'id', 'outputs', 'status']);
      expect(step.status).toBe('success');
      expect(step.attempts).toBe(1);
    }
    expect(steps[1]?.outputs).toEqual({ firstName: 'Ada c_5550001', companyId: 'co_1' });
  });

  it('exits 1 on a failed run, with the error in plain words and later steps skipped', async () => {
    const human = await runCli(['run', appFile, '--input', 'phone=500', ...credential]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^✗ Phone Chain: failed/);
    expect(human.stdout).toMatch(/✗ contact +Get Contact +HTTP 500/);
    expect(human.stdout).toMatch(/HTTP_ERROR: .*500/);
    expect(human.stdout).toMatch(/○ company +Get Company +skipped/);

    const json = await runCli(['run', appFile, '--input', 'phone=500', ...credential, '--json']);
    expect(json.code).toBe(1);
    const output = jsonLines(json.stdout)[0] as { status: string; steps: Array<{ id: string; status: string; error?: { code: string; message: string } }> };
    expect(output.status).toBe('failed');
    expect(output.steps.map((step) => [step.id, step.status])).toEqual([['search', 'success'], ['contact', 'failed'], ['company', 'skipped']]);
    expect(output.steps[1]?.error?.code).toBe('HTTP_ERROR');
  });

  it('skips a step whose edge condition is false and still succeeds', async () => {
    const result = await runCli(['run', appFile, '--input', 'phone=nocompany', ...credential, '--json']);
    expect(result.code).toBe(0);
    const output = jsonLines(result.stdout)[0] as { steps: Array<{ id: string; status: string }>; contact: Record<string, unknown> };
    expect(output.steps.find((step) => step.id === 'company')?.status).toBe('skipped');
    expect(output.contact.first_name).toBe('Ada c_nocompany');
  });

  it('runs an interchange file; --credential supplies {{workspace.crm_token}}', async () => {
    const result = await runCli(['run', interchangeFile, '--input', 'phone=777', ...credential, '--json']);
    expect(result.code).toBe(0);
    expect((jsonLines(result.stdout)[0] as { contact: unknown }).contact).toEqual({ first_name: 'Ada c_777', company: 'Acme Corp' });
  });

  it('reads credentials from CONNECTOR_STUDIO_CREDENTIAL_<NAME>', async () => {
    const result = await runCli(['run', appFile, '--input', 'phone=42', '--json'], { env: { CONNECTOR_STUDIO_CREDENTIAL_CRM_TOKEN: TOKEN } });
    expect(result.code).toBe(0);
  });

  it('fails clearly when a credential is missing', async () => {
    const result = await runCli(['run', appFile, '--input', 'phone=42']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/MISSING_CREDENTIAL/);
    expect(result.stdout).toMatch(/--credential crm_token=… or set CONNECTOR_STUDIO_CREDENTIAL_CRM_TOKEN/);
  });

  it('keeps the type an input declares: a number input arrives as a JSON number', async () => {
    const doc = chainConnector(server.url, {
      inputs: [{ name: 'limit', type: 'number', required: true }, { name: 'phone', type: 'string' }],
      steps: [{ id: 'search', name: 'Search', method: 'POST', idempotent: true, url: `${server.url}/contacts/search`, body: { type: 'json', value: { limit: '{{limit}}', phone: '{{phone}}' } }, outputs: [] }],
      edges: [],
      fieldMappings: [],
    });
    const file = await work.write('typed.json', doc);
    const result = await runCli(['run', file, '--input', 'limit=25', '--input', 'phone=0042', ...credential, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(server.requests.at(-1)?.body ?? '')).toEqual({ limit: 25, phone: '0042' });
  });

  it('runs offline with --mode mock using each step\'s mock response', async () => {
    const result = await runCli(['run', 'tests/fixtures/connectors/company-lookup.connector.json', '--mode', 'mock', '--input', 'email=ada@acme.example', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((jsonLines(result.stdout)[0] as { contact: unknown }).contact).toEqual({ company: 'Acme Corp', employees: 1200 });
  });

  it('records a live run into a redacted cassette and replays it without the server', async () => {
    const cassette = `${work.dir}/chain.cassette.json`;
    const live = await runCli(['run', appFile, '--input', 'phone=31337', ...credential, '--record', cassette, '--json']);
    expect(live.code).toBe(0);
    const text = await readFile(cassette, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('{{credentials.crm_token}}');
    // The run's inputs go with it, as the app's cassettes keep them (the app prefills a replay from them).
    expect((JSON.parse(text) as { inputs?: unknown }).inputs).toEqual({ phone: '31337' });

    const replay = await runCli(['run', appFile, '--input', 'phone=31337', ...credential, '--cassette', cassette, '--json']);
    expect(replay.code).toBe(0);
    expect((jsonLines(replay.stdout)[0] as { contact: unknown }).contact).toEqual({ first_name: 'Ada c_31337', company: 'Acme Corp' });

    const other = await runCli(['run', appFile, '--input', 'phone=1', ...credential, '--mode', 'replay', '--cassette', cassette, '--json']);
    expect(other.code).toBe(1);
    expect(JSON.stringify(jsonLines(other.stdout)[0])).toMatch(/MOCK_MISSING/);
  });

  it('rejects bad usage with exit 2 before running anything', async () => {
    const before = server.requests.length;
    const cases: Array<[string[], RegExp]> = [
      [['run', appFile, '--mode', 'turbo'], /--mode must be live, mock or replay/],
      [['run', appFile, '--mode', 'replay'], /--mode replay needs --cassette/],
      [['run', appFile, '--input', 'phnoe=1'], /has no input named "phnoe" \(its inputs: phone\)/],
      [['run', appFile, '--input', 'phone'], /--input expects key=value/],
      [['run', appFile, '--concurrency', '4'], /--concurrency only applies with --data/],
      [['run'], /run takes exactly one connector file/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(server.requests.length).toBe(before);
  });

  it('refuses a schema-invalid file with its problems and exit 2', async () => {
    const file = await work.write('no-steps.json', { ...chainConnector(server.url), steps: [] });
    const result = await runCli(['run', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-steps\.json is not a valid connector \(1 error\):/);
    expect(result.stderr).toMatch(/✗ The connector is empty\.\n {4}→ A connector needs at least one step\.\n {4}at steps\n/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('prints the same problem list as validate for an invalid interchange file and sends no request', async () => {
    const doc = chainInterchange(server.url);
    const steps = (doc.config as { steps: Array<Record<string, unknown>> }).steps;
    delete steps[1]!.url;
    steps[2]!.queryParams = [{ key: 'id', value: '{{step_9.companyId}}' }];
    const file = await work.write('broken.interchange.json', doc);
    const before = server.requests.length;
    const result = await runCli(['run', file, '--input', 'phone=+15551234567', ...credential, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const validate = await runCli(['validate', file]);
    const problems = (text: string) => text.split('\n').filter((line) => line.startsWith('  '));
    expect(problems(result.stderr)).toEqual(problems(validate.stdout));
    expect(result.stderr).toContain('  ✗ Get Contact (step_2): URL is missing.');
    expect(result.stderr).toContain('  ✗ Get Company (step_3): Query parameter "id" refers to step_9, which is not a step; steps this one may use: step_1, step_2.');
    expect(server.requests.length).toBe(before);
  });
});
