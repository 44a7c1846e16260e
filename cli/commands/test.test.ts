import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '#core/test-helpers';
import { startChainServer, TOKEN } from '../test-helpers/chainServer.js';
import { chainConnector } from '../test-helpers/connectors.js';
import { buildCliOnce, createWorkDir, jsonLines, runCli } from '../test-helpers/runCli.js';

let server: TestServer;
let work: Awaited<ReturnType<typeof createWorkDir>>;

beforeAll(async () => {
  buildCliOnce();
  server = await startChainServer();
  work = await createWorkDir();
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

/** The chain with mock responses on every step, so its tests run offline. */
function mockedChain(tests: unknown[]): Record<string, unknown> {
  const doc = chainConnector('https://api.example.com');
  doc.steps = (doc.steps as Array<Record<string, unknown>>).map((step) => ({
    ...step,
    mock: { status: 200, body: { search: { results: [{ id: 'c_1' }] }, contact: { firstname: 'Grace', companyId: 'co_9' }, company: { name: 'Hopper Inc' } }[step.id as string] },
  }));
  return { ...doc, tests };
}

describe('connector-studio test', () => {
  it('passes the stored test cases of the example connectors folder', async () => {
    const result = await runCli(['test', 'tests/fixtures/connectors']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/company-lookup\.connector\.json\n {2}✓ maps the company and its headcount \[mock\]/);
    expect(result.stdout).toMatch(/\n1 passed, 0 failed \(1 file\)\n$/);
  });

  it('prints each mismatch and exits 1 when a case fails', async () => {
    const file = await work.write('failing.connector.json', mockedChain([
      { name: 'right', inputs: { phone: '1' }, expect: { status: 'success', contact: { first_name: 'Grace', company: 'Hopper Inc' } } },
      { name: 'wrong', inputs: { phone: '1' }, expect: { steps: { company: 'skipped' }, contact: { company: 'Other Ltd' } } },
    ]));
    const result = await runCli(['test', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✓ right \[mock\]/);
    expect(result.stdout).toMatch(/✗ wrong \[mock\] {2}\d+ ms\n {6}expected step "company" to be skipped, it was success\n {6}expected contact field "company" to be "Other Ltd", got "Hopper Inc"/);
    expect(result.stdout).toMatch(/1 passed, 1 failed \(1 file\)/);

    const json = await runCli(['test', file, '--json']);
    expect(json.code).toBe(1);
    const lines = jsonLines(json.stdout) as Array<Record<string, unknown>>;
    expect(lines.map((line) => line.name ?? 'summary')).toEqual(['right', 'wrong', 'summary']);
    expect(lines[1]?.passed).toBe(false);
    expect(lines[2]).toEqual({ summary: { files: 1, cases: 2, passed: 1, failed: 1, invalidFiles: 0 } });
  });

  it('replays a recorded cassette named relative to the connector file', async () => {
    await mkdir(`${work.dir}/suite/cassettes`, { recursive: true });
    const live = chainConnector(server.url);
    const recordPath = `${work.dir}/suite/cassettes/grace.cassette.json`;
    const connectorFile = await work.write('suite/chain.connector.json', {
      ...live,
      tests: [{ name: 'replays the recording', mode: 'replay', cassette: 'cassettes/grace.cassette.json', inputs: { phone: '123' }, expect: { status: 'success', contact: { first_name: 'Ada c_123', company: 'Acme Corp' } } }],
    });
    const record = await runCli(['run', connectorFile, '--input', 'phone=123', '--credential', `crm_token=${TOKEN}`, '--record', recordPath]);
    expect(record.code).toBe(0);

    await server.close();
    server = await startChainServer(); // a new port: replay must not touch the network at all
    const result = await runCli(['test', `${work.dir}/suite`], { cwd: '/' });
    expect(result.stdout).toMatch(/✓ replays the recording \[replay\]/);
    expect(result.code).toBe(0);
  });

  it('reports an invalid file in a folder, still tests the others, and exits 1', async () => {
    await mkdir(`${work.dir}/mixed`, { recursive: true });
    await work.write('mixed/good.connector.json', mockedChain([{ name: 'ok', inputs: { phone: '1' }, expect: { status: 'success' } }]));
    await work.write('mixed/bad.connector.json', '{ "schemaVersion": 2, ');
    await work.write('mixed/notes.json', '{"not": "a connector"}');
    const result = await runCli(['test', `${work.dir}/mixed`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/bad\.connector\.json\n {2}✗ .*is not valid JSON \(line 1, column \d+\)/);
    expect(result.stdout).toMatch(/good\.connector\.json\n {2}✓ ok \[mock\]/);
    expect(result.stdout).toMatch(/1 passed, 0 failed, 1 invalid file \(2 files\)/);
  });

  it('exits 2 for a path with nothing to test', async () => {
    const missing = await runCli(['test', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot find no\/such\/dir/);
    await mkdir(`${work.dir}/empty`, { recursive: true });
    const empty = await runCli(['test', `${work.dir}/empty`]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no \*\.connector\.json files/);
  });
});
