// The server runtime benchmark (issue 14, section 4): N = 1, 2, 4 real worker processes
// (`npm run worker`'s entry) drain 2,000 queued executions of a 3-step connector against a
// local sandbox that holds every answer 20 ms. Reported per N: executions/s (first request
// queued → last row recorded), p50/p95 queue-to-done latency (run request created → execution
// completed, from the database's own timestamps), and the ratio to the baseline measured in the
// same run: the same 2,000 runs in one process by the CLI's `--data` at the same per-process
// concurrency. Needs DATABASE_URL (a real PostgreSQL; workers are separate processes).
// Also per phase: CPU seconds per execution (workers' own /proc counters, the CLI's the same
// way), the queue's own time per execution (pg-boss fetch → complete minus the connector run),
// and the load average, so "the queue" and "the machine" can be told apart. The first phase
// runs one worker fetching one job at a time (WORKER_BATCH_SIZE=1, how workers ran before):
// after every job a pg-boss poller then sleeps its 0.5 s polling interval.
// Bounded: each phase stops after BENCH_SERVER_PHASE_S seconds (default 240).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { report } from './lib/report.mjs';
import { spawn } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  process.stdout.write('skipped: the server bench needs DATABASE_URL (a real PostgreSQL), e.g. from `npm run db:postgres`\n');
  process.exit(0);
}

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const { startSandbox } = await import('../server/test-helpers/sandbox.ts');
const { spawnWorker } = await import('../server/test-helpers/workerProcess.ts');
const { addConnector, createServerWorld, enqueue, sandboxConnectorDocument, CANARY } = await import('../server/test-helpers/world.ts');

const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 2000);
// 8 at once per process: 4 workers × (8 + 11) connections stay under PostgreSQL's default 100.
const CONCURRENCY = Number(process.env.BENCH_SERVER_CONCURRENCY ?? 8);
const WORKER_COUNTS = (process.env.BENCH_SERVER_WORKERS ?? '1,2,4').split(',').map(Number);
const BATCH = Number(process.env.BENCH_SERVER_BATCH ?? 4);
// "n" or "nxbatch": phases to run; by default the one-job-per-fetch worker first, as the before.
const PHASES = (process.env.BENCH_SERVER_PHASES ?? ['1x1', ...WORKER_COUNTS.map((n) => `${n}x${BATCH}`)].join(','))
  .split(',').map((phase) => { const [n, batch] = phase.split('x').map(Number); return { n, batch: batch || BATCH }; });
const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU in 1/100 s on Linux

/** CPU seconds a process has used so far (user + system), from /proc; 0 once it is gone. */
async function cpuSeconds(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Runs a process to its end; wall ms and its CPU seconds (sampled every 50 ms, the last sample kept). */
function runMeasured(command, args) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let cpu = 0;
    const sampler = setInterval(() => void cpuSeconds(child.pid).then((value) => { if (value > cpu) cpu = value; }), 50);
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => { clearInterval(sampler); resolve({ ms: performance.now() - startedAt, stdout, cpu }); });
  });
}
const PHASE_MS = Number(process.env.BENCH_SERVER_PHASE_S ?? 240) * 1000;
const LATENCY_MS = 20;

const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
const world = await createServerWorld();
const dir = await mkdtemp(join(tmpdir(), 'connector-studio-server-bench-'));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// No per-connector cap below the workers' own concurrency: the bench measures the queue.
const rateLimit = { enabled: false, maxConcurrent: 100 };

