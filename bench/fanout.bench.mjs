// Parallel fan-out (issue #2, section 8): a connector whose 3 entry steps run as parallel
// branches against a server that answers each after 300 ms. Through runConnector in
// process, the run's wall time should be that of the slowest branch (target ≤ 1.15×
// 300 ms), not the sum. Printed, not asserted.
import { createServer } from 'node:http';
import { tsImport } from 'tsx/esm/api';
import { median, report } from './lib/report.mjs';

const BRANCH_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const core = await tsImport('../core/index.ts', import.meta.url);
const { createFetchTransport } = await tsImport('../host/http/createFetchTransport.ts', import.meta.url);

const server = createServer((request, response) => {
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ branch: request.url, ok: true }));
  }, BRANCH_MS);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const connector = core.loadConnectorDocument({
  schemaVersion: 2,
  id: 'bench-fanout',
  name: 'Bench fan-out',
  steps: ['a', 'b', 'c'].map((branch) => ({
    id: `branch_${branch}`,
    name: `Branch ${branch}`,
    url: `${baseUrl}/${branch}`,
    outputs: [{ name: 'ok', path: '$.ok' }],
  })),
  settings: { maxRetries: 0 },
});

const transport = createFetchTransport();
const run = () => core.runConnector(connector, { inputs: {}, transport, secrets: { get: () => undefined } });

try {
  await run(); // warm-up: first connection, JIT
  const walls = [];
  const slowest = [];
  for (let i = 0; i < RUNS; i++) {
    const startedAt = performance.now();
    const record = await run();
    walls.push(performance.now() - startedAt);
    if (record.status !== 'success') throw new Error(`fan-out run failed: ${JSON.stringify(record.error ?? record.steps.map((s) => s.error))}`);
    slowest.push(Math.max(...record.steps.map((step) => step.durationMs)));
  }
  const wall = median(walls);
  console.log(`wall times: ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms; slowest branch (median) ${median(slowest).toFixed(0)} ms`);
  report({ metric: `3 parallel branches × ${BRANCH_MS} ms, wall (median of ${RUNS})`, value: Math.round(wall), unit: 'ms' });
  report({ metric: `wall / ${BRANCH_MS} ms slowest branch`, value: wall / BRANCH_MS, unit: '×', target: '≤ 1.15×', met: wall / BRANCH_MS <= 1.15 });
  report({ metric: 'wall / measured slowest branch', value: wall / median(slowest), unit: '×' });
} finally {
  server.closeAllConnections();
  server.close();
}
