import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, reply, type TestServer } from '#core/test-helpers';
import { startChainServer, TOKEN } from '../test-helpers/chainServer.js';
import { chainConnector, singleStepConnector } from '../test-helpers/connectors.js';
import { BIN, buildCliOnce, createWorkDir, jsonLines, REPO_ROOT, runCli } from '../test-helpers/runCli.js';

let server: TestServer;
let work: Awaited<ReturnType<typeof createWorkDir>>;
let chainFile: string;

beforeAll(async () => {
  buildCliOnce();
  server = await startChainServer();
  work = await createWorkDir();
  chainFile = await work.write('chain.connector.json', chainConnector(server.url));
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

const credential = ['--credential', `crm_token=${TOKEN}`];
type RowResult = { row: number; status: string; steps: Array<{ id: string; status: string; error?: { code: string } }>; contact: Record<string, unknown> };
type Summary = { summary: { total: number; succeeded: number; failed: number; durationMs: number } };

describe('connector-studio run --data', () => {
  it('runs one row per CSV line and ends with a summary line', async () => {
    const rows = await work.write('rows.csv', 'phone\n+15550001\n+15550002\n+15550003\n');
    const result = await runCli(['run', chainFile, '--data', rows, ...credential, '--json']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(4);
    const results = lines.slice(0, 3) as RowResult[];
    expect(results.map((r) => r.row)).toEqual([1, 2, 3]);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['contact', 'durationMs', 'row', 'status', 'steps']);
      expect(r.contact).toEqual({ first_name: `Ada c_+1555000${r.row}`, company: 'Acme Corp' });
    }
    const { summary } = lines[3] as Summary;
    expect(summary).toMatchObject({ total: 3, succeeded: 3, failed: 0 });
    expect(typeof summary.durationMs).toBe('number');
    // Not a terminal: no progress bar.
    expect(result.stderr).toBe('');
  });

  it('reads JSON rows, exits 1 when any row fails, and counts the failures', async () => {
    const rows = await work.write('rows.json', JSON.stringify([{ phone: '1' }, { phone: '500' }, { phone: '3' }]));
    const result = await runCli(['run', chainFile, '--data', rows, ...credential, '--json', '--concurrency', '2']);
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    const results = (lines.slice(0, -1) as RowResult[]).sort((a, b) => a.row - b.row);
    expect(results.map((r) => r.status)).toEqual(['success', 'failed', 'success']);
    expect(results[1]?.steps.find((s) => s.id === 'contact')?.error?.code).toBe('HTTP_ERROR');
    expect((lines.at(-1) as Summary).summary).toMatchObject({ total: 3, succeeded: 2, failed: 1 });
  });

  it('prints one line per row and a summary without --json', async () => {
    const rows = await work.write('two.csv', 'phone,extra\n1,x\n500,y\n');
    const result = await runCli(['run', chainFile, '--data', rows, ...credential]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✓ row 1 {2}\d+ ms\n✗ row 2 {2}\d+ ms {2}contact: .*500/);
    expect(result.stdout).toMatch(/2 rows: 1 succeeded, 1 failed in \d+ ms\n$/);
    expect(result.stderr).toMatch(/ignoring column that is not an input of Phone Chain: extra/);
  });

  it('applies --input to every row unless the row sets it', async () => {
    const doc = chainConnector(server.url, { inputs: [{ name: 'phone', type: 'string', required: true }, { name: 'region', type: 'string' }] });
    const file = await work.write('region.json', doc);
    const rows = await work.write('phones.csv', 'phone\n11\n12\n');
    const result = await runCli(['run', file, '--data', rows, '--input', 'region=eu', '--input', 'phone=ignored', ...credential, '--json']);
    expect(result.code).toBe(0);
    expect((jsonLines(result.stdout) as RowResult[]).slice(0, 2).map((r) => r.contact.first_name)).toEqual(['Ada c_11', 'Ada c_12']);
  });

  it('applies the connector rate limit across rows (perMinute 2, strategy fail)', async () => {
    const limited = await createTestServer({ '/lookup': reply.json({ echo: 'ok' }) });
    try {
      const doc = singleStepConnector(`${limited.url}/lookup`, { rateLimit: { enabled: true, maxRequestsPerMinute: 2, strategy: 'fail' } });
      const file = await work.write('limited.json', doc);
      const rows = await work.write('four.csv', 'phone\n1\n2\n3\n4\n');
      const result = await runCli(['run', file, '--data', rows, ...credential, '--json']);
      expect(result.code).toBe(1);
      const lines = jsonLines(result.stdout);
      const results = lines.slice(0, -1) as RowResult[];
      expect(results.map((r) => r.status)).toEqual(['success', 'success', 'failed', 'failed']);
      expect(results[2]?.steps[0]?.error?.code).toBe('RATE_LIMITED');
      expect(results[3]?.steps[0]?.error?.code).toBe('RATE_LIMITED');
      expect((lines.at(-1) as Summary).summary).toMatchObject({ total: 4, succeeded: 2, failed: 2 });
      // The limit held across rows: the API saw two requests, not four.
      expect(limited.requests).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });

  it('rejects unusable data files with exit 2', async () => {
    const notArray = await work.write('obj.json', '{"phone": "1"}');
    const a = await runCli(['run', chainFile, '--data', notArray, ...credential]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/must hold a JSON array of objects/);
    const b = await runCli(['run', chainFile, '--data', `${work.dir}/missing.csv`, ...credential]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/Cannot find the data file/);
    const c = await runCli(['run', chainFile, '--data', notArray, '--concurrency', '0']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--concurrency must be a whole number from 1 to 64/);
  });
});

describe('progress bar', () => {
  it('is drawn on stderr when it is a terminal (run under a pseudo-terminal with script(1))', async () => {
    const rows = await work.write('five.csv', 'phone\n1\n2\n3\n4\n5\n');
    const command = [process.execPath, BIN, 'run', chainFile, '--data', rows, ...credential].join(' ');
    const output = await new Promise<string>((resolve, reject) => {
      execFile('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    expect(output).toMatch(/\[█+\] 5\/5 {2}✓ 5 {2}✗ 0/);
    expect(output).toMatch(/\[░+\] 0\/5/);
    expect(output).toMatch(/5 rows: 5 succeeded, 0 failed/);
  });
});
