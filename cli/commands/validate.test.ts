import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainConnector } from '../test-helpers/connectors.js';
import { buildCliOnce, createWorkDir, runCli } from '../test-helpers/runCli.js';

let work: Awaited<ReturnType<typeof createWorkDir>>;
beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
});
afterAll(() => work.cleanup());

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('connector-studio validate', () => {
  it('accepts a valid app-format file', async () => {
    const result = await runCli(['validate', 'tests/fixtures/connectors/company-lookup.connector.json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^✓ Company Lookup is valid \(2 steps\)/);
  });

  it('accepts a valid interchange file (the design doc example)', async () => {
    const result = await runCli(['validate', 'tests/fixtures/connectors/phone-enrichment.interchange.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ Phone Number Enrichment is valid \(4 steps\)/);
  });

  it('lists each problem as path: message (hint) and exits 1', async () => {
    const doc = chainConnector('http://127.0.0.1:9');
    const steps = doc.steps as Array<Record<string, unknown>>;
    steps[1] = { ...steps[1], url: '' };
    const file = await work.write('invalid.json', doc);
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ .*invalid\.json has 1 error:\n {2}steps\[1\]\.url: a step needs a URL/);
    noStackTrace(result.stdout + result.stderr);

    const graph = chainConnector('http://127.0.0.1:9');
    graph.edges = [...(graph.edges as unknown[]), { id: 'e3', source: 'company', target: 'nowhere' }, { id: 'e4', source: 'company', target: 'search' }];
    const graphResult = await runCli(['validate', await work.write('graph.json', graph)]);
    expect(graphResult.code).toBe(1);
    expect(graphResult.stdout).toMatch(/has [2-9] errors:/);
    expect(graphResult.stdout).toMatch(/edges\[2\]\.target: .*nowhere/);
  });

  it('reports a reference to an unknown step output with its path', async () => {
    const doc = chainConnector('http://127.0.0.1:9');
    (doc.fieldMappings as unknown[]).push({ source: 'company.nope', target: 'title' });
    const file = await work.write('badref.json', doc);
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/fieldMappings\[2\]\.source: .*nope/);
  });

  it('gives the line and column of a JSON syntax error and exits 2', async () => {
    const file = await work.write('broken.json', '{\n  "name": "x",\n  "steps": [\n    { "id": "a", }\n  ]\n}\n');
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/broken\.json is not valid JSON \(line 4, column 18\): property name expected/);
    noStackTrace(result.stderr);
  });

  it('says a missing file is missing and exits 2', async () => {
    const result = await runCli(['validate', 'no/such/connector.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot find the connector file no\/such\/connector\.json/);
    noStackTrace(result.stderr);
  });

  it('treats a wrong command line as a usage error (exit 2) with a pointer to help', async () => {
    const none = await runCli(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/validate takes exactly one connector file[\s\S]*connector-studio validate --help/);
    const unknown = await runCli(['validate', 'x.json', '--strict']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--strict'/);
  });

  it('has help for every command and a version', async () => {
    for (const command of ['validate', 'run', 'test']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: connector-studio ${command} `));
    }
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/Commands:\n {2}validate/);
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it('runs from source through tsx when asked (no bundle needed)', async () => {
    const result = await runCli(['validate', 'tests/fixtures/connectors/company-lookup.connector.json'], { fromSource: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ Company Lookup is valid/);
  });
});