try {
  // Baseline: one process, the CLI, the same connector document, the same sandbox.
  const doc = sandboxConnectorDocument({ tag: 'bench-cli', steps: 3, baseUrl: sandbox.baseUrl, rateLimit });
  const file = join(dir, 'bench.connector.json');
  await writeFile(file, JSON.stringify(doc));
  const rows = join(dir, 'rows.csv');
  await writeFile(rows, `email\n${Array.from({ length: RUNS }, (_, i) => `user${i}@example.com`).join('\n')}\n`);
  const load = loadavg()[0];
  const cli = await runMeasured(process.execPath, [join(root, 'bin/connector-studio.js'), 'run', file, '--data', rows, '--json', '--concurrency', String(CONCURRENCY), '--credential', `api_key=${CANARY}`]);
  const summary = JSON.parse(cli.stdout.trim().split('\n').at(-1)).summary;
  if (summary?.succeeded !== RUNS) throw new Error(`the CLI baseline did not succeed ${RUNS} times: ${JSON.stringify(summary)}`);
  const cliRate = RUNS / (cli.ms / 1000);
  const cliCpuMs = (cli.cpu * 1000) / RUNS;
  process.stdout.write(`cli --data: ${RUNS} runs in ${(cli.ms / 1000).toFixed(1)} s = ${cliRate.toFixed(0)} executions/s (concurrency ${CONCURRENCY}), ` +
    `${cliCpuMs.toFixed(2)} ms CPU per execution, load average ${load.toFixed(1)}\n`);
  report({ metric: `cli --data (1 process, concurrency ${CONCURRENCY})`, value: cliRate, unit: 'executions/s' });
  report({ metric: 'cli --data: CPU per execution', value: cliCpuMs, unit: 'ms' });

  for (const { n, batch } of PHASES) {
    const tag = `bench-n${n}-b${batch}`;
    const label = `${n} worker(s), batch ${batch}`;
    const connectorId = await addConnector(world, { tag, steps: 3, baseUrl: sandbox.baseUrl, rateLimit });
    const workers = await Promise.all(Array.from({ length: n }, () =>
      spawnWorker(world.url, { WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_BATCH_SIZE: String(batch), WORKER_SUPERVISE_INTERVAL_SECONDS: '5' })));
    try {
      const cpuBefore = (await Promise.all(workers.map((worker) => cpuSeconds(worker.pid)))).reduce((a, b) => a + b, 0);
      const phaseLoad = loadavg()[0];
      const contacts = Array.from({ length: RUNS }, () => crypto.randomUUID());
      for (let i = 0; i < RUNS; i += 1000) await enqueue(world, connectorId, { email: 'bench@example.com' }, contacts.slice(i, i + 1000));
      const deadline = Date.now() + PHASE_MS;
      let done = 0;
      while (done < RUNS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        done = (await world.db.query(`select count(*)::int as n from connector_executions where connector_id = $1`, [connectorId])).rows[0].n;
      }
      const workerCpu = (await Promise.all(workers.map((worker) => cpuSeconds(worker.pid)))).reduce((a, b) => a + b, 0) - cpuBefore;
      // The queue's own time per job: held by a worker (pg-boss started_on → completed_on) minus the connector run itself.
      const { rows: [held] } = await world.db.query(
        `select percentile_cont(0.5) within group (order by extract(epoch from (j.completed_on - j.started_on)) * 1000 - e.execution_time_ms) as overhead_ms,
                avg(e.execution_time_ms) as run_ms
         from connector_executions e join pgboss.job j on j.id = e.client_run_id and j.name = $2 where e.connector_id = $1 and j.completed_on is not null`,
        [connectorId, 'connector-executions'],
      );
      const { rows: timing } = await world.db.query(
        `select extract(epoch from (e.completed_at - r.created_at)) * 1000 as latency_ms, e.status,
                extract(epoch from r.created_at) * 1000 as queued_at, extract(epoch from e.completed_at) * 1000 as done_at
         from connector_executions e join connector_run_requests r on r.id = e.client_run_id where e.connector_id = $1`,
        [connectorId],
      );
      const latencies = timing.map((row) => Number(row.latency_ms)).sort((a, b) => a - b);
      const first = Math.min(...timing.map((row) => Number(row.queued_at)));
      const last = Math.max(...timing.map((row) => Number(row.done_at)));
      const succeeded = timing.filter((row) => row.status === 'success').length;
      const rate = timing.length / ((last - first) / 1000);
      const note = done < RUNS ? ` (stopped at the ${PHASE_MS / 1000} s bound: ${done}/${RUNS})` : '';
      const cpuMs = (workerCpu * 1000) / Math.max(1, timing.length);
      const overheadMs = Number(held?.overhead_ms ?? NaN);
      const runMs = Number(held?.run_ms ?? NaN);
      process.stdout.write(`${label}: ${timing.length} runs (${succeeded} ok) in ${((last - first) / 1000).toFixed(1)} s = ${rate.toFixed(0)} executions/s, ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms queue-to-done, ${(rate / cliRate).toFixed(2)}x the CLI; ` +
        `worker CPU ${cpuMs.toFixed(2)} ms per execution, queue time per job ${overheadMs.toFixed(0)} ms beside a ${runMs.toFixed(0)} ms run (median), load average ${phaseLoad.toFixed(1)}${note}\n`);
      report({ metric: `${label} x ${CONCURRENCY}: throughput`, value: rate, unit: 'executions/s', note });
      report({ metric: `${label}: p50 queue-to-done`, value: percentile(latencies, 50), unit: 'ms' });
      report({ metric: `${label}: p95 queue-to-done`, value: percentile(latencies, 95), unit: 'ms' });
      report({ metric: `${label} / cli --data`, value: rate / cliRate, unit: 'x' });
      report({ metric: `${label}: worker CPU per execution`, value: cpuMs, unit: 'ms' });
      report({ metric: `${label}: queue time per job (median)`, value: overheadMs, unit: 'ms' });
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await sandbox.close();
  await world.db.close();
}
