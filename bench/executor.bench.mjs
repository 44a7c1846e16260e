// In-process cost of the executor (issue #2, section 8): N runs of the 3-step chain through
// `runConnector` over the live fetch transport, against N × 3 plain fetch calls doing the same
// requests, both in this one process against the same local server, interleaved in rounds so
// machine load hits both alike. Start-up is excluded: this isolates the per-run overhead of
// the core (templates, auth, timers, redaction, JSONPath, records). The core is bundled from
// source with esbuild first, so the figures follow the working tree.
//   node bench/executor.bench.mjs            (BENCH_ROWS, BENCH_ROUNDS to change the sizes)
//   node --cpu-prof bench/executor.bench.mjs (profile the same loop)
//   BENCH_CORE_ENTRY=/elsewhere/core/index.ts (compare another checkout of core, e.g. before a change)
//   BENCH_RECORD_DETAIL=summary              (records without request/response parts, as the CLI runs)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BENCH_TOKEN, phoneRows, startChainServer } from './lib/chainServer.mjs';
import { median, report } from './lib/report.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const RECORD_DETAIL = process.env.BENCH_RECORD_DETAIL ?? 'full';
const root = fileURLToPath(new URL('..', import.meta.url));

const dir = await mkdtemp(join(tmpdir(), 'connector-studio-executor-bench-'));
const server = await startChainServer();
try {
  const outfile = join(dir, 'core.mjs');
  await build({ entryPoints: [process.env.BENCH_CORE_ENTRY ?? join(root, 'core/index.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
  const core = await import(pathToFileURL(outfile).href);
  const connector = core.loadConnectorDocument(JSON.parse(await readFile(join(root, 'bench/fixtures/chain.interchange.json'), 'utf8')));
  const phones = phoneRows(ROWS);
  // The fetch transport lives in host/http (core has no fetch types); bundled beside the core under test.
  const fetchOut = join(dir, 'fetchTransport.mjs');
  await build({ entryPoints: [join(root, 'host/http/createFetchTransport.ts')], outfile: fetchOut, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
  const transport = (await import(pathToFileURL(fetchOut).href)).createFetchTransport();
  const rateLimiter = core.createRateLimiterRegistry(core.systemClock);
  const secrets = { get: (name) => (name === 'crm_token' ? BENCH_TOKEN : undefined) };

  const viaCore = async () => {
    for (const phone of phones) {
      const record = await core.runConnector(connector, { inputs: { base_url: server.baseUrl, phone }, transport, secrets, clock: core.systemClock, rateLimiter, recordDetail: RECORD_DETAIL });
      if (record.status !== 'success' || record.contact.company == null) throw new Error(`run failed: ${JSON.stringify(record.error ?? record.steps)}`);
    }
  };
  // The same three requests with fetch and manual field access, like baselines/handwritten-chain.cjs.
  const headers = { authorization: `Bearer ${BENCH_TOKEN}`, accept: 'application/json' };
  const getJson = async (url) => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  };
  const viaFetch = async () => {
    for (const phone of phones) {
      const search = await getJson(`${server.baseUrl}/contacts/search?phone=${encodeURIComponent(phone)}`);
      const contact = await getJson(`${server.baseUrl}/contacts/${encodeURIComponent(search.results[0].id)}`);
      const company = await getJson(`${server.baseUrl}/companies/${encodeURIComponent(contact.companyId)}`);
      if (!company.name) throw new Error('no company');
    }
  };
  const time = async (fn) => {
    const before = server.requestCount();
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    await fn();
    const cpu = process.cpuUsage(cpuBefore);
    const ms = performance.now() - startedAt;
    if (server.requestCount() - before !== ROWS * 3) throw new Error(`expected ${ROWS * 3} requests, got ${server.requestCount() - before}`);
    // CPU time (this process: client and server alike) is steadier than wall time on a shared machine.
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  };

  // Warm-up (JIT, connection pool), then interleaved rounds.
  await time(viaFetch);
  await time(viaCore);
  const coreRuns = [];
  const fetchRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    fetchRuns.push(await time(viaFetch));
    coreRuns.push(await time(viaCore));
  }
  const coreMs = coreRuns.map((run) => run.ms);
  const fetchMs = fetchRuns.map((run) => run.ms);
  const coreCpu = coreRuns.map((run) => run.cpuMs);
  const fetchCpu = fetchRuns.map((run) => run.cpuMs);
  const perRun = (ms) => (ms / ROWS).toFixed(3);
  const overheads = coreMs.map((ms, i) => (ms - fetchMs[i]) / ROWS);
  const ratios = coreMs.map((ms, i) => ms / fetchMs[i]);
  console.log(`runConnector  median ${median(coreMs).toFixed(0)} ms (${perRun(median(coreMs))} ms/run)  rounds: ${coreMs.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.log(`raw fetch     median ${median(fetchMs).toFixed(0)} ms (${perRun(median(fetchMs))} ms/row)  rounds: ${fetchMs.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.log(`CPU time      runConnector median ${median(coreCpu).toFixed(0)} ms, raw fetch median ${median(fetchCpu).toFixed(0)} ms`);
  report({ metric: `runConnector CPU overhead per run over 3 raw fetches, ${RECORD_DETAIL} records (median of ${ROUNDS})`, value: Number(median(coreCpu.map((ms, i) => (ms - fetchCpu[i]) / ROWS)).toFixed(3)), unit: 'ms' });
  report({ metric: `runConnector / raw fetch CPU time (median per-round ratio)`, value: Number(median(coreCpu.map((ms, i) => ms / fetchCpu[i])).toFixed(2)), unit: '×' });
  report({ metric: `runConnector overhead per run over 3 raw fetches, ${RECORD_DETAIL} records (median of ${ROUNDS})`, value: Number(median(overheads).toFixed(3)), unit: 'ms' });
  report({ metric: `runConnector / raw fetch, ${ROWS} runs in-process (median per-round ratio)`, value: Number(median(ratios).toFixed(2)), unit: '×' });
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
