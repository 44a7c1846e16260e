import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInterchange, importInterchange, isConnectorError, loadConnectorDocument, toStableJson } from '#core';
import { buildCliOnce, createWorkDir, REPO_ROOT, runCli } from '../test-helpers/runCli.js';

let work: Awaited<ReturnType<typeof createWorkDir>>;
beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
});
afterAll(() => work.cleanup());

const INTERCHANGE = 'tests/fixtures/connectors/phone-enrichment.interchange.json';
const APP = 'tests/fixtures/connectors/company-lookup.connector.json';
const read = async (path: string) => JSON.parse(await readFile(join(REPO_ROOT, path), 'utf8')) as unknown;

/** A → B, A → C, and D after B only: not "after every step of the previous group". */
const notLayered = {
  schemaVersion: 2, id: 'diamond', name: 'Not layered',
  steps: ['a', 'b', 'c', 'd'].map((id) => ({ id, url: `https://api.example.test/${id}` })),
  edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'a', target: 'c' }, { id: 'e3', source: 'b', target: 'd' }],
};

describe('connector-studio convert', () => {
  it('--to app turns an interchange file into the app format, as the app would save it', async () => {
    const result = await runCli(['convert', INTERCHANGE, '--to', 'app']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(toStableJson(loadConnectorDocument(await read(INTERCHANGE))));
  });

  it('--to interchange --out writes a file that imports back to the same connector', async () => {
    const out = join(work.dir, 'company.interchange.json');
    const result = await runCli(['convert', APP, '--to', 'interchange', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote Company Lookup to .*company\.interchange\.json \(interchange format\)/);
    const written = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
    const original = loadConnectorDocument(await read(APP));
    expect(written).toEqual(exportInterchange(original));
    expect(exportInterchange(importInterchange(written))).toEqual(written);
  });

  it('a graph the interchange cannot express exits 1 with the message the editor shows (core\'s UNSUPPORTED_EXPORT)', async () => {
    const file = await work.write('diamond.connector.json', notLayered);
    const result = await runCli(['convert', file, '--to', 'interchange']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    let expected = '';
    try {
      exportInterchange(loadConnectorDocument(notLayered));
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      expected = `${error.message} ${error.hint}`; // the editor's "Not exported: …" text (renderer errorMessage)
    }
    expect(expected).toMatch(/runs after .* only, but .* In the editor, link /);
    expect(result.stderr).toContain(`${file} cannot be written in the interchange format: ${expected}\n`);
  });

  it('--env maps {{env.x}} from environments.json next to the file; without it the refusal names the field and the option', async () => {
    const envConnector = { schemaVersion: 2, id: 'env-c', name: 'Env connector', steps: [{ id: 'call', name: 'Call', url: '{{env.base_url}}/x', headers: [{ key: 'x-key', value: '{{env.partner_key}}' }] }] };
    const file = await work.write('env.connector.json', envConnector);
    await work.write('environments.json', { environments: { sandbox: { variables: { base_url: 'https://sandbox.example.test' }, secrets: ['partner_key'] } } });
    const refused = await runCli(['convert', file, '--to', 'interchange']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('step "Call" URL uses {{env.base_url}}; step "Call" header x-key uses {{env.partner_key}}');
    expect(refused.stderr).toContain('convert --to interchange --env <name>');
    const mapped = await runCli(['convert', file, '--to', 'interchange', '--env', 'sandbox']);
    expect(mapped.code).toBe(0);
    const doc = JSON.parse(mapped.stdout) as { input_schema: unknown; config: { url: string; headers: unknown } };
    expect(doc.input_schema).toEqual({ base_url: { type: 'string', label: 'base_url (sandbox environment)', default: 'https://sandbox.example.test' } });
    expect(doc.config).toMatchObject({ url: '{{base_url}}/x', headers: [{ key: 'x-key', value: '{{workspace.partner_key}}' }] });
    expect(await runCli(['convert', file, '--to', 'interchange', '--env', 'staging'])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no environment "staging"') });
  });

  it('usage errors exit 2 and point at the help', async () => {
    expect(await runCli(['convert', APP])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--to app or --to interchange[\s\S]*convert --help/) });
    expect(await runCli(['convert', APP, '--to', 'yaml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/not "yaml"/) });
    expect(await runCli(['convert', 'missing.json', '--to', 'app'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Cannot find the connector file missing\.json/) });
    expect((await runCli(['convert', '--help'])).stdout).toMatch(/^Usage: connector-studio convert/);
  });
});
