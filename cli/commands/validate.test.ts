import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainConnector, chainInterchange } from '../test-helpers/connectors.js';
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
    expect(result.stdout).toMatch(/^✗ .*invalid\.json has 1 error:\n {2}✗ Get Contact \(contact\): URL is empty\.\n {4}→ A step needs a URL\.\n {4}at steps\[1\]\.url\n/);
    noStackTrace(result.stdout + result.stderr);

    const graph = chainConnector('http://127.0.0.1:9');
    graph.edges = [...(graph.edges as unknown[]), { id: 'e3', source: 'company', target: 'nowhere' }, { id: 'e4', source: 'company', target: 'search' }];
    const graphResult = await runCli(['validate', await work.write('graph.json', graph)]);
    expect(graphResult.code).toBe(1);
    expect(graphResult.stdout).toMatch(/has [2-9] errors:/);
    expect(graphResult.stdout).toMatch(/✗ Edge company → nowhere: Target "nowhere" is not a step\.\n.*\n {4}at edges\[2\]\.target/);
  });

  it('reports a reference to an unknown step output with its path', async () => {
    const doc = chainConnector('http://127.0.0.1:9');
    (doc.fieldMappings as unknown[]).push({ source: 'company.nope', target: 'title' });
    const file = await work.write('badref.json', doc);
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Mappings › company\.nope → title: The source Get Company \(company\) has no output "nope"\.\n.*\n {4}at fieldMappings\[2\]\.source/);
  });

  it('lists every problem of an interchange file in one pass, at its path in that file', async () => {
    const doc = chainInterchange('http://127.0.0.1:9');
    const config = doc.config as { steps: Array<Record<string, unknown>> };
    const [first, second, third] = config.steps as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    const { url: _url, ...withoutUrl } = second;
    config.steps = [
      first,
      { id: 'group', type: 'parallel', steps: [withoutUrl, { ...third, queryParams: [{ key: 'id', value: '{{step_9.companyId}}' }] }, { id: 'step_1', name: 'Again', url: 'http://127.0.0.1:9/x' }, { id: 'step_5', name: 'Step 5', url: 'http://127.0.0.1:9/y' }] },
      { id: 'step_6', name: 'Six', url: 'http://127.0.0.1:9/z', condition: { enabled: true, expression: '{{step_2.companyId}} ===' } },
    ];
    (doc.field_mappings as unknown[]).push({ source: 'step_6.nothing', target: 'title' });
    const file = await work.write('many.interchange.json', doc);

    const json = await runCli(['validate', file, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { valid: boolean; problems: Array<{ path: string; message: string; hint?: string; severity: string }> };
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => `${p.path} | ${p.message}`)).toEqual(expect.arrayContaining([
      'config.steps[1].steps[0].url | Get Contact (step_2): URL is missing.',
      'config.steps[1].steps[2].id | Again (step_1): Id "step_1" is already used by another step.',
      'config.steps | The connector has 6 steps; the limit is 5.',
      'config.steps[1].steps[1].queryParams[0].value | Get Company (step_3): Query parameter "id" refers to step_9, which is not a step; steps this one may use: step_1.',
      expect.stringMatching(/^config\.steps\[2\]\.condition\.expression \| Six \(step_6\): Condition \(Run only if\) does not parse: .*\.$/),
      'field_mappings[2].source | Mappings › step_6.nothing → title: The source Six (step_6) has no output "nothing".',
    ]));
    for (const problem of report.problems) {
      expect(problem.message).not.toMatch(/shape that is not allowed|not valid \(\d+ problem|Fix the problems listed above/);
      expect(problem.message).toMatch(/\.$/);
      expect(['error', 'warning']).toContain(problem.severity);
    }

    const text = await runCli(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^✗ .*many\.interchange\.json has \d+ errors:/);
    expect(text.stdout).toContain('  ✗ Get Contact (step_2): URL is missing.\n    → Give the step the URL it calls, e.g. https://api.example.com/contacts.\n    at config.steps[1].steps[0].url\n');
  });

  it('prints valid files as JSON too', async () => {
    const result = await runCli(['validate', 'tests/fixtures/connectors/phone-enrichment.interchange.json', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: 'tests/fixtures/connectors/phone-enrichment.interchange.json', valid: true, name: 'Phone Number Enrichment', steps: 4, problems: [] });
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
